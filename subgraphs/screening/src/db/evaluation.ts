import { sql } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';
import type { ScreeningTrack } from './schema.ts';

/**
 * The evaluation of the effort per track, municipality and period, aggregated in the database in one statement
 * whatever the number of children (the child-level facts never leave it). For the period [from, to]:
 * - registered: children with a membership of the track (with that municipality) active at some point of the period;
 * - screened: of those, children with a screening in the membership dated in the period;
 * - screened positive: children with a positive screening in the period;
 * - with an action plan: children one of whose positive screenings of the period got a plan (made at any time);
 *   the median days from that (first planned) positive screening to its plan;
 * - improved on re-screening: children whose first positive screening of the period was followed (at any time, in
 *   the same membership, instrument and informant) by one whose headline score improved by at least the
 *   instrument's meaningful change, or, where none is published (SDQ), that no longer screened positive.
 * Counted per (child, municipality) pair, so a track's region total (a grouping set of its own) is exactly the sum
 * of its municipality rows: what secondary suppression needs. Memberships without a municipality (from before it
 * was asked) are left out.
 */
export interface EvaluationRowData {
  track: ScreeningTrack;
  municipalityCode: number | null;
  registered: number;
  screened: number;
  positive: number;
  planned: number;
  medianDays: number | null;
  improved: number;
}

export async function evaluationRows(db: ScreeningDb, period: { from: string; to: string; track: ScreeningTrack | null }): Promise<EvaluationRowData[]> {
  const { from, to, track } = period;
  const trackFilter = track ? sql`and m.track = ${track}` : sql``;
  const result = await db.execute(sql`
    with mm as (
      select m.id, m.track, m.municipality_code, m.child_id
      from "screening"."track_memberships" m
      where m.municipality_code is not null and m.since <= ${to} and (m.ended_on is null or m.ended_on >= ${from}) ${trackFilter}
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
    select track::text as track, municipality_code, grouping(municipality_code) as total,
           count(*)::int as registered,
           (count(*) filter (where screened))::int as screened,
           (count(*) filter (where positive))::int as positive,
           (count(*) filter (where days is not null))::int as planned,
           percentile_cont(0.5) within group (order by days) as median_days,
           (count(*) filter (where improved))::int as improved
    from facts
    group by grouping sets ((track, municipality_code), (track))
    order by track, grouping(municipality_code), municipality_code
  `);
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return rows.map((r) => ({
    track: r['track'] as ScreeningTrack,
    municipalityCode: Number(r['total']) === 1 ? null : Number(r['municipality_code']),
    registered: Number(r['registered']),
    screened: Number(r['screened']),
    positive: Number(r['positive']),
    planned: Number(r['planned']),
    medianDays: r['median_days'] === null || r['median_days'] === undefined ? null : Number(r['median_days']),
    improved: Number(r['improved']),
  }));
}
