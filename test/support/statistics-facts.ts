import type { AnyDatabase } from '@pathway-graph/shared';
import { sql } from 'drizzle-orm';

/**
 * Bulk facts for the statistics tests, written with one SQL statement each (a test of "the same statements for
 * 1,000 and 10,000 referrals" cannot afford 10,000 mutations). Every row is synthetic: made-up CPR numbers
 * (serial digit 4, no real person's), reason and requester marked synthetic, ids prefixed so each batch is its own.
 *
 * Referral `g` of a batch (g = 1..count) varies deterministically with g: municipality (Aarhus most often), month of
 * receipt within [from, from + days), age band, sex (the CPR's last digit), referrer, acuteness and course, with
 * waiting times of a few days to weeks.
 */
export async function insertSyntheticReferrals(
  db: AnyDatabase<Record<string, unknown>>,
  batch: { prefix: string; count: number; from: string; days: number; municipalities: readonly number[] },
): Promise<void> {
  const codes = sql.raw(`array[${batch.municipalities.map((c) => Number(c)).join(', ')}]::int[]`);
  await db.execute(sql`
    insert into "bua"."referrals" (id, message_id, child_id, cpr, birth_date, referrer_sector, referrer_organisation,
      municipality_code, ydernummer, requester_name, requester_role, reason, step_reached, acute, interventions_tried,
      screening_result_ids, consents, sent_at, received_at, status, history, communicated, visitation_decision, outcome, bundle)
    select gen_random_uuid(), ${batch.prefix} || '-msg-' || g, ${batch.prefix} || '-child-' || g,
           to_char(birth, 'DDMMYY') || '4' || lpad((g % 1000)::text, 3, '0'),
           birth, case when g % 3 = 0 then 'MUNICIPALITY' else 'GENERAL_PRACTICE' end, 'synthetic',
           code, '000000', 'Synthetic Requester', 'GP', 'Synthetic statistics fact (made up)', 'TRIN_2', g % 11 = 0, '[]'::jsonb,
           '[]'::jsonb, '{}'::jsonb, received, received,
           case when stage = 0 then 'RECEIVED' when stage in (1, 2) then 'VISITED' when stage = 3 then 'ASSESSMENT_STARTED' else 'ASSESSED' end,
           jsonb_build_array(jsonb_build_object('status', 'RECEIVED', 'at', received))
             || case when stage >= 1 then jsonb_build_array(jsonb_build_object('status', 'VISITED', 'at', visited)) else '[]'::jsonb end
             || case when stage >= 3 then jsonb_build_array(jsonb_build_object('status', 'ASSESSMENT_STARTED', 'at', started)) else '[]'::jsonb end
             || case when stage >= 4 then jsonb_build_array(jsonb_build_object('status', 'ASSESSED', 'at', started + interval '20 days')) else '[]'::jsonb end,
           '{}'::jsonb,
           case when stage = 0 then null when stage = 1 then 'NO_ASSESSMENT_NEEDED' else 'ASSESSMENT' end,
           case when stage >= 4 then jsonb_build_object('conclusion', case when stage = 4 then 'DIAGNOSED' else 'NO_DIAGNOSIS' end,
             'diagnoses', '[]'::jsonb, 'treatment', null, 'childNeeds', 'synthetic', 'results', 'synthetic',
             'concludedAt', started + interval '20 days', 'recordedBy', 'synthetic') end,
           '{}'::jsonb
    from (
      select g, code, received, birth,
             -- stage 0 received, 1 no assessment needed, 2 awaiting assessment, 3 in assessment, 4-5 assessed
             case when g % 10 < 2 then 0 when g % 10 < 4 then 1 when g % 10 < 5 then 2 when g % 10 < 6 then 3 when g % 10 < 8 then 4 else 5 end as stage,
             received + ((3 + g % 17) || ' days')::interval as visited,
             received + ((20 + g % 41) || ' days')::interval as started
      from (
        select g, (${codes})[1 + mod(abs(hashint4(g)::bigint), ${batch.municipalities.length})] as code,
               (${batch.from}::date + ((g * 13) % ${batch.days}) + time '10:00') at time zone 'Europe/Copenhagen' as received,
               ${batch.from}::date - ((365 * (1 + g % 17)) + g % 300) as birth
        from generate_series(1, ${batch.count}) as g
      ) base
    ) facts
  `);
}

/**
 * Synthetic screenings for the statistics tests, in four statements (children, memberships, screenings, plans):
 * child `g` of a batch is in a track (by g), in a municipality, screened once on a day within [from, from + days),
 * positive for one in three (in every track), and every other positive one has an action plan 2 to 15 days later.
 */
export async function insertSyntheticScreenings(
  db: AnyDatabase<Record<string, unknown>>,
  batch: { prefix: string; count: number; from: string; days: number; municipalities: readonly number[] },
): Promise<void> {
  const codes = sql.raw(`array[${batch.municipalities.map((c) => Number(c)).join(', ')}]::int[]`);
  const tracks = sql.raw(`array['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL']::"screening"."screening_track"[]`);
  const facts = sql`
    select g, ${batch.prefix} || '-child-' || g as child_id, (${codes})[1 + mod(abs(hashint4(g)::bigint), ${batch.municipalities.length})] as code,
           (${tracks})[1 + g % 3] as track, ${batch.from}::date + ((g * 13) % ${batch.days}) as screened_on
    from generate_series(1, ${batch.count}) as g`;
  await db.execute(sql`
    insert into "screening"."children" (id, birth_date, synthetic)
    select child_id, screened_on - (365 * (1 + g % 17) + g % 300), true from (${facts}) f`);
  await db.execute(sql`
    insert into "screening"."track_memberships" (id, child_id, track, since, municipality_code, synthetic)
    select md5(${batch.prefix} || 'm' || g)::uuid, child_id, track, screened_on - 30, code, true from (${facts}) f`);
  await db.execute(sql`
    insert into "screening"."screening_results" (id, child_id, membership_id, track, municipality_code, instrument_id, instrument_revision,
      version_id, informant, screening_date, age_in_years, answers, scores, flags, threshold_outcomes, positive, recorded_by_subject,
      recorded_by_name, recorded_by_sector, recorded_by_organisation, parties, synthetic)
    select md5(${batch.prefix} || 'r' || m.g)::uuid, m.child_id, md5(${batch.prefix} || 'm' || m.g)::uuid, m.track, m.code, 'who5', 'synthetic',
           '1998', 'self', m.screened_on, 1 + m.g % 17, '[]', '[]', '[]', '[]', (m.g / 3) % 3 = 0, 'test:synthetic', 'Synthetic Recorder',
           'PAEDIATRICS', 'synthetic', '{}', true
    from (${facts}) m
  `);
  await db.execute(sql`
    insert into "screening"."action_plans" (id, child_id, membership_id, screening_result_id, track, municipality_code, offer_ids,
      responsible_sector, responsible_organisation, responsible_person_name, follow_up_on, created_on, created_by_subject, created_by_name,
      created_by_sector, created_by_organisation, parties, synthetic)
    select gen_random_uuid(), r.child_id, r.membership_id, r.id, r.track, r.municipality_code, '{}', 'MUNICIPALITY', r.municipality_code::text,
           'Synthetic Coordinator', r.screening_date + 60, r.screening_date + (2 + (length(r.child_id) + ascii(right(r.child_id, 1))) % 14),
           'test:synthetic', 'Synthetic Recorder', 'PAEDIATRICS', 'synthetic', '{}', true
    from "screening"."screening_results" r
    where r.child_id like ${`${batch.prefix}-child-%`} and r.positive and ascii(right(r.child_id, 1)) % 2 = 0
  `);
}
