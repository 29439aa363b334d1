import { createLogger, nonWorkingDaysForReplies, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import { testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { insertSyntheticGpLetters } from '@pathway-graph/test/support/letter-facts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countGpLettersAtLeaves } from '../src/db/statistics.ts';
import { children, letters, practices, replies } from '../src/db/schema.ts';
import { startGeneralPracticeSubgraph, type RunningGeneralPracticeSubgraph } from '../src/subgraph.ts';

/**
 * General practice's letter statistics SQL: the letters counted at the cube's leaves in the database, each leaf
 * derived as the cube defines it (the practice's municipality, the Copenhagen month sent, the age band on the day
 * sent, sex from the CPR number, the step, the first reply's arrival against the deadline, working days without
 * Danish holidays), and the number of rows bounded by the leaves, not by the letters.
 */

const CODES = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code);
const WINDOW = { from: '2025-01-01', to: '2026-10-31' };
const HOLIDAYS = nonWorkingDaysForReplies(WINDOW.from, WINDOW.to);

function letter(n: number, fields: Partial<typeof letters.$inferInsert>): typeof letters.$inferInsert {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    messageId: `sql-test-${n}`,
    practice: '100751',
    childId: `sql-test-child-${n}`,
    cpr: '0101144001',
    recipientMunicipalityCode: 751,
    recipientInboxGln: '5790000000001',
    recipientInboxName: 'Synthetic inbox',
    category: 'henvendelse-vedr-barn',
    topic: 'Synthetic topic',
    subject: 'Synthetic letter',
    text: 'Synthetic statistics fact (made up)',
    step: 'TRIN_1',
    consentGivenBy: 'CUSTODY_HOLDER',
    consentGivenOn: '2026-03-01',
    signatureName: 'Synthetic GP',
    signatureTitle: 'GP',
    signaturePhone: '00000000',
    status: 'DELIVERED',
    sentAt: '2026-03-31T22:30:00Z',
    replyDueOn: '2026-04-14',
    createdBy: 'test:synthetic',
    ...fields,
  };
}

function reply(n: number, letterNumber: number, receivedAt: string): typeof replies.$inferInsert {
  return {
    id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    letterId: `00000000-0000-4000-8000-${String(letterNumber).padStart(12, '0')}`,
    messageId: `sql-test-reply-${n}`,
    text: 'Synthetic reply.',
    bundle: {},
    receivedAt,
  };
}

describeWithDatabases('general practice statistics SQL', (backend) => {
  let subgraph: RunningGeneralPracticeSubgraph;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startGeneralPracticeSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('general-practice', 'silent'),
      verifier: await testVerifier(),
    });
    const db = subgraph.database.db;
    await db.insert(practices).values([
      { ydernummer: '100751', name: 'Synthetic practice Aarhus', locationNumber: '5799000000751', municipalityCode: 751, synthetic: true },
      { ydernummer: '100657', name: 'Synthetic practice Herning', locationNumber: '5799000000657', municipalityCode: 657, synthetic: true },
      { ydernummer: '100101', name: 'Synthetic practice outside the region', locationNumber: '5799000000101', municipalityCode: 101, synthetic: true },
    ]);
    const child = (n: number, cpr: string, birthDate: string) => ({ id: `sql-test-child-${n}`, cpr, birthDate, synthetic: true });
    await db.insert(children).values([
      child(1, '0101144001', '2014-01-01'),
      child(2, '1004114002', '2011-04-10'),
      child(3, '0101144003', '2014-01-01'),
      child(4, '0101144005', '2014-01-01'),
      child(5, '0101144007', '2014-01-01'),
      child(6, '0101144009', '2014-01-01'),
      child(7, '0101084011', '2008-01-01'),
    ]);
    await db.insert(letters).values([
      // Sent 00:30 on 1 April in Copenhagen (22:30 UTC the day before): April. Born 1 Jan 2014: 12, a boy (odd).
      letter(1, {}),
      // Sent on her 15th birthday by a practice in Herning, step 2; due 20 April, answered 24 April: late.
      letter(2, { practice: '100657', cpr: '1004114002', step: 'TRIN_2', sentAt: '2026-04-10T08:00:00Z', replyDueOn: '2026-04-20' }),
      // Not answered.
      letter(3, { cpr: '0101144003', sentAt: '2026-05-04T08:00:00Z', replyDueOn: '2026-05-18' }),
      // Not counted: never reached the municipality, sent by a practice outside the region, sent in a month that is
      // not closed, about a young person of 18.
      letter(4, { cpr: '0101144005', status: 'FAILED' }),
      letter(5, { practice: '100101', cpr: '0101144007' }),
      letter(6, { cpr: '0101144009', sentAt: '2026-11-02T08:00:00Z' }),
      letter(7, { cpr: '0101084011', sentAt: '2026-05-04T08:00:00Z' }),
    ]);
    await db.insert(replies).values([
      // The first reply arrives on Tuesday 7 April, after Easter (2, 3 and 6 April are holidays): 1 working day.
      reply(1, 1, '2026-04-07T08:00:00Z'),
      // A later reply to the same letter does not move its reply time.
      reply(2, 1, '2026-04-20T08:00:00Z'),
      // Friday 10 April to Friday 24 April: 10 working days.
      reply(3, 2, '2026-04-24T08:00:00Z'),
    ]);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('counts each letter once at its leaves: practice municipality, Copenhagen month sent, age band, sex, step, first reply, working days', async () => {
    const { counts, measures } = await countGpLettersAtLeaves(subgraph.database.db, WINDOW, CODES, HOLIDAYS);
    const sorted = [...counts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted).toEqual([
      { at: { municipality: '657', period: '2026-04', ageBand: 'AGE_15_TO_17', sex: 'F', step: 'TRIN_2', reply: 'AFTER_DEADLINE' }, count: 1 },
      { at: { municipality: '751', period: '2026-04', ageBand: 'AGE_6_TO_12', sex: 'M', step: 'TRIN_1', reply: 'WITHIN_DEADLINE' }, count: 1 },
      { at: { municipality: '751', period: '2026-05', ageBand: 'AGE_6_TO_12', sex: 'M', step: 'TRIN_1', reply: 'NOT_ANSWERED' }, count: 1 },
    ]);
    expect(measures.map((m) => [m.at['municipality'], m.at['reply'], m.measure, m.value, m.count]).sort()).toEqual([
      ['657', 'AFTER_DEADLINE', 'replyWorkingDays', 10, 1],
      ['751', 'WITHIN_DEADLINE', 'replyWorkingDays', 1, 1],
    ]);
  });

  it('returns rows bounded by the leaves, not by the letters: 20,000 letters give no more rows than their leaves', async () => {
    await insertSyntheticGpLetters(subgraph.database.db, 1, 20_000);
    const { counts, measures } = await countGpLettersAtLeaves(subgraph.database.db, WINDOW, CODES, HOLIDAYS);
    const total = counts.reduce((sum, row) => sum + row.count, 0);
    // Synthetic letter n is sent (n * 7) % 690 days after 2 January 2025; the window ends 667 days after it.
    let inWindow = 0;
    for (let n = 1; n <= 20_000; n++) if ((n * 7) % 690 <= 667) inWindow++;
    expect(total).toBe(inWindow + 3);
    // 19 municipalities x 22 closed months x 4 age bands x 2 sexes x 2 steps x 3 replies, whatever the letters.
    expect(new Set(counts.map((row) => JSON.stringify(row.at))).size).toBeLessThanOrEqual(19 * 22 * 4 * 2 * 2 * 3);
    // Aggregated in the database: one row per leaf and reply time, never two (nor one per letter).
    const keys = (rows: { at: Record<string, string> }[], value: (i: number) => unknown) => rows.map((row, i) => JSON.stringify([row.at, value(i)]));
    const measureKeys = keys(measures, (i) => measures[i]!.value);
    expect(new Set(measureKeys).size).toBe(measures.length);
    const unanswered = counts.filter((row) => row.at['reply'] === 'NOT_ANSWERED');
    expect(new Set(keys(unanswered, () => null)).size).toBe(unanswered.length);
    expect(counts.length).toBe(measures.length + unanswered.length);
    expect(counts.length).toBeLessThan(total);
    const answered = counts.filter((row) => row.at['reply'] !== 'NOT_ANSWERED').reduce((sum, row) => sum + row.count, 0);
    expect(measures.reduce((sum, row) => sum + row.count, 0)).toBe(answered);
  });
});
