import { childPseudonym, createLogger, uuid7 } from '@pathway-graph/shared';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionPlans, children, screeningResults, trackMemberships } from '../src/db/schema.ts';
import { startScreeningSubgraph, type RunningScreeningSubgraph } from '../src/subgraph.ts';

/**
 * The evaluation of the effort, computed in the database, with small counts withheld: a period's figures per track
 * and municipality, read by the region's and a municipality's analysts. The fixtures are rows as the services store
 * them; only the columns the evaluation reads carry meaning (scores and answers are the services' concern).
 */

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const CLINIC = { sector: 'PAEDIATRICS' as const, organisation: '9990021000016000' };

interface Story {
  municipalityCode: number;
  /** The first screening: positive or not, and its headline score. */
  first?: { positive: boolean; score: number; on: string };
  /** Days from the first screening to its action plan. */
  planAfterDays?: number;
  /** A later screening of the same instrument and informant. */
  later?: { positive: boolean; score: number; on: string };
  instrument?: 'who5' | 'sdq';
  since?: string;
  endedOn?: string;
}

/** Five children with the same story: counts of 5 and more are what the engine shows. */
const five = (story: Story): Story[] => Array.from({ length: 5 }, () => story);
const sdqImproving = (municipalityCode: number): Story => ({
  municipalityCode,
  instrument: 'sdq' as const,
  first: { positive: true, score: 21, on: '2026-03-01' },
  planAfterDays: 3,
  later: { positive: false, score: 12, on: '2026-06-01' },
});

/**
 * Aarhus (751): 35 children in the period, 30 screened, 25 positive with plans after 2, 4, 6, 8 and 10 days (five
 * each); on WHO-5, fifteen re-screened 12 points better (meaningful: 10), five only 8 better. One more ended before
 * the period. Herning (657): 30 children on the SDQ parent form, all positive, planned after 3 days, all re-screened
 * no longer positive (the SDQ publishes no meaningful change, so "no longer positive" counts). In the same cluster
 * (Vestklyngen), Holstebro (661) has two such children, a small count, and Ikast-Brande (756) five.
 */
const STORIES: Story[] = [
  ...[2, 4, 6].flatMap((d) => five({ municipalityCode: 751, first: { positive: true, score: 36, on: '2026-02-01' }, planAfterDays: d, later: { positive: false, score: 48, on: '2026-05-01' } })),
  ...five({ municipalityCode: 751, first: { positive: true, score: 36, on: '2026-02-01' }, planAfterDays: 8, later: { positive: true, score: 44, on: '2026-05-01' } }),
  ...five({ municipalityCode: 751, first: { positive: true, score: 36, on: '2026-02-01' }, planAfterDays: 10 }),
  ...five({ municipalityCode: 751, first: { positive: false, score: 72, on: '2026-02-01' } }),
  ...five({ municipalityCode: 751 }),
  { municipalityCode: 751, since: '2025-06-01', endedOn: '2025-12-01', first: { positive: true, score: 20, on: '2025-07-01' } },
  ...Array.from({ length: 30 }, () => sdqImproving(657)),
  ...Array.from({ length: 2 }, () => sdqImproving(661)),
  ...five(sdqImproving(756)),
];

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describeWithDatabases('screening evaluation', (backend) => {
  let subgraph: RunningScreeningSubgraph;
  let dispose: () => Promise<void>;
  const evaluation = async (user: string, track = 'CHRONIC_SOMATIC_ILLNESS') =>
    postGraphQL<{ screeningEvaluation: { rows: Record<string, unknown>[] } }>(
      subgraph.url,
      `query($from: Date!, $to: Date!, $track: ScreeningTrack) { screeningEvaluation(from: $from, to: $to, track: $track) {
        rows { track municipality { code } childrenRegistered childrenScreened childrenScreenedPositive childrenWithActionPlan
          medianDaysToActionPlan childrenImprovedOnRescreening withheld } } }`,
      { ...PERIOD, track },
      await as(user),
    );

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startScreeningSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('screening', 'silent'),
      verifier: await testVerifier(),
      today: () => '2026-07-01',
    });
    const db = subgraph.database.db;
    const recorded = { recordedBySubject: 'test:paediatrician', recordedByName: 'Test Paediatrician', recordedBySector: CLINIC.sector, recordedByOrganisation: CLINIC.organisation };
    for (const [i, story] of STORIES.entries()) {
      const childId = childPseudonym(`0101144${String(i).padStart(3, "0")}`, TEST_PSEUDONYM_SECRET);
      const membershipId = uuid7();
      await db.insert(children).values({ id: childId, birthDate: '2014-01-01', synthetic: true });
      await db.insert(trackMemberships).values({
        id: membershipId,
        childId,
        track: 'CHRONIC_SOMATIC_ILLNESS',
        since: story.since ?? '2026-01-10',
        municipalityCode: story.municipalityCode,
        diagnosisCode: 'DE109',
        ...(story.endedOn ? { endedOn: story.endedOn, endReason: 'NO_LONGER_AT_RISK' as const } : {}),
        synthetic: true,
      });
      const sdq = story.instrument === 'sdq';
      const result = (s: { positive: boolean; score: number; on: string }) => ({
        id: uuid7(Date.parse(`${s.on}T10:00:00Z`)),
        childId,
        membershipId,
        track: 'CHRONIC_SOMATIC_ILLNESS' as const,
        municipalityCode: story.municipalityCode,
        instrumentId: sdq ? 'sdq' : 'who5',
        instrumentRevision: 'test',
        versionId: sdq ? 'P4-17' : '1998',
        informant: sdq ? ('parent' as const) : ('self' as const),
        screeningDate: s.on,
        ageInYears: 12,
        answers: [],
        scores: [],
        flags: [],
        thresholdOutcomes: [],
        positive: s.positive,
        headlineScoreId: sdq ? 'total' : 'percentage',
        headlineScore: s.score,
        higherIsBetter: !sdq,
        meaningfulChange: sdq ? null : 10,
        ...recorded,
        parties: [`${CLINIC.sector}:${CLINIC.organisation}`],
        synthetic: true,
      });
      if (!story.first) continue;
      const [first] = await db.insert(screeningResults).values(result(story.first)).returning();
      if (story.later) await db.insert(screeningResults).values(result(story.later));
      if (story.planAfterDays !== undefined) {
        await db.insert(actionPlans).values({
          id: uuid7(),
          childId,
          membershipId,
          screeningResultId: first!.id,
          track: 'CHRONIC_SOMATIC_ILLNESS',
          municipalityCode: story.municipalityCode,
          offerIds: [uuid7()],
          responsibleSector: 'MUNICIPALITY',
          responsibleOrganisation: String(story.municipalityCode),
          responsiblePersonName: 'Test Koordinator',
          followUpOn: '2026-05-01',
          createdOn: addDays(story.first.on, story.planAfterDays),
          createdBySubject: 'test:paediatrician',
          createdByName: 'Test Paediatrician',
          createdBySector: CLINIC.sector,
          createdByOrganisation: CLINIC.organisation,
          parties: [`${CLINIC.sector}:${CLINIC.organisation}`],
          synthetic: true,
        });
      }
    }
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  const rowOf = (rows: Record<string, unknown>[], code: number | null) =>
    rows.find((r) => (r['municipality'] as { code: number } | null)?.code === code || (code === null && r['municipality'] === null));

  it('counts each municipality’s children registered, screened, positive, with a plan, the median days to it and those improved, and the region total', async () => {
    const res = await evaluation('analyst-region');
    expect(res.errors).toBeUndefined();
    const rows = res.data!.screeningEvaluation.rows;
    // Every municipality of the region has a row, and the region total is last.
    expect(rows).toHaveLength(20);
    expect(rows.at(-1)!['municipality']).toBeNull();
    expect(rowOf(rows, 751)).toEqual({
      track: 'CHRONIC_SOMATIC_ILLNESS',
      municipality: { code: 751 },
      childrenRegistered: 35,
      childrenScreened: 30,
      childrenScreenedPositive: 25,
      childrenWithActionPlan: 25,
      // Nearest rank: the 13th of the 25 plans' days 2, 4, 6, 8, 10 (five each).
      medianDaysToActionPlan: 6,
      childrenImprovedOnRescreening: 15,
      withheld: [],
    });
    // Herning's figures are its true ones where shown; some are hidden to protect Holstebro's (below).
    const herning = { childrenRegistered: 30, childrenScreened: 30, childrenScreenedPositive: 30, childrenWithActionPlan: 30, medianDaysToActionPlan: 3, childrenImprovedOnRescreening: 30 };
    for (const [field, truth] of Object.entries(herning)) expect([truth, null], field).toContain(rowOf(rows, 657)![field]);
    const hiddenRow = {
      childrenRegistered: null,
      childrenScreened: null,
      childrenScreenedPositive: null,
      childrenWithActionPlan: null,
      medianDaysToActionPlan: null,
      childrenImprovedOnRescreening: null,
      withheld: ['CHILDREN_REGISTERED', 'CHILDREN_SCREENED', 'CHILDREN_SCREENED_POSITIVE', 'CHILDREN_WITH_ACTION_PLAN', 'CHILDREN_IMPROVED_ON_RESCREENING', 'MEDIAN_DAYS_TO_ACTION_PLAN'],
    };
    // Holstebro's two children are hidden (primary), and so is Ikast-Brande's five: with Herning's and the cluster's
    // figures shown, Ikast-Brande's would give Holstebro's away (secondary).
    expect(rowOf(rows, 661)).toMatchObject(hiddenRow);
    expect(rowOf(rows, 756)).toMatchObject(hiddenRow);
    // A municipality without children shows its zeros: they describe a group of none, next to no hidden count.
    expect(rowOf(rows, 615)).toMatchObject({ childrenRegistered: 0, childrenImprovedOnRescreening: 0, medianDaysToActionPlan: null, withheld: [] });
    expect(rowOf(rows, null)).toEqual({
      track: 'CHRONIC_SOMATIC_ILLNESS',
      municipality: null,
      childrenRegistered: 72,
      childrenScreened: 67,
      childrenScreenedPositive: 62,
      childrenWithActionPlan: 62,
      // The 31st of 62 plans: 10 after 2 days, then 37 after 3.
      medianDaysToActionPlan: 3,
      childrenImprovedOnRescreening: 52,
      withheld: [],
    });
    // No count from 1 to 4 is ever shown.
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) {
        if (field.startsWith('children') && typeof value === 'number') expect(value === 0 || value >= 5, `${field} ${value}`).toBe(true);
      }
    }
  });

  it('shows a municipality’s analyst its own rows of the same suppressed table, and nobody else the table', async () => {
    const own = await evaluation('analyst-751');
    expect(own.errors).toBeUndefined();
    expect(own.data!.screeningEvaluation.rows.map((r) => [r['municipality'], r['childrenRegistered'], r['childrenImprovedOnRescreening']])).toEqual([[{ code: 751 }, 35, 15]]);
    for (const user of ['paediatrician', 'caseworker-751', 'admin-region']) {
      const refused = await evaluation(user);
      expect(refused.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
    }
  });

  it('shows zeros for a track without children in the period, except where a zero would tell where a small count is', async () => {
    const res = await evaluation('analyst-region', 'RELATIVE_OF_MENTALLY_ILL');
    expect(res.errors).toBeUndefined();
    const rows = res.data!.screeningEvaluation.rows;
    expect(rows).toHaveLength(20);
    // Holstebro's two children are all in another track: its zero here would say so. Vestklyngen's zero is shown,
    // so a second municipality of the cluster hides its zero too (Herning), or Holstebro's would be known.
    const hidden = rows.filter((r) => (r['withheld'] as string[]).includes('CHILDREN_REGISTERED')).map((r) => (r['municipality'] as { code: number }).code);
    expect(hidden).toContain(661);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      for (const field of ['childrenRegistered', 'childrenScreened', 'childrenWithActionPlan']) expect([0, null]).toContain(row[field]);
      expect(row['medianDaysToActionPlan']).toBeNull();
    }
    expect(rowOf(rows, null)).toMatchObject({ childrenRegistered: 0, withheld: [] });
  });

  it('evaluates whole calendar periods only, so that two overlapping periods cannot be subtracted', async () => {
    const res = await postGraphQL<{ screeningEvaluation: unknown }>(
      subgraph.url,
      'query { screeningEvaluation(from: "2026-01-01", to: "2026-06-15") { from } }',
      undefined,
      await as('analyst-region'),
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/whole calendar periods only/);
  });
});
