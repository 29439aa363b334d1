import {
  MUNICIPALITY_INBOXES,
  sectorMessaging,
  startSectorSubgraph,
  todayInDenmark,
  type DeliveryWorker,
  type MessageReceiverApi,
  type MessagingConfig,
  type RunningSectorSubgraph,
  type SectorMessaging,
  type SectorSubgraphOptions,
} from '@pathway-graph/shared';
import { municipalityOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import { ensureMunicipalities } from './db/repository.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { letterMessaging, messagingTables } from './letters/messaging.ts';
import { referralDeliveryHooks, referralHandlers } from './referrals/messaging.ts';
import { seedDemoOffers } from './offers/seed.ts';
import { receiveRelativeRegistration } from './relatives/incoming.ts';
import { seedDemoRelativeRegistrations } from './relatives/seed.ts';
import { resolvers } from './resolvers/index.ts';

export interface MunicipalitySubgraphOptions extends SectorSubgraphOptions {
  /**
   * Keys and endpoints of cross-sector messaging (agreement 6.2): when given, letters are received at POST /messages
   * and replies and receipts are delivered from the outbox by a worker. Without it nothing is delivered (the outbox
   * only fills) and messages arrive only in-process (receiveMessage).
   */
  messaging?: MessagingConfig;
}

export interface RunningMunicipalitySubgraph extends RunningSectorSubgraph<typeof schema> {
  /** Applies a message as the message endpoint does once the sender is verified (tests, in-process delivery). */
  receiveMessage: MessageReceiverApi['receive'];
  /** The delivery worker, when messaging is configured. */
  worker: DeliveryWorker | null;
}

/** Opens the database (migrating it), ensures the reference data, optionally seeds demo data, and serves. */
export async function startMunicipalitySubgraph(options: MunicipalitySubgraphOptions): Promise<RunningMunicipalitySubgraph> {
  const today = options.today ?? (() => todayInDenmark());
  // Made while the subgraph starts (it needs the database); the worker starts once the subgraph serves.
  const made: { messaging?: SectorMessaging } = {};
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
        const offers = await seedDemoOffers(db);
        if (offers) log.info({ offers }, 'seeded synthetic demo offers');
        const relatives = await seedDemoRelativeRegistrations(db, pseudonymSecret);
        if (relatives) log.info({ registrations: relatives }, 'seeded synthetic demo track-3 registrations');
      },
      extend: (db, { pseudonymSecret }, log) => {
        const letters = letterMessaging({ pseudonymSecret, today });
        const messaging = (made.messaging = sectorMessaging({
          subgraph: 'municipality',
          db,
          tables: messagingTables,
          ...(options.messaging ? { config: options.messaging } : {}),
          ...letters,
          handlers: {
            ...letters.handlers,
            ...referralHandlers(pseudonymSecret),
            'relative-registration': receiveRelativeRegistration({ today }),
          },
          delivery: { ...letters.delivery, ...referralDeliveryHooks },
          log,
        }));
        return { routes: messaging.routes, onClose: messaging.stop };
      },
    },
    options,
  );
  const messaging = made.messaging!;
  messaging.start();
  return Object.assign(service, { receiveMessage: messaging.receiver!.receive, worker: messaging.worker });
}
