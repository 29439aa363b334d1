import {
  createLogger,
  startSubgraphServer,
  todayInDenmark,
  type HttpSettings,
  type Logger,
  type RunningService,
  type TokenVerifier,
} from '@pathway-graph/shared';
import type { Context } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { sectorClient, type SectorSubgraph } from './sector-client.ts';
import { sectorStatisticsClient } from './status-report.ts';

export interface PathwaySubgraphOptions {
  port: number;
  pseudonymSecret: string;
  verifier: TokenVerifier;
  /** Where the sector subgraphs answer (for the merged access log). */
  sectorUrls: Record<SectorSubgraph, string>;
  log?: Logger;
  /** Fixes "today" (tests); defaults to the current date in Denmark. */
  today?: () => string;
  /** Limits, timeouts, introspection (`config.http`); the defaults when not given. */
  http?: HttpSettings;
}

/** Starts the stateless pathway subgraph: no database, nothing stored. */
export function startPathwaySubgraph(options: PathwaySubgraphOptions): Promise<RunningService> {
  const log = options.log ?? createLogger('pathway');
  const today = options.today ?? (() => todayInDenmark());
  return startSubgraphServer<Context>({
    name: 'pathway',
    port: options.port,
    log,
    verifier: options.verifier,
    ...(options.http ? { http: options.http } : {}),
    schemaFile: new URL('../schema.graphql', import.meta.url),
    resolvers,
    context: async (base) => ({
      ...base,
      pseudonymSecret: options.pseudonymSecret,
      today: today(),
      sectors: sectorClient(options.sectorUrls, base),
      statistics: sectorStatisticsClient(options.sectorUrls, base),
    }),
    ready: async () => {},
  });
}
