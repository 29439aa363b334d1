import { sql } from 'drizzle-orm';

/** Anything with drizzle's `execute` (the municipality subgraph's database in a running test system). */
interface Executes {
  execute(query: ReturnType<typeof sql>): Promise<unknown>;
}

/** The region's 19 municipalities, in code order, for spreading synthetic letters over them. */
const CODES = [615, 657, 661, 665, 671, 706, 707, 710, 727, 730, 740, 741, 746, 751, 756, 760, 766, 779, 791];

/**
 * Inserts synthetic received letters numbered `first` to `first + count - 1` with one SQL statement, and replies
 * to two in three of them with another, for statistics tests that need many facts fast. Every value is a fixed
 * function of the number, so a test can count the same letters independently in SQL:
 * - municipality CODES[n % 19], received on 2025-01-02 + (n * 7) % 690 days, due 10 calendar days later;
 * - the child born 2010-01-01 + (n * 37) % 5800 days (0 to 16 years before), sex from the number's parity;
 * - replied (n % 3 <> 0) after (n % 13) calendar days; known to the municipality: an open case for n % 4 = 0.
 * Everything is marked synthetic: the text says so, the children's CPR numbers are synthetic (day 61+).
 */
export async function insertSyntheticLetters(db: Executes, first: number, count: number): Promise<void> {
  const codes = `{${CODES.join(',')}}`;
  await db.execute(sql`
    insert into "municipality"."received_letters" (
      id, message_id, municipality_code, department, child_id, cpr, birth_date, sender_gln, sender_sor_code,
      receiver_gln, receiver_sor_code, conversation_id, category, subject, text, segments, sent_at, received_at,
      received_on, reply_due_on, status)
    select md5('letter' || n)::uuid, 'synthetic-letter-' || n, (${codes}::int[])[1 + n % 19], 'CHILDREN_AND_YOUTH',
           'synthetic-child-' || n, '61' || lpad((n % 100000000)::text, 8, '0'), date '2010-01-01' + (n * 37) % 5800,
           '5790000000000', '1000000000000', '5790000000001', '1000000000001', 'synthetic-conversation-' || n,
           'henvendelse-vedr-barn', 'Synthetic letter', 'Synthetic letter for statistics tests (not a real child).',
           '[]'::jsonb, (date '2025-01-02' + (n * 7) % 690)::timestamptz, (date '2025-01-02' + (n * 7) % 690)::timestamptz,
           date '2025-01-02' + (n * 7) % 690, date '2025-01-02' + (n * 7) % 690 + 10,
           case when n % 3 <> 0 then 'ANSWERED' else 'RECEIVED' end
    from generate_series(${first}::int, ${first + count - 1}::int) as n
  `);
  await db.execute(sql`
    insert into "municipality"."letter_replies" (id, letter_id, message_id, initiated, text, replied_by_subject, replied_by_name, replied_by_role, replied_at)
    select md5('reply' || n)::uuid, md5('letter' || n)::uuid, 'synthetic-reply-' || n, '[]'::jsonb, 'Synthetic reply.',
           'test:synthetic', 'Synthetic Handler', 'CASEWORKER', (date '2025-01-02' + (n * 7) % 690 + n % 13 + time '10:00')::timestamptz
    from generate_series(${first}::int, ${first + count - 1}::int) as n
    where n % 3 <> 0
  `);
  await db.execute(sql`
    insert into "municipality"."children" (id, cpr, birth_date, residence_municipality_code, synthetic)
    select 'synthetic-child-' || n, '61' || lpad((n % 100000000)::text, 8, '0'), date '2010-01-01' + (n * 37) % 5800, (${codes}::int[])[1 + n % 19], true
    from generate_series(${first}::int, ${first + count - 1}::int) as n where n % 4 = 0
  `);
  await db.execute(sql`
    insert into "municipality"."municipal_cases" (child_id, municipality_code, opened_on, synthetic)
    select 'synthetic-child-' || n, (${codes}::int[])[1 + n % 19], date '2024-06-01', true
    from generate_series(${first}::int, ${first + count - 1}::int) as n where n % 4 = 0
  `);
}

/**
 * Inserts synthetic letters sent by general practice numbered `first` to `first + count - 1`, with one SQL statement
 * each for the practices (one synthetic practice per municipality, ydernummer 9 + the code), the children, the
 * letters and the replies, for the general practice statistics tests. As insertSyntheticLetters, every value is a
 * fixed function of the number, so a test can count the same letters independently in SQL:
 * - the practice of municipality CODES[n % 19]; sent at 09:00 UTC on 2025-01-02 + (n * 7) % 690 days, due 10
 *   calendar days later; step TRIN_1 for even n, TRIN_2 for odd;
 * - the child born 2010-01-01 + (n * 37) % 5800 days, sex from the number's parity;
 * - a reply reached the practice (n % 3 <> 0) after (n % 13) calendar days, at 10:00 UTC.
 * Everything is marked synthetic: the practices and children are flagged, the texts say so, the CPR numbers are
 * synthetic (day 62+).
 */
export async function insertSyntheticGpLetters(db: Executes, first: number, count: number): Promise<void> {
  const codes = `{${CODES.join(',')}}`;
  await db.execute(sql`
    insert into "general_practice"."practices" (ydernummer, name, location_number, municipality_code, synthetic)
    select '9' || lpad(code::text, 5, '0'), 'Synthetic practice ' || code, '579999' || lpad(code::text, 7, '0'), code, true
    from unnest(${codes}::int[]) as code
    on conflict do nothing
  `);
  await db.execute(sql`
    insert into "general_practice"."children" (id, cpr, birth_date, synthetic)
    select 'synthetic-gp-child-' || n, '62' || lpad((n % 100000000)::text, 8, '0'), date '2010-01-01' + (n * 37) % 5800, true
    from generate_series(${first}::int, ${first + count - 1}::int) as n
  `);
  await db.execute(sql`
    insert into "general_practice"."letters" (
      id, message_id, practice, child_id, cpr, recipient_municipality_code, recipient_inbox_gln, recipient_inbox_name,
      category, topic, subject, text, step, consent_given_by, consent_given_on, signature_name, signature_title,
      signature_phone, status, sent_at, reply_due_on, created_by)
    select md5('gp-letter' || n)::uuid, 'synthetic-gp-letter-' || n, '9' || lpad(code::text, 5, '0'), 'synthetic-gp-child-' || n,
           '62' || lpad((n % 100000000)::text, 8, '0'), code, '5790000000001', 'Synthetic inbox', 'henvendelse-vedr-barn',
           'Synthetic topic', 'Synthetic letter', 'Synthetic letter for statistics tests (not a real child).',
           case when n % 2 = 0 then 'TRIN_1' else 'TRIN_2' end, 'CUSTODY_HOLDER', sent, 'Synthetic GP', 'GP', '00000000',
           case when n % 3 <> 0 then 'ANSWERED' else 'DELIVERED' end, to_char(sent, 'YYYY-MM-DD') || 'T09:00:00Z', sent + 10,
           'test:synthetic'
    from (select n, (${codes}::int[])[1 + n % 19] as code, date '2025-01-02' + (n * 7) % 690 as sent
          from generate_series(${first}::int, ${first + count - 1}::int) as n) facts
  `);
  await db.execute(sql`
    insert into "general_practice"."replies" (id, letter_id, message_id, text, bundle, received_at)
    select md5('gp-reply' || n)::uuid, md5('gp-letter' || n)::uuid, 'synthetic-gp-reply-' || n, 'Synthetic reply.', '{}'::jsonb,
           (date '2025-01-02' + (n * 7) % 690 + n % 13 + time '10:00') at time zone 'UTC'
    from generate_series(${first}::int, ${first + count - 1}::int) as n
    where n % 3 <> 0
  `);
}
