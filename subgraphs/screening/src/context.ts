import type { SectorContext } from '@pathway-graph/shared';
import type { Loaders } from './db/loaders.ts';
import type { ScreeningDb } from './db/repository.ts';
import type { OfferCatalogue } from './offers/catalogue.ts';
import type { ScreeningSetup } from './screenings/setup.ts';

/** What the screening subgraph's services need besides the request: fixed for the life of the subgraph. */
export interface ScreeningExtras {
  setup: ScreeningSetup;
  /** Turns a registrant's CPR number into the child's pseudonym (the number itself is never stored). */
  pseudonymSecret: string;
  offers: OfferCatalogue;
}

/** What every resolver of this subgraph gets for one request. */
export type Context = SectorContext<ScreeningDb, Loaders> & ScreeningExtras;
