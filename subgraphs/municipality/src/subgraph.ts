import {
  accessLogPlugin,
  MUNICIPALITY_INBOXES,
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
import { createLoaders } from './db/loaders.ts';
import { ensureMunicipalities } from './db/repository.ts';
import { municipalityOwnership } from './access.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { resolvers } from './resolvers/index.ts';

export interface MunicipalitySubgraphOptions {
  port: number;
  database: DatabaseTarget;
  pseudonymSecret: string;
  seedDemoData?: boolean;
  log?: Logger;
  verifier: TokenVerifier;
  /** Fixes "today" (tests); defaults to the current date in Denmark. */
  today?: () => string;
}

export interface RunningMunicipalitySubgraph extends RunningService {
  database: Database<typeof schema>;
}

/** Opens the database (migrating it), ensures the reference data, optionally seeds demo data, and serves. */
export async function startMunicipalitySubgraph(options: MunicipalitySubgraphOptions): Promise<RunningMunicipalitySubgraph> {
  const log = options.log ?? createLogger('municipality');
  const database = await openDatabase({
    target: options.database,
    pgSchema: 'municipality',
    migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
    schema,
  });
  const { db } = database;
  const tables = { consents: schema.consents, accessLog: schema.accessLog };
  const today = options.today ?? (() => todayInDenmark());
  await ensureMunicipalities(db, MUNICIPALITY_INBOXES);
  if (options.seedDemoData) {
    const seeded = await seedDemoData(db, options.pseudonymSecret);
    if (seeded) log.info({ children: seeded }, 'seeded synthetic demo children');
  }
  const service = await startSubgraphServer<Context>({
    name: 'municipality',
    port: options.port,
    log,
    schemaFile: new URL('../schema.graphql', import.meta.url),
    resolvers,
    verifier: options.verifier,
    context: async (base) => ({
      ...base,
      db,
      loaders: createLoaders(db),
      access: createRequestAccess(base, db, tables, municipalityOwnership, today()),
    }),
    plugins: [accessLogPlugin<Context>(db, tables)],
    ready: () => database.ping(),
    onClose: () => database.close(),
  });
  return Object.assign(service, { database });
}
