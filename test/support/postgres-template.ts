/**
 * The PostgreSQL pass's counterpart of the PGlite template (test/support/pglite-template.ts): one database on the
 * test server with every sector's schema migrated, built once per set of migrations, from which a suite's databases
 * are copied (`create database ... template ...`), so that every subgraph's migrator, run at start as in production,
 * finds nothing pending instead of migrating each fresh database from scratch.
 *
 * Its name carries the hash of the migration files, so a changed migration builds another template. It is built
 * under a temporary name and renamed when complete, so a concurrent run (another worktree on the same server) either
 * finds the whole template or builds its own copy and drops it when the other's rename won. PostgreSQL copies a
 * database only while no one is connected to it: once built, the template accepts no connections at all.
 */
import { openDatabase, SECTOR_SUBGRAPH_NAMES, SUBGRAPHS } from '@pathway-graph/shared';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrationsFolder, migrationsHash } from './pglite-template.ts';

/** The template database for today's migrations. */
export function postgresTemplateName(): string {
  return `pathway_template_${migrationsHash('postgres\n')}`;
}

/** `adminUrl` with its database replaced by `database`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Builds the template unless the server has it already, and returns its name. */
export async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    if ((await admin`select 1 from pg_database where datname = ${name}`).length > 0) return name;
    const building = `${name}_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${building}`);
    try {
      for (const sector of SECTOR_SUBGRAPH_NAMES) {
        const database = await openDatabase({
          target: { kind: 'postgres', url: databaseUrl(adminUrl, building), maxConnections: 1 },
          pgSchema: SUBGRAPHS[sector].pgSchema,
          migrationsFolder: migrationsFolder(sector),
          schema: {},
        });
        await database.close();
      }
      await admin.unsafe(`alter database ${building} with is_template true allow_connections false`);
      await admin.unsafe(`alter database ${building} rename to ${name}`);
    } catch (error) {
      await dropTemplate(admin, building);
      // 42P04 duplicate_database: a concurrent run renamed its template first; it is the same.
      if ((error as { code?: unknown }).code === '42P04') return name;
      throw error;
    }
    return name;
  } finally {
    await admin.end();
  }
}

async function dropTemplate(admin: postgres.Sql, name: string): Promise<void> {
  await admin.unsafe(`alter database ${name} with is_template false`).catch(() => {});
  await admin.unsafe(`drop database if exists ${name} with (force)`);
}
