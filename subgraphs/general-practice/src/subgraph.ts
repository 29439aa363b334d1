import {
  sectorMessaging,
  startSectorSubgraph,
  type DeliveryWorker,
  type MessageReceiverApi,
  type RunningSectorSubgraph,
  type SectorMessaging,
  type SectorSubgraphOptions,
} from '@pathway-graph/shared';
import { generalPracticeOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { letterMessaging, messagingTables, type GeneralPracticeMessagingOptions } from './letters/messaging.ts';
import { referralDeliveryHooks, referralHandlers } from './referrals/messaging.ts';
import { resolvers } from './resolvers/index.ts';

export interface GeneralPracticeSubgraphOptions extends SectorSubgraphOptions {
  /**
   * Keys and endpoints of the channel to the municipality: when given, a delivery worker sends queued letters and
   * POST /messages receives read receipts and replies. Without it letters stay QUEUED (tests drive delivery).
   */
  messaging?: GeneralPracticeMessagingOptions;
}

export interface RunningGeneralPracticeSubgraph extends RunningSectorSubgraph<typeof schema> {
  /** The letter delivery worker, when messaging is configured (started already). */
  worker: DeliveryWorker | null;
  /** Applies a message as the message endpoint does once the sender is verified (tests, in-process delivery). */
  receiveMessage: MessageReceiverApi['receive'];
}

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export async function startGeneralPracticeSubgraph(options: GeneralPracticeSubgraphOptions): Promise<RunningGeneralPracticeSubgraph> {
  // Made while the subgraph starts (it needs the database); the worker starts once the subgraph serves.
  const made: { messaging?: SectorMessaging } = {};
  const service = await startSectorSubgraph(
    {
      name: 'general-practice',
      pgSchema: 'general_practice',
      moduleUrl: import.meta.url,
      schema,
      ownership: generalPracticeOwnership,
      resolvers,
      createLoaders,
      // Letters carry the CPR number; the pseudonym of the child written about is computed from it.
      contextExtras: { pseudonymSecret: options.pseudonymSecret },
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret);
        if (seeded.practices) log.info(seeded, 'seeded fictitious demo practices and synthetic children');
      },
      extend: (db, { pseudonymSecret }, log) => {
        const { maxAttempts, backoffMs, acknowledgementTimeoutMs, ...config } = options.messaging ?? {};
        const letters = letterMessaging({
          ...(maxAttempts === undefined ? {} : { maxAttempts }),
          ...(backoffMs ? { backoffMs } : {}),
          ...(acknowledgementTimeoutMs === undefined ? {} : { acknowledgementTimeoutMs }),
        });
        const messaging = (made.messaging = sectorMessaging({
          subgraph: 'general-practice',
          db,
          tables: messagingTables,
          ...(options.messaging ? { config: config as GeneralPracticeMessagingOptions } : {}),
          handlers: { ...letters.handlers, ...referralHandlers(pseudonymSecret) },
          resent: letters.resent,
          delivery: {
            ...letters.delivery,
            onDelivered: { ...referralDeliveryHooks.onDelivered },
            onFailed: async (tx, row, failure) => {
              await letters.delivery.onFailed?.(tx, row, failure);
              await referralDeliveryHooks.onFailed(tx, row, failure);
            },
          },
          log,
        }));
        return { routes: messaging.routes, onClose: messaging.stop };
      },
    },
    options,
  );
  const messaging = made.messaging!;
  messaging.start();
  return Object.assign(service, { worker: messaging.worker, receiveMessage: messaging.receiver!.receive });
}
