import { assertMayReadStatistics, assertMayReadStatisticsOf, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import {
  closedFactsRange,
  protectCubeRemembered,
  resolveStatisticsQuery,
  statisticsTable,
  type LeafCount,
  type LeafMeasureCount,
  type StatisticDefinition,
  type StatisticsQueryInput,
  type StatisticsTableShape,
} from '@pathway-graph/shared/statistics/index';
import type { Context } from '../context.ts';
import { advisoryLeafCounts, assessmentLeafCounts, referralLeafCounts, type FactWindow } from '../db/statistics.ts';
import { ADVISORY_STATISTIC, ASSESSMENT_STATISTIC, REFERRAL_STATISTIC } from './cubes.ts';

/**
 * BUA's statistics for analysts: the facts of the query's biennium counted at the cube's leaves in one SQL
 * statement (db/statistics.ts), protected whole by the shared engine, and the slice the analyst asked for. Every
 * table an analyst can get is a slice of that one protected cube (shared/src/statistics/README.md).
 */

const REGION_CODES = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code);

type Facts = { counts: readonly LeafCount[]; measures?: readonly LeafMeasureCount[] };

async function answer(
  ctx: Context,
  field: string,
  statistic: StatisticDefinition,
  input: StatisticsQueryInput,
  count: (window: FactWindow) => Promise<Facts>,
): Promise<StatisticsTableShape> {
  assertMayReadStatistics(ctx.principal, field);
  const request = resolveStatisticsQuery(statistic, input);
  assertMayReadStatisticsOf(ctx.principal, field, request.areas);
  // Closed months only: an open month's figures, and with them the suppression, would change from day to day.
  const range = closedFactsRange(request.biennium, ctx.access.today);
  const facts: Facts = range ? await count(range) : { counts: [] };
  return statisticsTable(request, protectCubeRemembered(request.spec, facts.counts, facts.measures));
}

export function referralStatistics(ctx: Context, input: StatisticsQueryInput): Promise<StatisticsTableShape> {
  return answer(ctx, 'buaReferralStatistics', REFERRAL_STATISTIC, input, (window) => referralLeafCounts(ctx.db, window, REGION_CODES));
}

export function assessmentStatistics(ctx: Context, input: StatisticsQueryInput): Promise<StatisticsTableShape> {
  return answer(ctx, 'buaAssessmentStatistics', ASSESSMENT_STATISTIC, input, (window) => assessmentLeafCounts(ctx.db, window, REGION_CODES));
}

/** Slots are booked or used as of now (the advisory service's clock): a booked slot whose meeting has begun is used. */
export function advisoryStatistics(ctx: Context, input: StatisticsQueryInput): Promise<StatisticsTableShape> {
  return answer(ctx, 'buaAdvisoryStatistics', ADVISORY_STATISTIC, input, async (window) => ({
    counts: await advisoryLeafCounts(ctx.db, window, ctx.advisory.now(), REGION_CODES),
  }));
}
