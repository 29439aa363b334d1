import {
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
import { buaOwnership } from './access.ts';
import { seedAdvisoryDemo } from './advisory/demo.ts';
import { calendarRoutes } from './advisory/feeds.ts';
import { advisorySettings, type AdvisoryOptions } from './advisory/runtime.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { knowsReferral, messageHandlers, messagingTables, referralDelivery } from './referrals/messaging.ts';
import { medication, transition } from './referrals/trin4.ts';
import { resolvers } from './resolvers/index.ts';

export interface BuaSubgraphOptions extends SectorSubgraphOptions {
  /**
   * BUA's advisory service (agreement 6.3): the description deadline (BUA_ADVISORY_DESCRIPTION_DEADLINE, read by
   * the configuration), and for tests the clock and a source of known children's names.
   */
  advisory?: AdvisoryOptions;
  /**
   * Keys and endpoints of cross-sector messaging: referrals arrive at POST /messages, and the delivery worker sends
   * their statuses, medication agreements and transition plans. Without it nothing is delivered (the outbox fills).
   */
  messaging?: MessagingConfig;
}

export interface RunningBuaSubgraph extends RunningSectorSubgraph<typeof schema> {
  /** Applies a message as the message endpoint does once the sender is verified (tests, in-process delivery). */
  receiveMessage: MessageReceiverApi['receive'];
  /** The delivery worker, when messaging is configured. */
  worker: DeliveryWorker | null;
}

/** Opens the database (migrating it), optionally seeds demo data, and serves (messages and the advisory calendar feeds beside /graphql). */
export async function startBuaSubgraph(options: BuaSubgraphOptions): Promise<RunningBuaSubgraph> {
  const advisory = advisorySettings(options.advisory);
  const today = options.today ?? (() => todayInDenmark());
  // Made while the subgraph starts (it needs the database); the worker starts once the subgraph serves.
  const made: { messaging?: SectorMessaging } = {};
  const service = await startSectorSubgraph(
    {
      name: 'bua',
      pgSchema: 'bua',
      moduleUrl: import.meta.url,
      schema,
      ownership: buaOwnership,
      resolvers,
      createLoaders,
      contextExtras: { advisory },
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret);
        if (seeded) log.info({ patients: seeded }, 'seeded synthetic demo patients');
        const slots = await seedAdvisoryDemo(db, advisory.now());
        if (slots) log.info({ slots }, 'generated synthetic demo advisory slots');
      },
      extend: (db, { pseudonymSecret, verifier }, log) => {
        const messaging = (made.messaging = sectorMessaging({
          subgraph: 'bua',
          db,
          tables: messagingTables,
          ...(options.messaging ? { config: options.messaging } : {}),
          handlers: messageHandlers(
            { pseudonymSecret, today },
            { ...medication.handlers({ knowsReferral }), 'transition-plan': transition.receive },
          ),
          delivery: referralDelivery,
          log,
        }));
        const calendars = calendarRoutes(db, verifier, advisory);
        return {
          routes: (app) => {
            messaging.routes(app);
            calendars(app);
          },
          onClose: messaging.stop,
        };
      },
    },
    options,
  );
  const messaging = made.messaging!;
  messaging.start();
  return Object.assign(service, { receiveMessage: messaging.receiver!.receive, worker: messaging.worker });
}
