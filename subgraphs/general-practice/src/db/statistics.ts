import { executedRows, workingDaysAfter } from '@pathway-graph/shared/db/working-days';
import type { LeafCount, LeafMeasureCount } from '@pathway-graph/shared/statistics/index';
import { sql } from 'drizzle-orm';
import type { GeneralPracticeDb } from './repository.ts';

/**
 * The practices' letters of a range of days counted at the leaves of the general practice letters cube
 * (GP_LETTER_STATISTIC in shared/src/statistics/letters.ts), in one statement whatever the number of letters: one row
 * per municipality, month, age band, sex, step, reply and working days to the reply (null when not answered). The
 * rows are bounded by the cube's leaves times the distinct reply times, never by the letters.
 *
 * - Municipality: the sending practice's municipality (only the cube's, the region's, `municipalityCodes`).
 * - Period: the Copenhagen day the letter was sent; `range` gives the first and last day counted.
 * - Letters that failed to reach the municipality (FAILED) were never sent as far as the recipient knows: not counted.
 * - Age band: the child's age on the day sent; young people of 18 or more (outside the target group) are not counted.
 * - Sex: from the CPR number's last digit (odd: male), computed here; the CPR number never leaves the database.
 * - Reply: the first reply as it reached the practice (its Copenhagen day of arrival) against the letter's deadline;
 *   working days after the day sent up to that day, without `nonWorkingDays`.
 */
export async function countGpLettersAtLeaves(
  db: GeneralPracticeDb,
  range: { from: string; to: string },
  municipalityCodes: readonly number[],
  nonWorkingDays: readonly string[],
): Promise<{ counts: LeafCount[]; measures: LeafMeasureCount[] }> {
  if (municipalityCodes.length === 0 || !municipalityCodes.every((c) => Number.isInteger(c))) {
    throw new Error('municipality codes are whole numbers');
  }
  const codes = `{${municipalityCodes.join(',')}}`;
  const result = await db.execute(sql`
    with letter as (
      select p.municipality_code::text as municipality,
             l.sent_on,
             to_char(l.sent_on, 'YYYY-MM') as period,
             date_part('year', age(l.sent_on, c.birth_date))::int as age,
             case when right(l.cpr, 1)::int % 2 = 1 then 'M' else 'F' end as sex,
             l.step,
             l.reply_due_on,
             (select (min(r.received_at) at time zone 'Europe/Copenhagen')::date
              from "general_practice"."replies" r where r.letter_id = l.id) as replied_on
      from (select *, ((sent_at::timestamptz) at time zone 'Europe/Copenhagen')::date as sent_on
            from "general_practice"."letters" where status <> 'FAILED') l
      join "general_practice"."practices" p on p.ydernummer = l.practice
      join "general_practice"."children" c on c.id = l.child_id
      where l.sent_on between ${range.from}::date and ${range.to}::date
        and p.municipality_code = any(${codes}::int[])
    )
    select municipality, period,
           case when age < 6 then 'UNDER_6' when age < 13 then 'AGE_6_TO_12' when age < 15 then 'AGE_13_TO_14' else 'AGE_15_TO_17' end as age_band,
           sex, step,
           case when replied_on is null then 'NOT_ANSWERED'
                when replied_on <= reply_due_on then 'WITHIN_DEADLINE' else 'AFTER_DEADLINE' end as reply,
           case when replied_on is null then null else ${workingDaysAfter(sql`sent_on`, sql`replied_on`, nonWorkingDays)} end as days,
           count(*)::int as count
    from letter
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
      step: String(row['step']),
      reply: String(row['reply']),
    };
    const count = Number(row['count']);
    counts.push({ at, count });
    const days = row['days'];
    if (days !== null && days !== undefined) measures.push({ at, measure: 'replyWorkingDays', value: Number(days), count });
  }
  return { counts, measures };
}
