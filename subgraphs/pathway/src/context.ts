import type { RequestBase } from '@pathway-graph/shared';

/** The pathway subgraph is stateless: a request needs only the pseudonym secret and today's date. */
export interface Context extends RequestBase {
  pseudonymSecret: string;
  /** Today's date in Denmark, fixed for the whole request so every field agrees. */
  today: string;
}
