import { forbidden, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import { parsePeriodKey, periodContaining, protectCube, type Period, type ProtectedCube } from '@pathway-graph/shared/statistics/index';
import type { Context } from '../context.ts';
import { advisoryLeafCounts, assessmentLeafCounts, referralLeafCounts, type FactWindow } from '../db/statistics.ts';
import { advisoryCubeSpec, assessmentCubeSpec, referralCubeSpec } from './cubes.ts';

/**
 * BUA's statistics for analysts: the protected cube of one biennium, counted in SQL at its leaves (db/statistics.ts)
 * and protected whole by the shared engine, so every table an analyst can select from it is a slice of one
 * consistently protected table.
 */

/** Analysts only: aggregates, never a child's data, and nobody else gets them here (clinicians have their lists). */
export function assertAnalyst(ctx: Context): void {
  if (!ctx.principal.roles.includes('ANALYST')) {
    throw forbidden(
      "BUA's statistics are for analysts (the role ANALYST): they are aggregates for the biennial status. " +
        'Clinical staff see their own referrals and worklists instead.',
      { rule: 'ANALYSTS_ONLY' },
    );
  }
}

/**
 * The facts a cube of `biennium` counts: from its first day up to the end of the last closed month before today
 * (README, "Limits": a month still being filled would change the suppression of the months before it).
 */
export function factWindow(biennium: Period, today: string): FactWindow {
  const currentMonth = periodContaining(today, 'month', 'today');
  const d = new Date(`${currentMonth.start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const lastClosedDay = d.toISOString().slice(0, 10);
  return { from: biennium.start, to: lastClosedDay < biennium.end ? lastClosedDay : biennium.end };
}

/** The biennium whose cube answers a query about `period` (a period key such as 2026-H1). */
export function bienniumOf(periodKey: string): Period {
  return periodContaining(parsePeriodKey(periodKey).start, 'biennium');
}

const REGION_CODES = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code);

/** Referrals received by BUA in the biennium (statistics/cubes.ts referralCubeSpec), protected. */
export async function referralCube(ctx: Context, biennium: Period): Promise<ProtectedCube> {
  assertAnalyst(ctx);
  const { counts, measures } = await referralLeafCounts(ctx.db, factWindow(biennium, ctx.access.today), REGION_CODES);
  return protectCube(referralCubeSpec(biennium), counts, measures);
}

/** Assessments BUA started in the biennium (statistics/cubes.ts assessmentCubeSpec), protected. */
export async function assessmentCube(ctx: Context, biennium: Period): Promise<ProtectedCube> {
  assertAnalyst(ctx);
  const { counts, measures } = await assessmentLeafCounts(ctx.db, factWindow(biennium, ctx.access.today), REGION_CODES);
  return protectCube(assessmentCubeSpec(biennium), counts, measures);
}

/** Advisory slots offered to the municipalities in the biennium (statistics/cubes.ts advisoryCubeSpec), protected. */
export async function advisoryCube(ctx: Context, biennium: Period): Promise<ProtectedCube> {
  assertAnalyst(ctx);
  const counts = await advisoryLeafCounts(ctx.db, factWindow(biennium, ctx.access.today), ctx.advisory.now(), REGION_CODES);
  return protectCube(advisoryCubeSpec(biennium), counts);
}
