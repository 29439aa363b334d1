import { assertMayReadStatistics, assertMayReadStatisticsOf, nonWorkingDaysForReplies, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import {
  closedFactsRange,
  GP_LETTER_STATISTIC,
  protectCubeRemembered,
  protectedCubeOfRequest,
  resolveStatisticsQuery,
  statisticsTable,
  type StatisticsQueryInput,
  type StatisticsTableShape,
} from '@pathway-graph/shared/statistics/index';
import type { Context } from '../context.ts';
import { countGpLettersAtLeaves } from '../db/statistics.ts';

const FIELD = 'generalPracticeLetterStatistics';
const CODES = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code);

/**
 * The practices' letter statistics for analysts: the letters sent in the query's biennium counted at the leaves in
 * one SQL statement, protected as one cube, and the slice the analyst asked for (as the municipality's
 * letterStatistics, from the sending side).
 */
export async function generalPracticeLetterStatistics(ctx: Context, input: StatisticsQueryInput): Promise<StatisticsTableShape> {
  assertMayReadStatistics(ctx.principal, FIELD);
  const request = resolveStatisticsQuery(GP_LETTER_STATISTIC, input);
  assertMayReadStatisticsOf(ctx.principal, FIELD, request.areas);
  const range = closedFactsRange(request.biennium, ctx.access.today);
  const cube = await protectedCubeOfRequest(ctx, `gp-letters ${request.biennium.key} ${range?.to ?? 'none'}`, async () => {
    const facts = range
      ? await countGpLettersAtLeaves(ctx.db, range, CODES, nonWorkingDaysForReplies(range.from, range.to))
      : { counts: [], measures: [] };
    return protectCubeRemembered(request.spec, facts.counts, facts.measures);
  });
  return statisticsTable(request, cube);
}
