import {
  accessLogPlugin,
  MUNICIPALITY_INBOXES,
  createRequestAccess,
  todayInDenmark,
  type TokenVerifier,
  createLogger,
  createDeliveryWorker,
  messageEndpoint,
  openDatabase,
  type Destination,
  type DeliveryWorker,
  type ReceivedMessage,
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
import { handleIncomingMessage, messagingTables } from './incoming.ts';

export interface MunicipalitySubgraphOptions {
  port: number;
  database: DatabaseTarget;
  pseudonymSecret: string;
  seedDemoData?: boolean;
  log?: Logger;
  verifier: TokenVerifier;
  /** Fixes "today" (tests); defaults to the current date in Denmark. */
  today?: () => string;
  /**
   * Cross-sector messaging (agreement 6.2): when given, letters are received at POST /messages and replies and status
   * messages are delivered from the outbox by a worker. Without it, nothing is delivered (the outbox only fills).
   */
  messaging?: {
    signingSecret: string;
    endpoints: Record<Destination, string>;
    workerPollMs?: number;
  };
}

export interface RunningMunicipalitySubgraph extends RunningService {
  database: Database<typeof schema>;
  /** Stores an incoming message as the message endpoint does (tests, and in-process delivery). */
  receiveMessage(m: ReceivedMessage): ReturnType<typeof handleIncomingMessage>;
  /** The delivery worker, when messaging is configured. */
  worker?: DeliveryWorker;
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
  const incoming = { db, pseudonymSecret: options.pseudonymSecret, today, log };
  let worker: DeliveryWorker | undefined;
  if (options.messaging) {
    worker = createDeliveryWorker({
      db,
      tables: messagingTables,
      endpoints: options.messaging.endpoints,
      signingSecret: options.messaging.signingSecret,
      sender: 'municipality',
      ...(options.messaging.workerPollMs !== undefined ? { pollIntervalMs: options.messaging.workerPollMs } : {}),
      log,
    });
  }
  const messaging = options.messaging;
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
    ...(messaging
      ? {
          routes: (app) => {
            app.post('/messages', messageEndpoint({ signingSecret: messaging.signingSecret, handle: (m) => handleIncomingMessage(incoming, m), log }));
          },
        }
      : {}),
    ready: () => database.ping(),
    onClose: async () => {
      await worker?.stop();
      await database.close();
    },
  });
  worker?.start();
  return Object.assign(service, {
    database,
    receiveMessage: (m: ReceivedMessage) => handleIncomingMessage(incoming, m),
    ...(worker ? { worker } : {}),
  });
}
