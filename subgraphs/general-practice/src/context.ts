import type { SectorContext } from '@pathway-graph/shared';
import type { Loaders } from './db/loaders.ts';
import type { GeneralPracticeDb } from './db/repository.ts';

/** What every resolver of this subgraph gets for one request. */
export type Context = SectorContext<GeneralPracticeDb, Loaders> & {
  /** Turns a CPR number into the child's pseudonym, the same in every subgraph. */
  pseudonymSecret: string;
};
