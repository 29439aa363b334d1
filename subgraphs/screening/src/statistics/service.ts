import { assertMayReadStatistics, assertMayReadStatisticsOf, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import {
  closedFactsRange,
  protectCubeRemembered,
  resolveStatisticsQuery,
  statisticsTable,
  type StatisticsQueryInput,
  type StatisticsTableShape,
} from '@pathway-graph/shared/statistics/index';
import type { Context } from '../context.ts';
import { screeningLeafCounts } from '../db/statistics.ts';
import { SCREENING_STATISTIC } from './cube.ts';

const FIELD = 'screeningStatistics';

/**
 * Screening statistics for analysts: the screenings of the query's biennium counted at the leaves in one SQL
 * statement (closed months only), protected as one cube by the shared engine, and the slice the analyst asked for.
 */
export async function screeningStatistics(ctx: Context, input: StatisticsQueryInput): Promise<StatisticsTableShape> {
  assertMayReadStatistics(ctx.principal, FIELD);
  const request = resolveStatisticsQuery(SCREENING_STATISTIC, input);
  assertMayReadStatisticsOf(ctx.principal, FIELD, request.areas);
  const range = closedFactsRange(request.biennium, ctx.access.today);
  const facts = range ? await screeningLeafCounts(ctx.db, range, REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code)) : { counts: [], measures: [] };
  return statisticsTable(request, protectCubeRemembered(request.spec, facts.counts, facts.measures));
}
