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
  type DeliveryWorker,
  messageEndpoint,
} from '@pathway-graph/shared';

import { fileURLToPath } from 'node:url';
import type { Context } from './context.ts';
import { generalPracticeOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { createLetterDeliveryWorker, receiveFromMunicipality, type GeneralPracticeMessagingOptions } from './letters/messaging.ts';
import { resolvers } from './resolvers/index.ts';

export interface GeneralPracticeSubgraphOptions {
  port: number;
  database: DatabaseTarget;
  pseudonymSecret: string;
  seedDemoData?: boolean;
  log?: Logger;
  verifier: TokenVerifier;
  /** Fixes "today" (tests); defaults to the current date in Denmark. */
  today?: () => string;
  /**
   * The channel to the municipality: when given, a delivery worker sends queued letters to `endpoints.municipality`
   * and POST /messages receives read receipts and replies. Without it letters stay QUEUED (tests drive delivery).
   */
  messaging?: GeneralPracticeMessagingOptions;
}

export interface RunningGeneralPracticeSubgraph extends RunningService {
  database: Database<typeof schema>;
  /** The letter delivery worker, when messaging is configured (started already). */
  worker: DeliveryWorker | null;
}

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export async function startGeneralPracticeSubgraph(
  options: GeneralPracticeSubgraphOptions,
): Promise<RunningGeneralPracticeSubgraph> {
  const log = options.log ?? createLogger('general-practice');
  const database = await openDatabase({
    target: options.database,
    pgSchema: 'general_practice',
    migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
    schema,
  });
  const { db } = database;
  const tables = { consents: schema.consents, accessLog: schema.accessLog };
  const today = options.today ?? (() => todayInDenmark());
  if (options.seedDemoData) {
    const seeded = await seedDemoData(db, options.pseudonymSecret);
    if (seeded.practices) log.info(seeded, 'seeded fictitious demo practices and synthetic children');
  }
  const worker = options.messaging ? createLetterDeliveryWorker(db, options.messaging, log) : null;
  const messaging = options.messaging;
  const service = await startSubgraphServer<Context>({
    name: 'general-practice',
    port: options.port,
    log,
    schemaFile: new URL('../schema.graphql', import.meta.url),
    resolvers,
    verifier: options.verifier,
    context: async (base) => ({
      ...base,
      db,
      loaders: createLoaders(db),
      access: createRequestAccess(base, db, tables, generalPracticeOwnership, today()),
      pseudonymSecret: options.pseudonymSecret,
    }),
    ...(messaging
      ? {
          routes: (app) => {
            app.post('/messages', messageEndpoint({ signingSecret: messaging.signingSecret, handle: receiveFromMunicipality(db), log }));
          },
        }
      : {}),
    plugins: [accessLogPlugin<Context>(db, tables)],
    ready: () => database.ping(),
    onClose: async () => {
      await worker?.stop();
      await database.close();
    },
  });
  worker?.start();
  return Object.assign(service, { database, worker });
}
