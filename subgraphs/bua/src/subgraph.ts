import {
  accessLogPlugin,
  createRequestAccess,
  todayInDenmark,
  type TokenVerifier,
  createLogger,
  openDatabase,
  startSubgraphServer,
  type Database,
  type DatabaseTarget,
  type Logger,
  type RunningService,
} from '@pathway-graph/shared';
import { fileURLToPath } from 'node:url';
import type { Context } from './context.ts';
import { buaOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { resolvers } from './resolvers/index.ts';

export interface BuaSubgraphOptions {
  port: number;
  database: DatabaseTarget;
  pseudonymSecret: string;
  seedDemoData?: boolean;
  log?: Logger;
  verifier: TokenVerifier;
  /** Fixes "today" (tests); defaults to the current date in Denmark. */
  today?: () => string;
}

export interface RunningBuaSubgraph extends RunningService {
  database: Database<typeof schema>;
}

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export async function startBuaSubgraph(options: BuaSubgraphOptions): Promise<RunningBuaSubgraph> {
  const log = options.log ?? createLogger('bua');
  const database = await openDatabase({
    target: options.database,
    pgSchema: 'bua',
    migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
    schema,
  });
  const { db } = database;
  const tables = { consents: schema.consents, accessLog: schema.accessLog };
  const today = options.today ?? (() => todayInDenmark());
  if (options.seedDemoData) {
    const seeded = await seedDemoData(db, options.pseudonymSecret);
    if (seeded) log.info({ patients: seeded }, 'seeded synthetic demo patients');
  }
  const service = await startSubgraphServer<Context>({
    name: 'bua',
    port: options.port,
    log,
    schemaFile: new URL('../schema.graphql', import.meta.url),
    resolvers,
    verifier: options.verifier,
    context: async (base) => ({
      ...base,
      db,
      loaders: createLoaders(db),
      access: createRequestAccess(base, db, tables, buaOwnership, today()),
    }),
    plugins: [accessLogPlugin<Context>(db, tables)],
    ready: () => database.ping(),
    onClose: () => database.close(),
  });
  return Object.assign(service, { database });
}
