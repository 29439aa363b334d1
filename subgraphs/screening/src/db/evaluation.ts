import { sql } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';
import type { ScreeningTrack } from './schema.ts';

/**
 * The evaluation of the effort per track and municipality for one period, counted in the database in one statement
 * whatever the number of children (the child-level facts never leave it), at the leaves of the evaluation cube
 * (evaluation/cube.ts). Each child of a track and municipality is one fact, at the furthest stage it reached in
 * the period [from, to]:
 * - registered (every fact): a membership of the track (with that municipality) active at some point of the period;
 * - NOT_SCREENED, or screened: a screening in the membership dated in the period; screened NEGATIVE, or POSITIVE: a
 *   positive screening in the period; positive WITH_PLAN when one of those positive screenings got a plan (made at
 *   any time), with the days from that (first planned) positive screening to its plan, else WITHOUT_PLAN;
 * - IMPROVED on re-screening, or NOT_IMPROVED: whether the child's first positive screening of the period was
 *   followed (at any time, in the same membership, instrument and informant) by one whose headline score improved by
 *   at least the instrument's meaningful change, or, where none is published (SDQ), that no longer screened positive.
 * Counted per (child, municipality) pair, so every total is the sum of its parts, as the engine needs. Memberships
 * without a municipality (from before it was asked) are left out.
 */
export interface EvaluationLeafRow {
  track: ScreeningTrack;
  municipalityCode: number;
  stage: 'NOT_SCREENED' | 'NEGATIVE' | 'WITH_PLAN' | 'WITHOUT_PLAN';
  rescreening: 'IMPROVED' | 'NOT_IMPROVED';
  /** Days from the positive screening to its plan (WITH_PLAN only), else null. */
  daysToPlan: number | null;
  count: number;
}

export async function evaluationLeafCounts(
  db: ScreeningDb,
  period: { from: string; to: string; track: ScreeningTrack | null; municipalityCodes: readonly number[] },
): Promise<EvaluationLeafRow[]> {
  const { from, to, track } = period;
  if (!period.municipalityCodes.every((c) => Number.isInteger(c))) throw new Error('municipality codes are whole numbers');
  const trackFilter = track ? sql`and m.track = ${track}` : sql``;
  const result = await db.execute(sql`
    with mm as (
      select m.id, m.track, m.municipality_code, m.child_id
      from "screening"."track_memberships" m
      where m.municipality_code in (${sql.raw(period.municipalityCodes.join(', '))})
        and m.since <= ${to} and (m.ended_on is null or m.ended_on >= ${from}) ${trackFilter}
    ),
    reg as (select distinct track, municipality_code, child_id from mm),
    r as (
      select r.id, r.membership_id, mm.track, mm.municipality_code, mm.child_id, r.screening_date, r.positive,
             r.instrument_id, r.informant, r.headline_score, r.higher_is_better, r.meaningful_change
      from "screening"."screening_results" r join mm on mm.id = r.membership_id
      where r.screening_date between ${from} and ${to}
    ),
    scr as (select distinct track, municipality_code, child_id from r),
    firstpos as (
      select distinct on (track, municipality_code, child_id) track, municipality_code, child_id, id as result_id, membership_id,
             screening_date, instrument_id, informant, headline_score, higher_is_better, meaningful_change
      from r where positive
      order by track, municipality_code, child_id, screening_date, id
    ),
    planned as (
      select distinct on (r.track, r.municipality_code, r.child_id) r.track, r.municipality_code, r.child_id, (p.created_on - r.screening_date) as days
      from r join "screening"."action_plans" p on p.screening_result_id = r.id
      where r.positive
      order by r.track, r.municipality_code, r.child_id, r.screening_date, r.id
    ),
    improved as (
      select distinct f.track, f.municipality_code, f.child_id
      from firstpos f join "screening"."screening_results" later
        on later.membership_id = f.membership_id and later.instrument_id = f.instrument_id and later.informant = f.informant
       and (later.screening_date, later.id) > (f.screening_date, f.result_id)
      where f.headline_score is not null and later.headline_score is not null and (
        case when f.meaningful_change is not null
             then (case when f.higher_is_better then later.headline_score - f.headline_score else f.headline_score - later.headline_score end) >= f.meaningful_change
             else not later.positive end)
    ),
    facts as (
      select reg.track, reg.municipality_code, reg.child_id,
             scr.child_id is not null as screened, firstpos.child_id is not null as positive, planned.days, improved.child_id is not null as improved
      from reg
      left join scr using (track, municipality_code, child_id)
      left join firstpos using (track, municipality_code, child_id)
      left join planned using (track, municipality_code, child_id)
      left join improved using (track, municipality_code, child_id)
    )
    select track::text as track, municipality_code,
           case when not screened then 'NOT_SCREENED' when not positive then 'NEGATIVE'
                when days is not null then 'WITH_PLAN' else 'WITHOUT_PLAN' end as stage,
           case when improved then 'IMPROVED' else 'NOT_IMPROVED' end as rescreening,
           days, count(*)::int as count
    from facts
    group by 1, 2, 3, 4, 5
  `);
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return rows.map((r) => ({
    track: r['track'] as ScreeningTrack,
    municipalityCode: Number(r['municipality_code']),
    stage: r['stage'] as EvaluationLeafRow['stage'],
    rescreening: r['rescreening'] as EvaluationLeafRow['rescreening'],
    daysToPlan: r['days'] === null || r['days'] === undefined ? null : Number(r['days']),
    count: Number(r['count']),
  }));
}
