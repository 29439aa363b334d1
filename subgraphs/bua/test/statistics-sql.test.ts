import { createLogger, REGION_MIDTJYLLAND_MUNICIPALITIES, type MunicipalityCode } from '@pathway-graph/shared';
import { testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { insertSyntheticReferrals } from '@pathway-graph/test/support/statistics-facts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { advisoryLeafCounts, assessmentLeafCounts, referralLeafCounts } from '../src/db/statistics.ts';
import { advisoryBookings, advisorySlots, advisorySlotSeries, referrals } from '../src/db/schema.ts';
import { startBuaSubgraph, type RunningBuaSubgraph } from '../src/subgraph.ts';

/**
 * BUA's statistics SQL: the facts counted at the cubes' leaves in the database, with each leaf derived as the cube
 * defines it (Copenhagen months, age band on the day of receipt, sex from the CPR number, the decision and outcome
 * from the status history), and the number of rows bounded by the leaves, not by the facts.
 */

const CODES = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code);
const WINDOW = { from: '2025-01-01', to: '2026-10-31' };

function referral(n: number, fields: Partial<typeof referrals.$inferInsert>): typeof referrals.$inferInsert {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    messageId: `sql-test-${n}`,
    childId: `sql-test-child-${n}`,
    cpr: '0101144001',
    birthDate: '2014-01-01',
    referrerSector: 'GENERAL_PRACTICE',
    referrerOrganisation: 'synthetic',
    municipalityCode: 751,
    ydernummer: '000000',
    requesterName: 'Synthetic Requester',
    requesterRole: 'GP',
    reason: 'Synthetic statistics fact (made up)',
    stepReached: 'TRIN_2',
    acute: false,
    interventionsTried: [],
    screeningResultIds: [],
    consents: {} as never,
    sentAt: '2026-03-31T22:30:00Z',
    receivedAt: '2026-03-31T22:30:00Z',
    status: 'RECEIVED',
    history: [{ status: 'RECEIVED', at: '2026-03-31T22:30:00Z' }],
    communicated: {},
    bundle: {},
    ...fields,
  };
}

describeWithDatabases('bua statistics SQL', (backend) => {
  let subgraph: RunningBuaSubgraph;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startBuaSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('bua', 'silent'),
      verifier: await testVerifier(),
    });
    await subgraph.database.db.insert(referrals).values([
      // Received 00:30 on 1 April in Copenhagen (22:30 UTC the day before): April. Born 1 Jan 2014: 12, a boy (odd).
      referral(1, { cpr: '0101144001' }),
      // Born 1 April 2011, received on her 15th birthday: 15-17. Visited 3 days later, assessment started after 20.
      referral(2, {
        cpr: '0104114002',
        birthDate: '2011-04-01',
        receivedAt: '2026-04-01T08:00:00Z',
        referrerSector: 'MUNICIPALITY',
        acute: true,
        status: 'ASSESSED',
        visitationDecision: 'ASSESSMENT',
        history: [
          { status: 'RECEIVED', at: '2026-04-01T08:00:00Z' },
          { status: 'VISITED', at: '2026-04-04T08:00:00Z' },
          { status: 'ASSESSMENT_STARTED', at: '2026-04-21T08:00:00Z' },
          { status: 'ASSESSED', at: '2026-05-20T08:00:00Z' },
        ],
        outcome: { conclusion: 'DIAGNOSED', diagnoses: [], treatment: null, childNeeds: 'x', results: 'x', concludedAt: '2026-05-20T08:00:00Z', recordedBy: 'x' },
      }),
      // Visited: no assessment needed, 10 days after receipt.
      referral(3, {
        receivedAt: '2026-05-02T08:00:00Z',
        status: 'VISITED',
        visitationDecision: 'NO_ASSESSMENT_NEEDED',
        history: [
          { status: 'RECEIVED', at: '2026-05-02T08:00:00Z' },
          { status: 'VISITED', at: '2026-05-12T08:00:00Z' },
        ],
      }),
      // Outside the window (the month is not closed), and a municipality outside the region: not counted.
      referral(4, { receivedAt: '2026-11-02T08:00:00Z' }),
      referral(5, { municipalityCode: 101 }),
    ]);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('counts each referral once at its leaves: Copenhagen month, age band on the day of receipt, sex, referrer, acuteness, decision, days to visitation', async () => {
    const { counts, measures } = await referralLeafCounts(subgraph.database.db, WINDOW, CODES);
    const sorted = [...counts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted).toEqual([
      { at: { municipality: '751', ageBand: 'AGE_15_TO_17', sex: 'F', source: 'MUNICIPALITY', period: '2026-04', acuteness: 'ACUTE', decision: 'ASSESSMENT' }, count: 1 },
      { at: { municipality: '751', ageBand: 'AGE_6_TO_12', sex: 'M', source: 'GP', period: '2026-04', acuteness: 'NOT_ACUTE', decision: 'NOT_VISITED' }, count: 1 },
      { at: { municipality: '751', ageBand: 'AGE_6_TO_12', sex: 'M', source: 'GP', period: '2026-05', acuteness: 'NOT_ACUTE', decision: 'NO_ASSESSMENT_NEEDED' }, count: 1 },
    ]);
    expect(measures.map((m) => [m.at['decision'], m.measure, m.value]).sort()).toEqual([
      ['ASSESSMENT', 'daysToVisitation', 3],
      ['NO_ASSESSMENT_NEEDED', 'daysToVisitation', 10],
    ]);
  });

  it('counts assessments by the month they started, with the outcome and the days from receipt to the start', async () => {
    const { counts, measures } = await assessmentLeafCounts(subgraph.database.db, WINDOW, CODES);
    expect(counts).toEqual([
      { at: { municipality: '751', ageBand: 'AGE_15_TO_17', sex: 'F', source: 'MUNICIPALITY', period: '2026-04', outcome: 'DIAGNOSED' }, count: 1 },
    ]);
    expect(measures).toEqual([{ at: counts[0]!.at, measure: 'daysToAssessment', value: 20, count: 1 }]);
  });

  it('returns rows bounded by the leaves, not by the facts: 20,000 referrals give the same rows as their leaves', async () => {
    await insertSyntheticReferrals(subgraph.database.db, { prefix: 'bulk', count: 20_000, from: '2025-01-01', days: 600, municipalities: [751, 657] });
    const { counts, measures } = await referralLeafCounts(subgraph.database.db, WINDOW, CODES);
    const total = counts.reduce((sum, row) => sum + row.count, 0);
    expect(total).toBe(20_000 + 3);
    // Each leaf at most once per distinct waiting time: the leaves of two municipalities x 22 closed months x 4 age
    // bands x 2 sexes x 2 referrers x 2 acuteness x 3 decisions, whatever the number of referrals.
    expect(new Set(counts.map((row) => JSON.stringify(row.at))).size).toBeLessThanOrEqual(2 * 22 * 4 * 2 * 2 * 2 * 3);
    expect(counts.length).toBeLessThan(total / 2);
    const visited = counts.filter((row) => row.at['decision'] !== 'NOT_VISITED').reduce((sum, row) => sum + row.count, 0);
    expect(measures.reduce((sum, row) => sum + row.count, 0)).toBe(visited);
  });

  it('counts each advisory slot once per municipality it is offered to, by the Copenhagen month it starts, kind and what became of it', async () => {
    const db = subgraph.database.db;
    const seriesId = '00000000-0000-4000-9000-000000000001';
    const at = new Date('2026-01-01T00:00:00Z');
    await db.insert(advisorySlotSeries).values({
      id: seriesId, kind: 'TEACHING', municipalityCodes: [751, 657], adviserId: 'test:adviser', recurrence: { frequency: 'WEEKLY', weekday: 'WEDNESDAY' } as never,
      startTime: '10:00', durationMinutes: 45, capacity: 3, startsOn: '2026-05-01', meetingUrl: 'https://meet.example.org/synthetic',
      createdBy: 'test', updatedBy: 'test', updatedAt: at,
    });
    const slot = (n: number, kind: 'CONSULTATION' | 'TEACHING', codes: MunicipalityCode[], startsAt: string, status: 'SCHEDULED' | 'CANCELLED' = 'SCHEDULED') => ({
      id: `00000000-0000-4000-9100-${String(n).padStart(12, '0')}`, seriesId, occurrenceDate: `2026-01-${String(n).padStart(2, '0')}`, kind,
      municipalityCodes: codes, adviserId: 'test:adviser', startsAt: new Date(startsAt), endsAt: new Date(Date.parse(startsAt) + 45 * 60_000),
      capacity: kind === 'TEACHING' ? 3 : 1, meetingUrl: 'https://meet.example.org/synthetic', status, updatedAt: at,
    });
    const slots = [
      slot(1, 'CONSULTATION', [751], '2026-05-06T08:00:00Z'),
      slot(2, 'CONSULTATION', [751], '2026-05-13T08:00:00Z'),
      slot(3, 'CONSULTATION', [751], '2026-05-20T08:00:00Z'),
      slot(4, 'CONSULTATION', [751], '2026-05-27T08:00:00Z', 'CANCELLED'),
      slot(5, 'TEACHING', [751, 657], '2026-06-30T08:00:00Z'),
      // 00:30 on 1 June in Copenhagen: June.
      slot(6, 'TEACHING', [751, 657], '2026-05-31T22:30:00Z', 'CANCELLED'),
    ];
    await db.insert(advisorySlots).values(slots);
    const booking = (n: number, s: (typeof slots)[number], municipalityCode: MunicipalityCode, cancelled = false) => ({
      id: `00000000-0000-4000-9200-${String(n).padStart(12, '0')}`, slotId: s.id, slotKind: s.kind, municipalityCode, bookerId: `test:staff-${n}`,
      kind: s.kind === 'TEACHING' ? ('TEACHING' as const) : ('SPARRING' as const), bookedAt: at,
      ...(cancelled ? { cancelledAt: at, cancelledBy: `test:staff-${n}` } : {}),
    });
    await db.insert(advisoryBookings).values([
      booking(1, slots[0]!, 751),
      booking(2, slots[1]!, 751, true),
      booking(3, slots[4]!, 751),
      booking(4, slots[4]!, 751),
      booking(5, slots[5]!, 657),
    ]);
    const counts = await advisoryLeafCounts(db, { from: '2025-01-01', to: '2026-06-30' }, new Date('2026-06-15T12:00:00Z'), CODES);
    const leaves = counts.map((row) => `${row.at['municipality']} ${row.at['period']} ${row.at['kind']} ${row.at['status']} ${row.count}`).sort();
    expect(leaves).toEqual([
      '657 2026-06 TEACHING CANCELLED 1',
      '657 2026-06 TEACHING OPEN 1',
      '751 2026-05 CONSULTATION CANCELLED 1',
      '751 2026-05 CONSULTATION OPEN 1',
      '751 2026-05 CONSULTATION USED 1',
      '751 2026-05 CONSULTATION WITHDRAWN 1',
      // Two seats booked by Aarhus's staff: one offer to Aarhus, booked and still to come.
      '751 2026-06 TEACHING UPCOMING 1',
      '751 2026-06 TEACHING WITHDRAWN 1',
    ]);
  });

  it('counts a decision or an outcome as it stood on the window\'s last day: one made after it is not yet made here', async () => {
    const db = subgraph.database.db;
    // Odder (727) has no other referrals here. Visited within the window, assessed only after it.
    await db.insert(referrals).values([
      referral(6, {
        municipalityCode: 727,
        receivedAt: '2026-10-20T08:00:00Z',
        status: 'ASSESSED',
        visitationDecision: 'ASSESSMENT',
        history: [
          { status: 'RECEIVED', at: '2026-10-20T08:00:00Z' },
          { status: 'VISITED', at: '2026-10-30T08:00:00Z' },
          { status: 'ASSESSMENT_STARTED', at: '2026-10-31T08:00:00Z' },
          { status: 'ASSESSED', at: '2026-11-15T08:00:00Z' },
        ],
        outcome: { conclusion: 'DIAGNOSED', diagnoses: [], treatment: null, childNeeds: 'x', results: 'x', concludedAt: '2026-11-15T08:00:00Z', recordedBy: 'x' },
      }),
      // Visited on 3 November, after the window: not yet visited on its last day, and no waiting time.
      referral(7, {
        municipalityCode: 727,
        receivedAt: '2026-10-25T08:00:00Z',
        status: 'VISITED',
        visitationDecision: 'NO_ASSESSMENT_NEEDED',
        history: [
          { status: 'RECEIVED', at: '2026-10-25T08:00:00Z' },
          { status: 'VISITED', at: '2026-11-03T08:00:00Z' },
        ],
      }),
    ]);
    const odder = <T extends { at: Readonly<Record<string, string>> }>(rows: readonly T[]) => rows.filter((row) => row.at['municipality'] === '727');
    const referralFacts = await referralLeafCounts(db, WINDOW, CODES);
    expect(odder(referralFacts.counts).map((row) => [row.at['decision'], row.count]).sort()).toEqual([
      ['ASSESSMENT', 1],
      ['NOT_VISITED', 1],
    ]);
    expect(odder(referralFacts.measures).map((row) => [row.at['decision'], row.value])).toEqual([['ASSESSMENT', 10]]);
    const assessmentFacts = await assessmentLeafCounts(db, WINDOW, CODES);
    expect(odder(assessmentFacts.counts).map((row) => [row.at['period'], row.at['outcome'], row.count])).toEqual([['2026-10', 'IN_ASSESSMENT', 1]]);
    // A window to the end of November sees both decisions and the outcome.
    const later = { from: WINDOW.from, to: '2026-11-30' };
    expect(odder((await referralLeafCounts(db, later, CODES)).counts).map((row) => row.at['decision']).sort()).toEqual(['ASSESSMENT', 'NO_ASSESSMENT_NEEDED']);
    expect(odder((await assessmentLeafCounts(db, later, CODES)).counts).map((row) => row.at['outcome'])).toEqual(['DIAGNOSED']);
  });
});
