import { describe } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { DatabaseTarget } from '@pathway-graph/shared';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migratedTemplate } from './pglite-template.ts';
import { databaseUrl, ensurePostgresTemplate } from './postgres-template.ts';

/**
 * The database backends a database-backed suite runs on: embedded PGlite always, and a real PostgreSQL server
 * when TEST_DATABASE_URL is set (CI). Suite names carry `[pglite]` / `[postgres]` so a run shows where it ran.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  /**
   * A fresh place for one suite's data (each subgraph runs its migrator at start); `dispose` removes it. On PGlite
   * every sector's schema is migrated already (one template); on PostgreSQL only when `migrated` is asked for (a
   * template database built once per run), otherwise the databases are empty and the migrations run from scratch.
   */
  create(count?: number, options?: CreateOptions): Promise<{ targets: DatabaseTarget[]; dispose(): Promise<void> }>;
}

export interface CreateOptions {
  /** Start from every sector's migrated schemas. */
  migrated?: boolean;
}

const pglite: Backend = {
  name: 'pglite',
  async create(count = 4) {
    // One in-memory instance serves every subgraph of a suite (each in its own schema), as in `npm start`.
    const instance = await freshPglite();
    const target: DatabaseTarget = { kind: 'pglite', instance };
    return { targets: Array.from({ length: count }, () => target), dispose: () => instance.close() };
  },
};

/** Loading the migrated template (test/support/pglite-template.ts) takes a fraction of PGlite's initdb and the migrations. */
async function freshPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await migratedTemplate() });
}

function postgresBackend(adminUrl: string): Backend {
  // Vitest's global setup builds it; a file run some other way builds it at its first migrated database.
  let template: Promise<string> | undefined;
  return {
    name: 'postgres',
    async create(count = 4, options = {}) {
      const copied = options.migrated ? ` template ${await (template ??= ensurePostgresTemplate(adminUrl))}` : '';
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      const names = Array.from({ length: count }, () => `pathway_test_${randomBytes(6).toString('hex')}`);
      for (const name of names) await admin.unsafe(`create database ${name}${copied}`);
      const targets: DatabaseTarget[] = names.map((name) => ({ kind: 'postgres', url: databaseUrl(adminUrl, name), maxConnections: 4 }));
      return {
        targets,
        dispose: async () => {
          for (const name of names) await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    },
  };
}

export const backends: Backend[] = [
  pglite,
  ...(process.env['TEST_DATABASE_URL'] ? [postgresBackend(process.env['TEST_DATABASE_URL'])] : []),
];

/** A fixed pseudonym secret for tests, so expected ids can be computed. */
export const TEST_PSEUDONYM_SECRET = 'test-secret-for-pseudonyms-0123456789abcdef';

/** Declares `title [pglite]` and, with TEST_DATABASE_URL, `title [postgres]`, each given its backend. */
export function describeWithDatabases(title: string, suite: (backend: Backend) => void): void {
  for (const backend of backends) describe(`${title} [${backend.name}]`, () => suite(backend));
}
