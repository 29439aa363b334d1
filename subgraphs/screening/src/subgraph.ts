import {
  sectorMessaging,
  startSectorSubgraph,
  type DeliveryWorker,
  type MessagingConfig,
  type RunningSectorSubgraph,
  type ScreeningSettings,
  type SectorMessaging,
  type SectorSubgraphOptions,
} from '@pathway-graph/shared';
import { screeningOwnership } from './access.ts';
import type { ScreeningExtras } from './context.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { messageHandlers, messagingTables, registrationDelivery } from './messaging.ts';
import { municipalOfferCatalogue, type OfferCatalogue } from './offers/catalogue.ts';
import { resolvers } from './resolvers/index.ts';
import { createScreeningSetup } from './screenings/setup.ts';

export interface ScreeningSubgraphOptions extends SectorSubgraphOptions {
  /**
   * The deployment's screening settings (band schemes, licensed item texts, FHIR base, thresholds, days before a
   * missing action plan is an open action, the offer catalogue's URL); defaults where omitted.
   */
  settings?: Partial<ScreeningSettings>;
  /**
   * Where the municipality subgraph answers, read when a plan is made (a launcher learns the port late); defaults to
   * `settings.offerCatalogueUrl`. Ignored when `offerCatalogue` is given.
   */
  municipalityUrl?: () => string;
  /** The offer catalogue action plans are checked against; the municipality subgraph's API by default. */
  offerCatalogue?: OfferCatalogue;
  /**
   * Keys and endpoints of cross-sector messaging: when given, a delivery worker sends track-3 registrations to the
   * municipality. Without it they stay QUEUED in the outbox (tests drive delivery).
   */
  messaging?: MessagingConfig;
}

export interface RunningScreeningSubgraph extends RunningSectorSubgraph<typeof schema> {
  /** The delivery worker, when messaging is configured (started already). */
  worker: DeliveryWorker | null;
}

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export async function startScreeningSubgraph(options: ScreeningSubgraphOptions): Promise<RunningScreeningSubgraph> {
  // Every setting is checked before anything is opened: a wrong one is a ConfigError naming its variable.
  const setup = createScreeningSetup(options.settings ?? {});
  const catalogueUrl = options.municipalityUrl ?? (() => options.settings?.offerCatalogueUrl ?? 'http://localhost:4001/graphql');
  const extras: ScreeningExtras = { setup, pseudonymSecret: options.pseudonymSecret, offers: options.offerCatalogue ?? municipalOfferCatalogue(catalogueUrl) };
  const made: { messaging?: SectorMessaging } = {};
  const service = await startSectorSubgraph(
    {
      name: 'screening',
      pgSchema: 'screening',
      moduleUrl: import.meta.url,
      schema,
      ownership: screeningOwnership,
      resolvers,
      createLoaders,
      contextExtras: extras,
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret, setup);
        if (seeded) log.info({ children: seeded }, 'seeded synthetic demo children, screenings and action plans');
      },
      extend: (db, _, log) => {
        const messaging = (made.messaging = sectorMessaging({
          subgraph: 'screening',
          db,
          tables: messagingTables,
          ...(options.messaging ? { config: options.messaging } : {}),
          handlers: messageHandlers,
          delivery: registrationDelivery,
          log,
        }));
        return { routes: messaging.routes, onClose: messaging.stop };
      },
    },
    options,
  );
  const messaging = made.messaging!;
  messaging.start();
  return Object.assign(service, { worker: messaging.worker });
}
