import {
  messageEndpoint,
  startSectorSubgraph,
  type DeliveryWorker,
  type RunningSectorSubgraph,
  type SectorSubgraphOptions,
} from '@pathway-graph/shared';
import { generalPracticeOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { createLetterDeliveryWorker, receiveFromMunicipality, type GeneralPracticeMessagingOptions } from './letters/messaging.ts';
import { resolvers } from './resolvers/index.ts';

export interface GeneralPracticeSubgraphOptions extends SectorSubgraphOptions {
  /**
   * The channel to the municipality: when given, a delivery worker sends queued letters to `endpoints.municipality`
   * and POST /messages receives read receipts and replies. Without it letters stay QUEUED (tests drive delivery).
   */
  messaging?: GeneralPracticeMessagingOptions;
}

export interface RunningGeneralPracticeSubgraph extends RunningSectorSubgraph<typeof schema> {
  /** The letter delivery worker, when messaging is configured (started already). */
  worker: DeliveryWorker | null;
}

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export async function startGeneralPracticeSubgraph(options: GeneralPracticeSubgraphOptions): Promise<RunningGeneralPracticeSubgraph> {
  // Created while the subgraph starts (it needs the database), started once it serves.
  const delivery: { worker: DeliveryWorker | null } = { worker: null };
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
      extend: (db, _, log) => {
        const messaging = options.messaging;
        if (!messaging) return {};
        const started = (delivery.worker = createLetterDeliveryWorker(db, messaging, log));
        return {
          routes: (app) =>
            void app.post('/messages', messageEndpoint({ signingSecret: messaging.signingSecret, handle: receiveFromMunicipality(db), log })),
          onClose: () => started.stop(),
        };
      },
    },
    options,
  );
  delivery.worker?.start();
  return Object.assign(service, { worker: delivery.worker });
}
