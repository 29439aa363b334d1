import { childPseudonym, parseCpr } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { CONTRACT_TODAY } from '@pathway-graph/test/support/sector-contract';
import { sectorContract, sectorUnderTest, type SectorDefinition } from '@pathway-graph/test/support/sector-contract';
import { count, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { countChildren, insertChildren, type NewChild, type ScreeningDb } from '../src/db/repository.ts';
import { accessLog, consents, trackMemberships } from '../src/db/schema.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { createScreeningSetup } from '../src/screenings/setup.ts';
import { startScreeningSubgraph, type RunningScreeningSubgraph } from '../src/subgraph.ts';

/** Synthetic CPR number DDMMYY4NNN: 7th digit 4 with YY 10-24 places the birth in 2010-2024. */
function syntheticCpr(i: number): string {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(10 + (i % 15));
  return `${dd}${mm}${yy}4${String(i % 1000).padStart(3, '0')}`;
}

type Track = NewChild['tracks'][number]['track'];
const TRACK_ORDER: Track[] = ['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL'];
const SINCE: Record<Track, string> = {
  RECOGNISED_MENTAL_PROBLEMS: '2026-03-01',
  CHRONIC_SOMATIC_ILLNESS: '2025-09-15',
  RELATIVE_OF_MENTALLY_ILL: '2026-01-20',
};

/**
 * 50 screened children. Child 0 is in all three tracks, child 1 in one, child 2 known to screening but in none; the
 * rest in two. Tracks are listed in reverse track order, so the API's order cannot come from insertion order.
 */
const SCREENED: NewChild[] = Array.from({ length: 50 }, (_, i) => {
  const cpr = syntheticCpr(i);
  const tracks: Track[] =
    i === 0
      ? [...TRACK_ORDER]
      : i === 1
        ? ['CHRONIC_SOMATIC_ILLNESS']
        : i === 2
          ? []
          : TRACK_ORDER.filter((_, t) => (i + t) % 3 !== 0);
  return {
    id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
    // The CPR number is used here only for the pseudonym and the birth date, as in the seed.
    birthDate: parseCpr(cpr).birthDate,
    synthetic: true,
    tracks: [...tracks].reverse().map((track) => ({ track, since: SINCE[track] })),
  };
});
/** Valid synthetic CPR numbers screening does not know. */
const UNKNOWN_IDS = [900, 901, 902].map((i) => childPseudonym(syntheticCpr(i), TEST_PSEUDONYM_SECRET));

type Membership = { track: Track; since: string };
type EntityChild = { id: string; screeningTracks: Membership[] | null };

function expected(id: string): EntityChild {
  const child = SCREENED.find((c) => c.id === id);
  const tracks = TRACK_ORDER.filter((t) => child?.tracks.some((m) => m.track === t));
  return { id, screeningTracks: tracks.map((track) => ({ track, since: SINCE[track] })) };
}

async function countMemberships(db: ScreeningDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(trackMemberships);
  return row!.n;
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const DEMO_SCREENED = DEMO_CHILDREN.filter((c) => c.screeningTracks.length > 0);
const inTrackOrder = (tracks: readonly Membership[]) => [...tracks].sort((a, b) => TRACK_ORDER.indexOf(a.track) - TRACK_ORDER.indexOf(b.track));

/** Screening as the sector contract sees it: the tracks kept by paediatrics, adult psychiatry and health visiting. */
const SCREENING: SectorDefinition<RunningScreeningSubgraph> = {
  subgraph: 'screening',
  start: startScreeningSubgraph,
  tables: { consents, accessLog },
  owner: 'paediatrician',
  otherSector: { user: 'caseworker-751', sector: 'MUNICIPALITY', organisation: '751', otherOrganisation: 'caseworker-657' },
  register: (subgraph, children) =>
    insertChildren(
      subgraph.database.db,
      children.map((c) => ({ id: c.id, birthDate: c.birthDate, synthetic: true, tracks: [{ track: 'RECOGNISED_MENTAL_PROBLEMS', since: '2026-02-01' }] })),
    ),
  consent: { record: 'recordScreeningConsent', withdraw: 'withdrawScreeningConsent', list: 'screeningConsents' },
  child: {
    selection: 'screeningTracks { track since }',
    parts: ['screeningTracks'],
    registered: () => ({ screeningTracks: [{ track: 'RECOGNISED_MENTAL_PROBLEMS', since: '2026-02-01' }] }),
    refusal: /belongs to the screening tracks/,
  },
  seed: {
    run: (subgraph) => seedDemoData(subgraph.database.db, TEST_PSEUDONYM_SECRET, createScreeningSetup()),
    count: (subgraph) => countChildren(subgraph.database.db),
    expected: DEMO_SCREENED.length,
    // Beside the children, each demo child's track memberships, once.
    others: async (subgraph) => ({ trackMemberships: await countMemberships(subgraph.database.db) }),
    expectedOthers: { trackMemberships: DEMO_SCREENED.reduce((n, c) => n + c.screeningTracks.length, 0) },
    // A child in more than one track, so the order of the tracks is seen to be the API's own.
    demoChild: DEMO_SCREENED.find((c) => c.screeningTracks.length > 1) ?? DEMO_SCREENED[0]!,
    demoAnswer: (c) => ({ screeningTracks: inTrackOrder(c.screeningTracks) }),
  },
};

describeWithDatabases('screening subgraph', (backend) => {
  const screening = sectorUnderTest(backend, SCREENING);
  sectorContract(backend, screening, SCREENING);

  beforeAll(async () => {
    await insertChildren(screening.db, SCREENED);
  });
  const entities = (ids: string[], user?: string, purpose?: string) =>
    screening.children<EntityChild>(ids, 'id screeningTracks { track since }', user, purpose ? { purpose } : {});

  it('resolves Child entities with their screening tracks in track order, empty when in none or unknown', async () => {
    const res = await entities([SCREENED[0]!.id, UNKNOWN_IDS[0]!, SCREENED[1]!.id, SCREENED[2]!.id]);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      {
        id: SCREENED[0]!.id,
        screeningTracks: [
          { track: 'RECOGNISED_MENTAL_PROBLEMS', since: '2026-03-01' },
          { track: 'CHRONIC_SOMATIC_ILLNESS', since: '2025-09-15' },
          { track: 'RELATIVE_OF_MENTALLY_ILL', since: '2026-01-20' },
        ],
      },
      { id: UNKNOWN_IDS[0]!, screeningTracks: [] },
      { id: SCREENED[1]!.id, screeningTracks: [{ track: 'CHRONIC_SOMATIC_ILLNESS', since: '2025-09-15' }] },
      { id: SCREENED[2]!.id, screeningTracks: [] },
    ]);
  });

  it('resolves 3 and 50 Child entities in one look-up plus one access-log insert, one entry per known child', async () => {
    const run = async (ids: string[]) => {
      screening.subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = screening.subgraph.database.statements.total;
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual(ids.map(expected));
      return { statements, requestId: res.requestId };
    };
    const three = await run([SCREENED[3]!.id, UNKNOWN_IDS[1]!, SCREENED[4]!.id]);
    const fifty = await run([...SCREENED.slice(3, 50).map((c) => c.id), ...UNKNOWN_IDS]);
    // The children with their tracks in one statement, and one insert of the request's access-log entries.
    expect(three.statements).toBe(2);
    expect(fifty.statements).toBe(three.statements);

    const logged = await screening.loggedFor(three.requestId);
    expect(logged.map((e) => e.childId).sort()).toEqual([SCREENED[3]!.id, SCREENED[4]!.id].sort());
    for (const entry of logged) {
      expect(entry).toMatchObject({
        action: 'READ',
        actorSubject: 'demo:paediatrician',
        actorSector: 'PAEDIATRICS',
        actorRoles: ['PAEDIATRICIAN'],
        operation: 'query ChildEntities',
        parts: ['screeningTracks'],
        purpose: 'CARE_COORDINATION',
      });
    }
    // Children screening does not know are not logged: nothing was read about them.
    expect((await screening.loggedFor(fifty.requestId)).map((e) => e.childId).sort()).toEqual(SCREENED.slice(3, 50).map((c) => c.id).sort());
  });

  it('lets every screening organisation read the tracks, and logs the purpose stated', async () => {
    for (const user of ['adultpsych', 'healthvisitor-657']) {
      const res = await entities([SCREENED[1]!.id], user, 'EARLY_DETECTION');
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([expected(SCREENED[1]!.id)]);
      expect(await screening.loggedFor(res.requestId)).toMatchObject([
        { actorSubject: `demo:${user}`, purpose: 'EARLY_DETECTION', parts: ['screeningTracks'] },
      ]);
    }
  });

  it('refuses analysts and administrators child-level data', async () => {
    for (const user of ['analyst-region', 'admin-region']) {
      const res = await entities([SCREENED[5]!.id], user);
      expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
      expect(res.data!._entities[0]).toEqual({ id: SCREENED[5]!.id, screeningTracks: null });
      expect(await screening.loggedFor(res.requestId)).toEqual([]);
    }
  });

  it('stores no CPR number: the children table has only pseudonym, birth date and bookkeeping columns', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await screening.db.execute(
        sql`select table_name, column_name from information_schema.columns where table_schema = 'screening' order by table_name, column_name`,
      ),
    );
    const childColumns = columns.filter((c) => c.table_name === 'children').map((c) => c.column_name);
    expect(childColumns).toEqual(['birth_date', 'created_at', 'id', 'synthetic']);
    // Nor does any other table of the schema.
    expect(columns.filter((c) => /cpr/i.test(c.column_name))).toEqual([]);
    expect(columns.length).toBeGreaterThan(childColumns.length);
  });

  it('registers a child in track 1 with the recognised problem, by GP, BUA or PPR; a wrong basis or participant stores nothing', async () => {
    const REGISTER = `mutation($input: RegisterInTrackInput!) { registerInScreeningTrack(input: $input) {
      id track since basis { problemArea relation diagnosis { code icd10 chapter } } municipalityNotification { status } } }`;
    const memberships = async (childId: string) =>
      (await screening.db.select().from(trackMemberships)).filter((m) => m.childId === childId);
    // Born 5 September 2010: 15 on the contract's day.
    const cpr = '0509104900';
    const childId = childPseudonym(cpr, TEST_PSEUDONYM_SECRET);
    const track1 = (recognisedProblem: Record<string, unknown>) => ({ input: { cpr, track: 'RECOGNISED_MENTAL_PROBLEMS', municipalityCode: 751, recognisedProblem } });

    const byGp = await screening.gql<{ registerInScreeningTrack: Record<string, unknown> }>(REGISTER, track1({ area: 'ANXIETY_OR_DEPRESSION', diagnosisCode: 'F41.1' }), 'gp-107510');
    expect(byGp.errors).toBeUndefined();
    expect(byGp.data!.registerInScreeningTrack).toMatchObject({
      track: 'RECOGNISED_MENTAL_PROBLEMS',
      since: CONTRACT_TODAY,
      basis: { problemArea: 'ANXIETY_OR_DEPRESSION', relation: null, diagnosis: { code: 'DF411', icd10: 'F41.1', chapter: 'V' } },
      // Only track 3 tells the municipality.
      municipalityNotification: null,
    });
    expect(await memberships(childId)).toHaveLength(1);

    // A problem without a diagnosis is a basis too; BUA and PPR register in track 1 as well (here other children).
    for (const [who, i] of [['bua-clinician', 901], ['ppr-751', 902]] as const) {
      const other = syntheticCpr(i);
      const res = await screening.gql(REGISTER, { input: { ...track1({ area: 'ATTENTION_OR_HYPERACTIVITY' }).input, cpr: other } }, who);
      expect(res.errors, who).toBeUndefined();
      expect(await memberships(childPseudonym(other, TEST_PSEUDONYM_SECRET)), who).toHaveLength(1);
    }

    // Refused, naming what to fix, and nothing stored: a somatic code, a missing basis, the paediatric clinic (track 2 only).
    const refusals: [string, Record<string, unknown>, string, string, RegExp][] = [
      ['a chapter E code', track1({ area: 'ANXIETY_OR_DEPRESSION', diagnosisCode: 'E10.9' }), 'gp-107510', 'BAD_USER_INPUT', /chapter F/],
      ['no recognised problem', { input: { cpr, track: 'RECOGNISED_MENTAL_PROBLEMS', municipalityCode: 751 } }, 'gp-107510', 'BAD_USER_INPUT', /recognisedProblem/],
      ['the paediatric clinic', track1({ area: 'ANXIETY_OR_DEPRESSION' }), 'paediatrician', 'FORBIDDEN', /track/i],
    ];
    for (const [what, variables, who, code, message] of refusals) {
      const res = await screening.gql(REGISTER, { ...variables, input: { ...(variables['input'] as object), cpr: '0509104901' } }, who);
      expect(res.errors?.[0]?.extensions?.['code'], what).toBe(code);
      expect(res.errors?.[0]?.message, what).toMatch(message);
      expect(await memberships(childPseudonym('0509104901', TEST_PSEUDONYM_SECRET)), what).toEqual([]);
    }
  });
});
