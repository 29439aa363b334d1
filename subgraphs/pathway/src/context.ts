import type { RequestBase } from '@pathway-graph/shared';
import type { StatisticsClient } from '@pathway-graph/shared/statistics/report/graph';
import type { SectorClient } from './sector-client.ts';

/** The pathway subgraph is stateless: a request needs only the pseudonym secret, today's date and the sectors. */
export interface Context extends RequestBase {
  pseudonymSecret: string;
  /** Today's date in Denmark, fixed for the whole request so every field agrees. */
  today: string;
  /** Calls the sector subgraphs on this caller's behalf (merged access log). */
  sectors: SectorClient;
  /** Asks the sectors' statistics fields on this caller's behalf (the status report). */
  statistics: StatisticsClient;
}
