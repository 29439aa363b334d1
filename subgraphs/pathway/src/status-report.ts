import { assertMayReadStatisticsOf, PURPOSE_HEADER, REQUEST_ID_HEADER, type RequestBase } from '@pathway-graph/shared';
import { buildStatusReport, statusReportPeriod } from '@pathway-graph/shared/statistics/report/build';
import { graphFiguresProvider, postStatistics, type StatisticsClient } from '@pathway-graph/shared/statistics/report/graph';
import type { Context } from './context.ts';
import type { SectorSubgraph } from './sector-client.ts';

/**
 * The status report (agreement section 9) from the sectors' statistics, asked directly of each sector with the
 * caller's own token: every sector checks the analyst itself and protects its own figures. The whole region's
 * report is for the region's analysts.
 */
export async function statusReport(ctx: Context, from: string, to: string) {
  assertMayReadStatisticsOf(ctx.principal, 'statusReport', ['REGION']);
  const period = statusReportPeriod(from, to);
  const report = await buildStatusReport(graphFiguresProvider(ctx.statistics, "the sectors' statistics fields"), period, ctx.today);
  return {
    period: report.period.key,
    previousPeriod: report.previousPeriod.key,
    source: report.source,
    html: report.html,
    csv: [...report.csv].map(([name, content]) => ({ name, content })),
  };
}

/** Posts a sector's statistics query to that sector, as the caller. */
export function sectorStatisticsClient(urls: Record<SectorSubgraph, string>, base: RequestBase): StatisticsClient {
  return {
    query: (sector, document, variables) => {
      const url = (urls as Partial<Record<string, string>>)[sector];
      if (!url) throw new Error(`no URL for the ${sector} subgraph`);
      return postStatistics(fetch, url, { authorization: base.authorization, [REQUEST_ID_HEADER]: base.requestId, [PURPOSE_HEADER]: base.purpose }, document, variables);
    },
  };
}
