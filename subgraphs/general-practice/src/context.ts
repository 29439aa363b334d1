import type { RequestAccess, RequestBase } from '@pathway-graph/shared';
import type { Loaders } from './db/loaders.ts';
import type { GeneralPracticeDb } from './db/repository.ts';

/** What every resolver of this subgraph gets for one request. */
export interface Context extends RequestBase {
  db: GeneralPracticeDb;
  loaders: Loaders;
  /** Guards and logs every read of a child's data. */
  access: RequestAccess;
  /** Turns a CPR number into the child's pseudonym, the same in every subgraph. */
  pseudonymSecret: string;
}
