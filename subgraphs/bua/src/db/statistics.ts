import type { LeafCount, LeafMeasureCount } from '@pathway-graph/shared/statistics/index';
import { sql } from 'drizzle-orm';
import type { BuaDb } from './repository.ts';

/**
 * BUA's facts counted at the leaves of its statistics cubes (statistics/cubes.ts), in the database: one GROUP BY per
 * cube, so the rows returned are bounded by the cube's leaves (and the distinct waiting times), never by the number
 * of referrals or slots, and no fact about a child leaves the database. The engine builds every total itself.
 *
 * Only facts of the region's municipalities (the cube's municipality dimension) are counted.
 * Dates are Copenhagen calendar dates, `from` and `to` the first and last day counted (both inclusive): the caller
 * passes a biennium cut at the last closed month.
 */
export interface FactWindow {
  from: string;
  to: string;
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

/** The columns both referral cubes share: the child's municipality, age band on the day of receipt, sex, referrer. */
const PERSON_COLUMNS = sql.raw(`
  municipality_code::text as municipality,
  case when extract(year from age(received_on, birth_date)) < 6 then 'UNDER_6'
       when extract(year from age(received_on, birth_date)) < 13 then 'AGE_6_TO_12'
       when extract(year from age(received_on, birth_date)) < 15 then 'AGE_13_TO_14'
       -- BUA takes referrals up to 18 (agreement section 4); a child who turned 18 since is still counted in the
       -- oldest band rather than dropped, so the totals stay the number of referrals.
       else 'AGE_15_TO_17' end as age_band,
  case when right(cpr, 1) in ('1', '3', '5', '7', '9') then 'M' else 'F' end as sex,
  case when referrer_sector = 'GENERAL_PRACTICE' then 'GP' else 'MUNICIPALITY' end as source`);

/** The referrals with the Copenhagen date of receipt and the first time each status of interest was reached. */
const REFERRAL_TIMES = sql.raw(`
  select r.municipality_code, r.referrer_sector, r.acute, r.birth_date, r.cpr, r.visitation_decision, r.outcome,
         (r.received_at at time zone 'Europe/Copenhagen')::date as received_on,
         (select min((h->>'at')::timestamptz) from jsonb_array_elements(r.history) h where h->>'status' = 'VISITED') as visited_at,
         (select min((h->>'at')::timestamptz) from jsonb_array_elements(r.history) h where h->>'status' = 'ASSESSMENT_STARTED') as started_at,
         (select min((h->>'at')::timestamptz) from jsonb_array_elements(r.history) h where h->>'status' = 'ASSESSED') as assessed_at
  from "bua"."referrals" r`);

/**
 * The Copenhagen date a status was reached, when it was reached by the end of the window (else null): a decision or
 * an outcome is counted as it stood on the window's last day, so that the cube is made of the window's facts only.
 * A closed month's cells then never move as BUA goes on deciding (nor, with them, the secondary suppression), and a
 * closed biennium's report reads the same whenever it is made.
 */
function reachedBy(column: 'visited_at' | 'assessed_at', window: FactWindow) {
  const on = sql.raw(`(${column} at time zone 'Europe/Copenhagen')::date`);
  return sql`case when ${on} <= ${window.to}::date then ${on} end`;
}

/**
 * Referrals received in the window, by the child's municipality, month of receipt, age band on the day of receipt,
 * sex (from the CPR number's last digit, read here and nowhere else), referrer, acuteness and visitation decision,
 * with the calendar days from receipt to the decision where it was made by the end of the window (reachedBy).
 * The decision is read from the same status time as the waiting time, so the measure is recorded exactly for the
 * facts of its node (VISITED).
 */
export async function referralLeafCounts(
  db: BuaDb,
  window: FactWindow,
  municipalityCodes: readonly number[],
): Promise<{ counts: LeafCount[]; measures: LeafMeasureCount[] }> {
  const result = await db.execute(sql`
    with r as (select *, ${reachedBy('visited_at', window)} as visited_on from (${REFERRAL_TIMES}) t),
    facts as (
      select ${PERSON_COLUMNS},
             to_char(received_on, 'YYYY-MM') as period,
             case when acute then 'ACUTE' else 'NOT_ACUTE' end as acuteness,
             case when visited_on is null then 'NOT_VISITED'
                  when visitation_decision = 'NO_ASSESSMENT_NEEDED' then 'NO_ASSESSMENT_NEEDED'
                  else 'ASSESSMENT' end as decision,
             visited_on - received_on as days
      from r
      where municipality_code in (${codeList(municipalityCodes)})
        and received_on >= ${window.from}::date and received_on <= ${window.to}::date
    )
    select municipality, period, age_band, sex, source, acuteness, decision, days, count(*)::int as count
    from facts
    group by 1, 2, 3, 4, 5, 6, 7, 8
  `);
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  for (const row of rowsOf(result)) {
    const at = {
      ...personOf(row),
      period: String(row['period']),
      acuteness: String(row['acuteness']),
      decision: String(row['decision']),
    };
    const count = Number(row['count']);
    counts.push({ at, count });
    if (row['days'] !== null) measures.push({ at, measure: 'daysToVisitation', value: Number(row['days']), count });
  }
  return { counts, measures };
}

/**
 * Assessments started in the window (by the Copenhagen month they started), by the child's municipality, age band
 * on the day the referral was received, sex, referrer and outcome as it stood at the end of the window (reachedBy:
 * an assessment concluded later is still under way here), with the calendar days from the
 * referral's receipt to the start.
 */
export async function assessmentLeafCounts(
  db: BuaDb,
  window: FactWindow,
  municipalityCodes: readonly number[],
): Promise<{ counts: LeafCount[]; measures: LeafMeasureCount[] }> {
  const result = await db.execute(sql`
    with r as (select *, ${reachedBy('assessed_at', window)} as assessed_on from (${REFERRAL_TIMES}) t),
    facts as (
      select ${PERSON_COLUMNS},
             to_char(started_at at time zone 'Europe/Copenhagen', 'YYYY-MM') as period,
             case when assessed_on is null or outcome is null then 'IN_ASSESSMENT' when outcome->>'conclusion' = 'DIAGNOSED' then 'DIAGNOSED' else 'NO_DIAGNOSIS' end as outcome,
             (started_at at time zone 'Europe/Copenhagen')::date - received_on as days
      from r
      where started_at is not null and municipality_code in (${codeList(municipalityCodes)})
        and (started_at at time zone 'Europe/Copenhagen')::date >= ${window.from}::date
        and (started_at at time zone 'Europe/Copenhagen')::date <= ${window.to}::date
    )
    select municipality, period, age_band, sex, source, outcome, days, count(*)::int as count
    from facts
    group by 1, 2, 3, 4, 5, 6, 7
  `);
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  for (const row of rowsOf(result)) {
    const at = { ...personOf(row), period: String(row['period']), outcome: String(row['outcome']) };
    const count = Number(row['count']);
    counts.push({ at, count });
    measures.push({ at, measure: 'daysToAssessment', value: Number(row['days']), count });
  }
  return { counts, measures };
}

function personOf(row: Record<string, unknown>) {
  return { municipality: String(row['municipality']), ageBand: String(row['age_band']), sex: String(row['sex']), source: String(row['source']) };
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
        and s.starts_at < ((${window.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')
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
