import type { LeafCount, LeafMeasureCount } from '@pathway-graph/shared/statistics/index';
import { sql } from 'drizzle-orm';
import type { BuaDb } from './repository.ts';

/**
 * BUA's facts counted at the leaves of its statistics cubes (statistics/cubes.ts), in the database: one GROUP BY per
 * cube, so the rows returned are bounded by the cube's leaves (and the distinct waiting times), never by the number
 * of referrals or slots, and no fact about a child leaves the database. The engine builds every total itself.
 *
 * Only facts of the region's municipalities (the cube's municipality dimension) are counted.
 * Dates are Copenhagen calendar dates. `from` is the first day counted and `until` the first day not counted: the
 * caller passes a biennium cut at the last closed month.
 */
export interface FactWindow {
  from: string;
  until: string;
}

/** The municipalities of the cube's dimension (whole numbers, checked here, so they can be inlined). */
function codeList(codes: readonly number[]) {
  if (codes.length === 0 || !codes.every((c) => Number.isInteger(c))) throw new Error('municipality codes are whole numbers');
  return sql.raw(codes.join(', '));
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  // postgres.js answers with the rows, PGlite with { rows }.
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

/**
 * Referrals by the child's municipality, month of receipt, age band on the day of receipt, sex (from the CPR
 * number's last digit, read here and nowhere else), referrer, acuteness and course, with the calendar days from
 * receipt to the visitation decision and to the start of the assessment where those happened. The course is derived
 * from the same status times as the waiting times, so a measure is recorded exactly for the facts its node covers.
 */
export async function referralLeafCounts(
  db: BuaDb,
  window: FactWindow,
  municipalityCodes: readonly number[],
): Promise<{ counts: LeafCount[]; measures: LeafMeasureCount[] }> {
  const result = await db.execute(sql`
    with r as (
      select r.municipality_code, r.referrer_sector, r.acute, r.birth_date, r.cpr, r.visitation_decision, r.outcome,
             (r.received_at at time zone 'Europe/Copenhagen')::date as received_on,
             (select min((h->>'at')::timestamptz) from jsonb_array_elements(r.history) h where h->>'status' = 'VISITED') as visited_at,
             (select min((h->>'at')::timestamptz) from jsonb_array_elements(r.history) h where h->>'status' = 'ASSESSMENT_STARTED') as started_at
      from "bua"."referrals" r
      where r.municipality_code in (${codeList(municipalityCodes)})
        and r.received_at >= (${window.from}::date::timestamp at time zone 'Europe/Copenhagen')
        and r.received_at < (${window.until}::date::timestamp at time zone 'Europe/Copenhagen')
    ),
    facts as (
      select municipality_code::text as municipality,
             to_char(received_on, 'YYYY-MM') as period,
             case when extract(year from age(received_on, birth_date)) < 6 then 'UNDER_6'
                  when extract(year from age(received_on, birth_date)) < 13 then 'AGE_6_TO_12'
                  when extract(year from age(received_on, birth_date)) < 15 then 'AGE_13_TO_14'
                  -- BUA takes referrals up to 18 (agreement section 4); a child who turned 18 since is still counted
                  -- in the oldest band rather than dropped, so the totals stay the number of referrals.
                  else 'AGE_15_TO_17' end as age_band,
             case when right(cpr, 1) in ('1', '3', '5', '7', '9') then 'M' else 'F' end as sex,
             referrer_sector as source,
             case when acute then 'ACUTE' else 'NOT_ACUTE' end as acuteness,
             case when visited_at is null then 'NOT_VISITED'
                  when visitation_decision = 'NO_ASSESSMENT_NEEDED' then 'NO_ASSESSMENT_NEEDED'
                  when started_at is null then 'AWAITING_ASSESSMENT'
                  when outcome is null then 'IN_ASSESSMENT'
                  when outcome->>'conclusion' = 'DIAGNOSED' then 'DIAGNOSED'
                  else 'NO_DIAGNOSIS' end as course,
             (visited_at at time zone 'Europe/Copenhagen')::date - received_on as days_to_visitation,
             (started_at at time zone 'Europe/Copenhagen')::date - received_on as days_to_assessment
      from r
    )
    select municipality, period, age_band, sex, source, acuteness, course, days_to_visitation, days_to_assessment, count(*)::int as count
    from facts
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
  `);
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  for (const row of rowsOf(result)) {
    const at = {
      municipality: String(row['municipality']),
      period: String(row['period']),
      ageBand: String(row['age_band']),
      sex: String(row['sex']),
      source: String(row['source']),
      acuteness: String(row['acuteness']),
      course: String(row['course']),
    };
    const count = Number(row['count']);
    counts.push({ at, count });
    if (row['days_to_visitation'] !== null) measures.push({ at, measure: 'daysToVisitation', value: Number(row['days_to_visitation']), count });
    if (row['days_to_assessment'] !== null) measures.push({ at, measure: 'daysToAssessment', value: Number(row['days_to_assessment']), count });
  }
  return { counts, measures };
}

/**
 * Advisory slots offered to each municipality, by the Copenhagen month the slot starts, kind of slot and what became
 * of the offer as of `asOf` (see statistics/cubes.ts advisoryStatusDimension): one fact per slot and municipality it
 * is open to, the municipality's own bookings deciding its status.
 */
export async function advisoryLeafCounts(db: BuaDb, window: FactWindow, asOf: Date, municipalityCodes: readonly number[]): Promise<LeafCount[]> {
  const result = await db.execute(sql`
    with offers as (
      select s.id, s.kind, s.status, s.starts_at, m.code as municipality_code
      from "bua"."advisory_slots" s cross join lateral unnest(s.municipality_codes) as m(code)
      where m.code in (${codeList(municipalityCodes)})
        and s.starts_at >= (${window.from}::date::timestamp at time zone 'Europe/Copenhagen')
        and s.starts_at < (${window.until}::date::timestamp at time zone 'Europe/Copenhagen')
    ),
    facts as (
      select o.municipality_code::text as municipality,
             to_char(o.starts_at at time zone 'Europe/Copenhagen', 'YYYY-MM') as period,
             o.kind,
             case when count(b.id) = 0 then (case when o.status = 'CANCELLED' then 'WITHDRAWN' else 'OPEN' end)
                  when o.status = 'CANCELLED' or count(b.id) filter (where b.cancelled_at is null) = 0 then 'CANCELLED'
                  when o.starts_at <= ${asOf.toISOString()}::timestamptz then 'USED'
                  else 'UPCOMING' end as status
      from offers o
      left join "bua"."advisory_bookings" b on b.slot_id = o.id and b.municipality_code = o.municipality_code
      group by o.id, o.kind, o.status, o.starts_at, o.municipality_code
    )
    select municipality, period, kind, status, count(*)::int as count from facts group by 1, 2, 3, 4
  `);
  return rowsOf(result).map((row) => ({
    at: { municipality: String(row['municipality']), period: String(row['period']), kind: String(row['kind']), status: String(row['status']) },
    count: Number(row['count']),
  }));
}
