import type { Express } from 'express';
import { fileURLToPath } from 'node:url';
import type { TokenVerifier } from '../auth/tokens.ts';
import { openDatabase, type AnyDatabase, type Database, type DatabaseTarget } from '../db/database.ts';
import { todayInDenmark } from '../domain/age.ts';
import type { RequestBase, RunningService } from '../server/http.ts';
import type { HttpSettings } from '../server/settings.ts';
import { createLogger, type Logger } from '../server/logger.ts';
import { startSubgraphServer } from '../server/subgraph.ts';
import type { RequestAccess, SectorOwnership } from './access.ts';
import { createRequestAccess } from './context.ts';
import { accessLogPlugin } from './plugin.ts';
import type { SectorTables } from './tables.ts';

/** What every resolver of a sector subgraph gets for one request. */
export interface SectorContext<TDb, TLoaders> extends RequestBase {
  db: TDb;
  loaders: TLoaders;
  /** Guards and logs every read of a child's data. */
  access: RequestAccess;
}

/** How a sector subgraph is run: the same options whether alone (its main.ts), in `npm start` or in a test. */
export interface SectorSubgraphOptions {
  port: number;
  database: DatabaseTarget;
  pseudonymSecret: string;
  seedDemoData?: boolean;
  log?: Logger;
  verifier: TokenVerifier;
  /** Fixes "today" (tests); defaults to the current date in Denmark. */
  today?: () => string;
  /** Limits, timeouts, introspection (`config.http`); the defaults when not given. */
  http?: HttpSettings;
}

export interface RunningSectorSubgraph<TSchema extends Record<string, unknown>> extends RunningService {
  database: Database<TSchema>;
}

/** What makes one sector subgraph different from the others. */
export interface SectorSubgraphDefinition<TSchema extends Record<string, unknown> & SectorTables, TLoaders, TExtras extends object = object> {
  name: string;
  pgSchema: string;
  /** `import.meta.url` of the subgraph's src/subgraph.ts: schema.graphql and drizzle/ are found beside src/. */
  moduleUrl: string;
  schema: TSchema;
  ownership: SectorOwnership;
  resolvers: object;
  createLoaders(db: AnyDatabase<TSchema>): TLoaders;
  /** Fixed values every request's context also carries (e.g. the pseudonym secret). */
  contextExtras?: TExtras;
  /** Runs after migrations, before serving: reference data, and the demo seed when asked for. */
  prepare?(db: AnyDatabase<TSchema>, options: SectorSubgraphOptions, log: Logger): Promise<void>;
  /** Extra routes (e.g. a message endpoint) and what to stop on close (e.g. a delivery worker). */
  extend?(db: AnyDatabase<TSchema>, options: SectorSubgraphOptions, log: Logger): { routes?: (app: Express) => void; onClose?: () => Promise<void> };
}

/**
 * Starts a sector subgraph: opens (and migrates) its database, prepares it, and serves its schema with
 * authentication, the per-request access guard and the access log, the same way in every sector.
 */
export async function startSectorSubgraph<TSchema extends Record<string, unknown> & SectorTables, TLoaders, TExtras extends object = object>(
  definition: SectorSubgraphDefinition<TSchema, TLoaders, TExtras>,
  options: SectorSubgraphOptions,
): Promise<RunningSectorSubgraph<TSchema>> {
  const log = options.log ?? createLogger(definition.name);
  const database = await openDatabase({
    target: options.database,
    pgSchema: definition.pgSchema,
    migrationsFolder: fileURLToPath(new URL('../drizzle', definition.moduleUrl)),
    schema: definition.schema,
  });
  const { db } = database;
  const tables: SectorTables = { consents: definition.schema.consents, accessLog: definition.schema.accessLog };
  const today = options.today ?? (() => todayInDenmark());
  await definition.prepare?.(db, options, log);
  const extension = definition.extend?.(db, options, log) ?? {};
  type Context = SectorContext<AnyDatabase<TSchema>, TLoaders> & TExtras;
  const service = await startSubgraphServer<Context>({
    name: definition.name,
    port: options.port,
    log,
    schemaFile: new URL('../schema.graphql', definition.moduleUrl),
    resolvers: definition.resolvers,
    verifier: options.verifier,
    ...(options.http ? { http: options.http } : {}),
    context: async (base) => ({
      ...(definition.contextExtras as TExtras),
      ...base,
      db,
      loaders: definition.createLoaders(db),
      access: createRequestAccess(base, db, tables, definition.ownership, today()),
    }),
    plugins: [accessLogPlugin<Context>(db, tables)],
    ...(extension.routes ? { routes: extension.routes } : {}),
    ready: () => database.ping(),
    onClose: async () => {
      await extension.onClose?.();
      await database.close();
    },
  });
  return Object.assign(service, { database });
}
