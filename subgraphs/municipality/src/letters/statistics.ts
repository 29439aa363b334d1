import { assertMayReadStatistics, assertMayReadStatisticsOf, nonWorkingDaysForReplies } from '@pathway-graph/shared';
import {
  closedFactsRange,
  LETTER_STATISTIC,
  protectCubeRemembered,
  protectedCubeOfRequest,
  resolveStatisticsQuery,
  statisticsTable,
  type StatisticsQueryInput,
  type StatisticsTableShape,
} from '@pathway-graph/shared/statistics/index';
import type { Context } from '../context.ts';
import { countLettersAtLeaves } from '../db/statistics.ts';

const FIELD = 'letterStatistics';

/**
 * Letter statistics for analysts: the received letters of the query's biennium counted at the leaves in one SQL
 * statement, protected as one cube, and the slice the analyst asked for.
 */
export async function letterStatistics(ctx: Context, input: StatisticsQueryInput): Promise<StatisticsTableShape> {
  assertMayReadStatistics(ctx.principal, FIELD);
  const request = resolveStatisticsQuery(LETTER_STATISTIC, input);
  assertMayReadStatisticsOf(ctx.principal, FIELD, request.areas);
  const range = closedFactsRange(request.biennium, ctx.access.today);
  const cube = await protectedCubeOfRequest(ctx, `letters ${request.biennium.key} ${range?.to ?? 'none'}`, async () => {
    const facts = range ? await countLettersAtLeaves(ctx.db, range, nonWorkingDaysForReplies(range.from, range.to)) : { counts: [], measures: [] };
    return protectCubeRemembered(request.spec, facts.counts, facts.measures);
  });
  return statisticsTable(request, cube);
}
