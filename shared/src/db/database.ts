import { PGlite } from '@electric-sql/pglite';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { requestScope, throwIfRequestStopped } from '../server/request-scope.ts';
import { StartupError } from '../server/startup.ts';
import { observePglite, observePostgres } from '../observability/statements.ts';
import { runAfterCommitCallbacks } from './after-commit.ts';
import { createFromTemplate } from './pglite-template.ts';
import { unreachable } from './reachable.ts';

/**
 * Where a subgraph's data lives. One factory serves every subgraph:
 * - `url`: a real PostgreSQL server (postgres.js);
 * - `dataDir`: embedded PGlite persisted in that directory (`npm start`);
 * - `pglite`: an already opened PGlite instance (tests clone a migrated template);
 * - `memory`: embedded PGlite in memory.
 * Each subgraph keeps its tables in a Postgres schema of its own, so the same code runs on one shared embedded
 * instance or on one database per sector.
 */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      /** The environment variable the URL came from, named when the server cannot be reached. */
      setting?: string;
    }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite'; instance: PGlite }
  | { kind: 'pglite'; memory: true };

export type AnyDatabase<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

/**
 * Marks the work done on behalf of an incoming request, so statements can be counted per request: background work
 * (delivery workers, seeding) runs outside it and is not counted. (It lives in server/request-scope.ts now.)
 */
export { requestScope };

/** Counts the statements this subgraph sends through drizzle while serving requests; tests bound them per request. */
export class StatementCounter {
  total = 0;
  reset(): void {
    this.total = 0;
  }
}

export interface Database<TSchema extends Record<string, unknown>> {
  readonly db: AnyDatabase<TSchema>;
  readonly kind: 'postgres' | 'pglite';
  readonly statements: StatementCounter;
  /** Cheap round trip used by the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  target: DatabaseTarget;
  /** The subgraph's Postgres schema; its migration journal is `drizzle.<pgSchema>_migrations`. */
  pgSchema: string;
  /** Folder of drizzle-kit's generated SQL migrations. */
  migrationsFolder: string;
  schema: TSchema;
}

// PGlite is single-connection and slow to create (seconds, ~300 MB): every subgraph in one process shares the
// instance of a data directory instead of opening its own.
const sharedEmbedded = new Map<string, { instance: Promise<PGlite>; users: number }>();

const sharedEmbeddedLocks = new Map<string, () => void>();

async function acquireEmbedded(dataDir: string): Promise<{ instance: PGlite; release: () => Promise<void> }> {
  const key = resolve(dataDir);
  let entry = sharedEmbedded.get(key);
  if (!entry) {
    mkdirSync(dirname(key), { recursive: true });
    sharedEmbeddedLocks.set(key, lockEmbedded(key));
    // Under the lock: a new data directory starts as a copy of the migrated template, not from PGlite's initdb.
    const instance = createFromTemplate(key).then(() => PGlite.create(key));
    entry = { instance, users: 0 };
    sharedEmbedded.set(key, entry);
  }
  entry.users += 1;
  const held = entry;
  const instance = await held.instance;
  return {
    instance,
    release: async () => {
      held.users -= 1;
      if (held.users === 0) {
        sharedEmbedded.delete(key);
        await instance.close();
        sharedEmbeddedLocks.get(key)?.();
        sharedEmbeddedLocks.delete(key);
      }
    },
  };
}

/**
 * PGlite is one process's database, and it does not refuse a second process opening the same directory, which would
 * corrupt it. Since `npm start` and a subgraph started alone share the data directory, a lock file beside it (naming
 * the holder's pid) stops the second process with a line saying who holds it. A lock left by a process that ended
 * without releasing it is taken over.
 */
function lockEmbedded(dir: string): () => void {
  const file = `${dir}.lock`;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (holder !== process.pid && isRunning(holder)) {
      throw new StartupError(
        `DATA_DIR: the embedded database in ${dir} is in use by process ${holder} (\`npm start\`, or a subgraph started alone); stop it, or give this service another DATA_DIR or a database URL`,
        'DATA_DIR',
      );
    }
    rmSync(file, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function countingLogger(counter: StatementCounter): DrizzleLogger {
  return {
    // Drizzle calls this just before it sends a statement: a request that is over (its client gone, its time up)
    // sends no more, so a transaction in progress rolls back and nothing further is read for nobody.
    logQuery() {
      if (!requestScope.getStore()) return;
      throwIfRequestStopped();
      counter.total += 1;
    },
  };
}

/** Opens a subgraph's database and applies its pending migrations. */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<Database<TSchema>> {
  const { target, pgSchema, migrationsFolder, schema } = options;
  const statements = new StatementCounter();
  const logger = countingLogger(statements);
  // The journal sits outside the subgraph's schema, because the first migration creates that schema.
  const migrationConfig = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: `${pgSchema}_migrations` };

  if (target.kind === 'postgres') {
    const client = observePostgres(postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      // Keep the connection's time zone fixed so timestamps read the same on every server.
      connection: { TimeZone: 'UTC', application_name: `pathway-graph/${pgSchema}` },
    }), pgSchema);
    try {
      await migrateWithLock(target.url, migrationConfig);
    } catch (error) {
      await client.end({ timeout: 1 }).catch(() => {});
      throw unreachable(error, target) ?? error;
    }
    const db = drizzlePostgres({ client, schema, logger, casing: 'snake_case' });
    return {
      db: runAfterCommitCallbacks(db as AnyDatabase<TSchema>),
      kind: 'postgres',
      statements,
      ping: async () => {
        await client`select 1`;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  let instance: PGlite;
  let release: () => Promise<void>;
  if ('instance' in target) {
    instance = target.instance;
    release = async () => {};
  } else if ('dataDir' in target) {
    ({ instance, release } = await acquireEmbedded(target.dataDir));
  } else {
    instance = await PGlite.create();
    release = () => instance.close();
  }
  // Embedded means one connection, so concurrent migrations of the same schema cannot interleave.
  await migratePglite(drizzlePglite({ client: instance }), migrationConfig);
  const db = drizzlePglite({ client: observePglite(instance, pgSchema), schema, logger, casing: 'snake_case' });
  return {
    db: runAfterCommitCallbacks(db as unknown as AnyDatabase<TSchema>),
    kind: 'pglite',
    statements,
    ping: async () => {
      await instance.query('select 1');
    },
    close: release,
  };
}

/**
 * Several replicas may start at once against one server: an advisory lock, held on a dedicated single connection for
 * the migration's duration, makes the second wait for the first's migrations instead of racing it. The lock is the
 * journal schema's, not the subgraph's: every subgraph's journal lives in that one schema, and two subgraphs sharing a
 * database (one DATABASE_URL) would otherwise both create it on a fresh database, and one would fail.
 */
async function migrateWithLock(
  url: string,
  config: { migrationsFolder: string; migrationsSchema: string; migrationsTable: string },
): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const lockKey = `pathway-graph:migrate:${config.migrationsSchema}`;
  try {
    await client`select pg_advisory_lock(hashtext(${lockKey}))`;
    try {
      await migratePostgres(drizzlePostgres({ client }), config);
    } finally {
      await client`select pg_advisory_unlock(hashtext(${lockKey}))`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
