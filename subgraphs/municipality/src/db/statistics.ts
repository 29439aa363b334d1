import type { LeafCount, LeafMeasureCount } from '@pathway-graph/shared/statistics/index';
import { executedRows, workingDaysAfter } from '@pathway-graph/shared/db/working-days';
import { sql } from 'drizzle-orm';
import type { MunicipalityDb } from './repository.ts';

/**
 * The letters of a range of days counted at the leaves of the letters cube (shared/src/statistics/letters.ts), in
 * one statement whatever the number of letters: one row per municipality, month, age band, sex, known, reply and
 * working days to the reply (null when not answered). The rows are bounded by the cube's leaves times the distinct
 * reply times, never by the letters.
 *
 * - Age band: the child's age on the day the letter was received; letters about young people of 18 or more (outside
 *   the agreement's target group, which the sender checks) are not counted.
 * - Sex: from the CPR number's last digit (odd: male), computed here; the CPR number never leaves the database.
 * - Known: the child had a case of the receiving municipality open on the day the letter was received.
 * - Working days: Monday to Friday after the day of receipt up to the day of the reply (Danish time), without
 *   `nonWorkingDays` (danishNonWorkingDays of the years concerned).
 */
export async function countLettersAtLeaves(
  db: MunicipalityDb,
  range: { from: string; to: string },
  nonWorkingDays: readonly string[],
): Promise<{ counts: LeafCount[]; measures: LeafMeasureCount[] }> {
  const result = await db.execute(sql`
    with letter as (
      select l.id, l.child_id, l.municipality_code, l.municipality_code::text as municipality,
             to_char(l.received_on, 'YYYY-MM') as period,
             date_part('year', age(l.received_on, l.birth_date))::int as age,
             case when right(l.cpr, 1)::int % 2 = 1 then 'M' else 'F' end as sex,
             l.received_on,
             l.reply_due_on,
             (r.replied_at at time zone 'Europe/Copenhagen')::date as replied_on
      from "municipality"."received_letters" l
      left join "municipality"."letter_replies" r on r.letter_id = l.id
      where l.received_on between ${range.from}::date and ${range.to}::date
    ),
    known as (
      select distinct letter.id
      from letter
      join "municipality"."municipal_cases" c
        on c.child_id = letter.child_id and c.municipality_code = letter.municipality_code
      where c.opened_on <= letter.received_on and (c.closed_on is null or c.closed_on >= letter.received_on)
    )
    select municipality, period,
           case when age < 6 then 'UNDER_6' when age < 13 then 'AGE_6_TO_12' when age < 15 then 'AGE_13_TO_14' else 'AGE_15_TO_17' end as age_band,
           sex,
           case when known.id is null then 'NOT_KNOWN' else 'KNOWN' end as known,
           case when replied_on is null then 'NOT_ANSWERED'
                when replied_on <= reply_due_on then 'WITHIN_DEADLINE' else 'AFTER_DEADLINE' end as reply,
           case when replied_on is null then null else ${workingDaysAfter(sql`received_on`, sql`replied_on`, nonWorkingDays)} end as days,
           count(*)::int as count
    from letter left join known on known.id = letter.id
    where age < 18
    group by 1, 2, 3, 4, 5, 6, 7
  `);
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  for (const row of executedRows(result)) {
    const at = {
      municipality: String(row['municipality']),
      period: String(row['period']),
      ageBand: String(row['age_band']),
      sex: String(row['sex']),
      known: String(row['known']),
      reply: String(row['reply']),
    };
    const count = Number(row['count']);
    counts.push({ at, count });
    const days = row['days'];
    if (days !== null && days !== undefined) measures.push({ at, measure: 'replyWorkingDays', value: Number(days), count });
  }
  return { counts, measures };
}
