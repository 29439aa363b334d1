import type { LeafCount, LeafMeasureCount } from '@pathway-graph/shared/statistics/index';
import { sql } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';

/**
 * Screenings counted at the leaves of the screening statistic (statistics/cube.ts) in one GROUP BY, whatever their
 * number: by the municipality recorded with the screening, its month, the child's age band on the day, the track
 * and the result (negative, or positive with or without an action plan), with the days from a positive screening to
 * its first plan. Screenings without a municipality (from before it was asked) or outside the region are left out.
 * `from` and `to` are the first and last day counted.
 */
export async function screeningLeafCounts(
  db: ScreeningDb,
  window: { from: string; to: string },
  municipalityCodes: readonly number[],
): Promise<{ counts: LeafCount[]; measures: LeafMeasureCount[] }> {
  if (municipalityCodes.length === 0 || !municipalityCodes.every((c) => Number.isInteger(c))) throw new Error('municipality codes are whole numbers');
  const result = await db.execute(sql`
    with facts as (
      select r.municipality_code::text as municipality,
             to_char(r.screening_date, 'YYYY-MM') as period,
             case when r.age_in_years < 6 then 'UNDER_6' when r.age_in_years < 13 then 'AGE_6_TO_12'
                  when r.age_in_years < 15 then 'AGE_13_TO_14' else 'AGE_15_TO_17' end as age_band,
             r.track::text as track,
             case when not r.positive then 'NEGATIVE' when p.first_plan is null then 'WITHOUT_PLAN' else 'WITH_PLAN' end as result,
             p.first_plan - r.screening_date as days
      from "screening"."screening_results" r
      left join (
        select screening_result_id, min(created_on) as first_plan from "screening"."action_plans" group by screening_result_id
      ) p on p.screening_result_id = r.id and r.positive
      where r.municipality_code in (${sql.raw(municipalityCodes.join(', '))})
        and r.screening_date between ${window.from} and ${window.to}
    )
    select municipality, period, age_band, track, result, days, count(*)::int as count
    from facts
    group by 1, 2, 3, 4, 5, 6
  `);
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  for (const row of rows) {
    const at = {
      municipality: String(row['municipality']),
      period: String(row['period']),
      ageBand: String(row['age_band']),
      track: String(row['track']),
      result: String(row['result']),
    };
    const count = Number(row['count']);
    counts.push({ at, count });
    if (row['days'] !== null && row['days'] !== undefined) measures.push({ at, measure: 'daysToActionPlan', value: Number(row['days']), count });
  }
  return { counts, measures };
}
