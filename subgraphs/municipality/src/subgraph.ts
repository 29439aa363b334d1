import {
  createDeliveryWorker,
  messageEndpoint,
  MUNICIPALITY_INBOXES,
  startSectorSubgraph,
  todayInDenmark,
  type DeliveryWorker,
  type Destination,
  type ReceivedMessage,
  type RunningSectorSubgraph,
  type SectorSubgraphOptions,
} from '@pathway-graph/shared';
import { municipalityOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import { ensureMunicipalities } from './db/repository.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { handleIncomingMessage, messagingTables } from './incoming.ts';
import { resolvers } from './resolvers/index.ts';

export interface MunicipalitySubgraphOptions extends SectorSubgraphOptions {
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

export interface RunningMunicipalitySubgraph extends RunningSectorSubgraph<typeof schema> {
  /** Stores an incoming message as the message endpoint does (tests, and in-process delivery). */
  receiveMessage(m: ReceivedMessage): ReturnType<typeof handleIncomingMessage>;
  /** The delivery worker, when messaging is configured. */
  worker?: DeliveryWorker;
}

/** Opens the database (migrating it), ensures the reference data, optionally seeds demo data, and serves. */
export async function startMunicipalitySubgraph(options: MunicipalitySubgraphOptions): Promise<RunningMunicipalitySubgraph> {
  const today = options.today ?? (() => todayInDenmark());
  // Made while the subgraph starts (they need the database); the worker starts once the subgraph serves.
  const made: { receive?: (m: ReceivedMessage) => ReturnType<typeof handleIncomingMessage>; worker?: DeliveryWorker } = {};
  const service = await startSectorSubgraph(
    {
      name: 'municipality',
      pgSchema: 'municipality',
      moduleUrl: import.meta.url,
      schema,
      ownership: municipalityOwnership,
      resolvers,
      createLoaders,
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        await ensureMunicipalities(db, MUNICIPALITY_INBOXES);
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret);
        if (seeded) log.info({ children: seeded }, 'seeded synthetic demo children');
      },
      extend: (db, { pseudonymSecret }, log) => {
        const incoming = { db, pseudonymSecret, today, log };
        const handle = (made.receive = (m) => handleIncomingMessage(incoming, m));
        const messaging = options.messaging;
        if (!messaging) return {};
        const started = (made.worker = createDeliveryWorker({
          db,
          tables: messagingTables,
          endpoints: messaging.endpoints,
          signingSecret: messaging.signingSecret,
          sender: 'municipality',
          ...(messaging.workerPollMs !== undefined ? { pollIntervalMs: messaging.workerPollMs } : {}),
          log,
        }));
        return {
          routes: (app) => void app.post('/messages', messageEndpoint({ signingSecret: messaging.signingSecret, handle, log })),
          onClose: () => started.stop(),
        };
      },
    },
    options,
  );
  made.worker?.start();
  return Object.assign(service, { receiveMessage: made.receive!, ...(made.worker ? { worker: made.worker } : {}) });
}
