import { childPseudonym, glnFromPrefix, isValidGln } from '@pathway-graph/shared';
import { DEMO_CHILDREN, DEMO_PRACTICES } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { sectorContract, sectorUnderTest, type SectorDefinition } from '@pathway-graph/test/support/sector-contract';
import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { countPractices, insertPracticesAndChildren, type GeneralPracticeDb, type NewChild } from '../src/db/repository.ts';
import { accessLog, children as childrenTable, consents } from '../src/db/schema.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { startGeneralPracticeSubgraph, type RunningGeneralPracticeSubgraph } from '../src/subgraph.ts';

/** Synthetic CPR number DDMMYY4NNN: 7th digit 4 with YY 10-24 places the birth in 2010-2024. */
function syntheticCpr(i: number): { cpr: string; birthDate: string } {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(10 + (i % 15));
  return { cpr: `${dd}${mm}${yy}4${String(i % 1000).padStart(3, '0')}`, birthDate: `20${yy}-${mm}-${dd}` };
}

/**
 * Test practices in a GS1 range of their own (the demo practices use 57900099...). The first Aarhus practice has the
 * provider number of the demo users gp-107510 and gp-107510-b, so they read its patients as their own; gp-106570
 * (Herning) is a GP of another practice.
 */
const practice = (ydernummer: string, municipalityCode: number, j: number) => ({
  ydernummer,
  name: `Testpraksis ${ydernummer} (syntetisk)`,
  locationNumber: glnFromPrefix(`57900077${String(municipalityCode).padStart(3, '0')}${j}`),
  municipalityCode,
  synthetic: true,
});
const HERNING = ['300001', '300002', '300003', '300004', '300005'].map((y, j) => practice(y, 657, j));
const AARHUS = ['107510', '300102'].map((y, j) => practice(y, 751, j));
const OWN_PRACTICE = AARHUS[0]!;
const PRACTICES = [...HERNING, ...AARHUS];

/**
 * 60 children known to general practice: #7 listed with no practice, #9, #19, ... with one of the Herning practices
 * each, the rest with practice 107510 (the demo GP's own patients).
 */
const CHILDREN = Array.from({ length: 60 }, (_, i) => {
  const { cpr, birthDate } = syntheticCpr(i);
  return {
    id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
    cpr,
    birthDate,
    listedPractice: i === 7 ? null : i % 10 === 9 ? HERNING[Math.floor(i / 10) % HERNING.length]!.ydernummer : OWN_PRACTICE.ydernummer,
    synthetic: true,
  } satisfies NewChild;
});
/** The children gp-107510 may see: its own patients and those listed with no practice. */
const READABLE = CHILDREN.filter((c) => c.listedPractice === null || c.listedPractice === OWN_PRACTICE.ydernummer);
/** Never inserted: valid synthetic CPR numbers general practice does not know. */
const UNKNOWN_IDS = [900, 901].map((i) => childPseudonym(syntheticCpr(i).cpr, TEST_PSEUDONYM_SECRET));

async function countChildren(db: GeneralPracticeDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(childrenTable);
  return row!.n;
}

interface PracticeNode {
  ydernummer: string;
  name: string;
  locationNumber: string;
  municipality: { code: number };
  synthetic: boolean;
}
type Page = { edges: { cursor: string; node: { ydernummer: string; municipality: { code: number } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type EntityChild = { id: string; listedPractice: { ydernummer: string; name: string } | null };

const OWN_DEMO_PATIENT = DEMO_CHILDREN.find((c) => c.practiceYdernummer === OWN_PRACTICE.ydernummer)!;

/** General practice as the sector contract sees it: each practice owns its own patients' records. */
const GENERAL_PRACTICE: SectorDefinition<RunningGeneralPracticeSubgraph> = {
  subgraph: 'general-practice',
  start: startGeneralPracticeSubgraph,
  tables: { consents, accessLog },
  owner: 'gp-107510',
  otherSector: { user: 'caseworker-751', sector: 'MUNICIPALITY', organisation: '751', otherOrganisation: 'caseworker-657' },
  register: (subgraph, children) =>
    insertPracticesAndChildren(
      subgraph.database.db,
      [OWN_PRACTICE],
      children.map((c) => ({ ...c, listedPractice: OWN_PRACTICE.ydernummer, synthetic: true })),
    ),
  consent: { record: 'recordGeneralPracticeConsent', withdraw: 'withdrawGeneralPracticeConsent', list: 'generalPracticeConsents' },
  child: {
    selection: 'listedPractice { ydernummer name }',
    parts: ['listedPractice'],
    registered: () => ({ listedPractice: { ydernummer: OWN_PRACTICE.ydernummer, name: OWN_PRACTICE.name } }),
    refusal: /belongs to the child's own general practice/,
  },
  seed: {
    run: async (subgraph) => (await seedDemoData(subgraph.database.db, TEST_PSEUDONYM_SECRET)).children,
    count: (subgraph) => countChildren(subgraph.database.db),
    expected: DEMO_CHILDREN.length,
    others: async (subgraph) => ({ practices: await countPractices(subgraph.database.db) }),
    expectedOthers: { practices: DEMO_PRACTICES.length },
    demoChild: OWN_DEMO_PATIENT,
    demoAnswer: (c) => ({ listedPractice: { ydernummer: c.practiceYdernummer, name: DEMO_PRACTICES.find((p) => p.ydernummer === c.practiceYdernummer)!.name } }),
  },
};

describeWithDatabases('general-practice subgraph', (backend) => {
  const gp = sectorUnderTest(backend, GENERAL_PRACTICE);
  sectorContract(backend, gp, GENERAL_PRACTICE);

  beforeAll(async () => {
    await insertPracticesAndChildren(gp.db, PRACTICES, CHILDREN);
  });
  const gql = gp.gql;
  const entities = (ids: string[], user?: string) => gp.children<EntityChild>(ids, 'id listedPractice { ydernummer name }', user);
  const recordConsent = (input: Record<string, unknown>, user?: string) =>
    gql('mutation Record($input: RecordConsentInput!) { recordGeneralPracticeConsent(input: $input) { id } }', { input }, user);
  const consentInput = (childId: string) => ({
    childId,
    givenBy: 'YOUNG_PERSON',
    givenOn: '2026-05-20',
    recipientSector: 'MUNICIPALITY',
    recipientOrganisation: '751',
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-05-20',
  });

  const PAGE_QUERY =
    'query($code: Int, $first: Int, $after: String) { practices(municipalityCode: $code, first: $first, after: $after) { edges { cursor node { ydernummer municipality { code } } } pageInfo { hasNextPage endCursor } } }';
  const page = async (variables: { code?: number; first?: number; after?: string }) => {
    const res = await gql<{ practices: Page }>(PAGE_QUERY, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.practices;
  };
  const expectedPractice = (id: string) => {
    const child = CHILDREN.find((c) => c.id === id);
    if (!child?.listedPractice) return null;
    return { ydernummer: child.listedPractice, name: PRACTICES.find((p) => p.ydernummer === child.listedPractice)!.name };
  };

  it('pages through all practices in provider-number order: two pages, then no next page', async () => {
    const first = await page({ first: 4 });
    expect(first.edges).toHaveLength(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toBe(first.edges[3]!.cursor);
    const second = await page({ first: 4, after: first.pageInfo.endCursor! });
    expect(second.edges).toHaveLength(3);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.pageInfo.endCursor).toBe(second.edges[2]!.cursor);
    expect([...first.edges, ...second.edges].map((e) => e.node.ydernummer)).toEqual(
      PRACTICES.map((p) => p.ydernummer).sort(),
    );
  });

  it('filters practices by municipality code, across pages', async () => {
    const first = await page({ code: 657, first: 3 });
    expect(first.edges.map((e) => e.node.ydernummer)).toEqual(['300001', '300002', '300003']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ code: 657, first: 3, after: first.pageInfo.endCursor! });
    expect(second.edges.map((e) => e.node.ydernummer)).toEqual(['300004', '300005']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].every((e) => e.node.municipality.code === 657)).toBe(true);

    const aarhus = await page({ code: 751 });
    expect(aarhus.edges.map((e) => e.node.ydernummer)).toEqual(['107510', '300102']);
    expect(aarhus.pageInfo.hasNextPage).toBe(false);

    // Holstebro is in the region but has no practice here: an empty page, not an error.
    const none = await page({ code: 661 });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('refuses a municipality code outside Region Midtjylland with BAD_USER_INPUT naming the code', async () => {
    const res = await gql(PAGE_QUERY, { code: 999 });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Unknown municipality code 999/);
  });

  it('refuses a forged cursor and a page size over 500 (or under 1) with BAD_USER_INPUT', async () => {
    const forged = await gql(PAGE_QUERY, { after: 'not a cursor!' });
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0]?.extensions?.['field']).toBe('after');
    const big = await gql(PAGE_QUERY, { first: 501 });
    expect(big.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.extensions?.['field']).toBe('first');
    const zero = await gql(PAGE_QUERY, { first: 0 });
    expect(zero.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    // The limit itself is allowed.
    const max = await gql<{ practices: Page }>(PAGE_QUERY, { first: 500 });
    expect(max.errors).toBeUndefined();
    expect(max.data!.practices.edges).toHaveLength(PRACTICES.length);
  });

  it('finds a practice by provider number, with its municipality as a reference { code }', async () => {
    const res = await gql<{ practice: PracticeNode }>(
      'query($y: String!) { practice(ydernummer: $y) { ydernummer name locationNumber municipality { code } synthetic } }',
      { y: '107510' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.practice).toEqual({
      ydernummer: '107510',
      name: AARHUS[0]!.name,
      locationNumber: AARHUS[0]!.locationNumber,
      municipality: { code: 751 },
      synthetic: true,
    });
    expect(isValidGln(res.data!.practice.locationNumber)).toBe(true);
  });

  it('refuses a malformed provider number with BAD_USER_INPUT, and gives NOT_FOUND for an unknown one', async () => {
    const query = 'query($y: String!) { practice(ydernummer: $y) { ydernummer } }';
    for (const malformed of ['1234567', '30A001', '', AARHUS[0]!.locationNumber]) {
      const res = await gql(query, { y: malformed });
      expect(res.errors?.[0]?.extensions?.['code'], malformed).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe('ydernummer');
    }
    const unknown = await gql(query, { y: '999999' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toMatch(/999999/);
  });

  it('finds a practice by location number; refuses a wrong check digit; NOT_FOUND for a valid unknown GLN', async () => {
    const query = 'query($gln: String!) { practiceByLocationNumber(locationNumber: $gln) { ydernummer municipality { code } } }';
    const gln = HERNING[2]!.locationNumber;
    const ok = await gql<{ practiceByLocationNumber: { ydernummer: string; municipality: { code: number } } }>(query, { gln });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.practiceByLocationNumber).toEqual({ ydernummer: '300003', municipality: { code: 657 } });

    const wrongCheck = gln.slice(0, 12) + String((Number(gln[12]) + 1) % 10);
    const bad = await gql(query, { gln: wrongCheck });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/check digit/);

    const short = await gql(query, { gln: gln.slice(0, 12) });
    expect(short.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    const unknownGln = glnFromPrefix('579000000001');
    expect(PRACTICES.some((p) => p.locationNumber === unknownGln)).toBe(false);
    const unknown = await gql(query, { gln: unknownGln });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('resolves Child entities to their listed practice, and to null for a child not known or not listed', async () => {
    const res = await entities([CHILDREN[0]!.id, UNKNOWN_IDS[0]!, CHILDREN[7]!.id, CHILDREN[5]!.id]);
    expect(res.errors).toBeUndefined();
    const own = { ydernummer: '107510', name: OWN_PRACTICE.name };
    expect(res.data!._entities).toEqual([
      { id: CHILDREN[0]!.id, listedPractice: own },
      { id: UNKNOWN_IDS[0]!, listedPractice: null },
      { id: CHILDREN[7]!.id, listedPractice: null },
      { id: CHILDREN[5]!.id, listedPractice: own },
    ]);
  });

  it('resolves 3 and 50 Child entities in the same small number of SQL statements, one log entry per known child', async () => {
    const run = async (ids: string[]) => {
      gp.subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = gp.subgraph.database.statements.total;
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual(ids.map((id) => ({ id, listedPractice: expectedPractice(id) })));
      return { statements, requestId: res.requestId };
    };
    const fiftyChildren = READABLE.slice(0, 48);
    const three = await run([CHILDREN[1]!.id, UNKNOWN_IDS[1]!, CHILDREN[7]!.id]);
    const fifty = await run([...fiftyChildren.map((c) => c.id), ...UNKNOWN_IDS]);
    // One statement for the children, one for their practices, one insert of the request's access-log entries.
    expect(three.statements).toBe(3);
    expect(fifty.statements).toBe(three.statements);

    const logged = await gp.loggedFor(three.requestId);
    expect(logged.map((e) => e.childId).sort()).toEqual([CHILDREN[1]!.id, CHILDREN[7]!.id].sort());
    for (const entry of logged) {
      expect(entry).toMatchObject({
        action: 'READ',
        actorSubject: 'demo:gp-107510',
        actorSector: 'GENERAL_PRACTICE',
        actorOrganisation: '107510',
        actorRoles: ['GP'],
        operation: 'query ChildEntities',
        parts: ['listedPractice'],
        purpose: 'CARE_COORDINATION',
      });
    }
    // Children general practice does not know are not logged: nothing was read about them.
    expect((await gp.loggedFor(fifty.requestId)).map((e) => e.childId).sort()).toEqual(fiftyChildren.map((c) => c.id).sort());
  });

  it("refuses a GP another practice's patients with FORBIDDEN, without naming the child's practice", async () => {
    // gp-107510 and a Herning practice's patient; the Herning demo GP and a patient of 107510.
    const cases = [
      { user: 'gp-107510', child: CHILDREN[9]!, listedWith: HERNING[0]!.ydernummer },
      { user: 'gp-106570', child: CHILDREN[0]!, listedWith: OWN_PRACTICE.ydernummer },
    ];
    for (const { user, child, listedWith } of cases) {
      expect(child.listedPractice).toBe(listedWith);
      const res = await entities([child.id], user);
      expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
      expect(res.errors?.[0]?.extensions?.['rule']).toBe('OTHER_ORGANISATION');
      expect(res.data!._entities).toEqual([{ id: child.id, listedPractice: null }]);
      // Which practice the child is listed with is the very thing refused: the refusal must not tell it.
      expect(JSON.stringify(res.errors)).not.toContain(listedWith);
      expect(await gp.loggedFor(res.requestId)).toEqual([]);
    }
    // Another GP of the same practice sees the practice's patients.
    const colleague = await entities([CHILDREN[0]!.id], 'gp-107510-b');
    expect(colleague.errors).toBeUndefined();
    expect(colleague.data!._entities[0]!.listedPractice?.ydernummer).toBe('107510');
    expect(await gp.loggedFor(colleague.requestId)).toMatchObject([{ actorSubject: 'demo:gp-107510-b', childId: CHILDREN[0]!.id }]);

    // Nor may another practice record consents for the child's practice's data.
    const consent = await recordConsent(consentInput(CHILDREN[0]!.id), 'gp-106570');
    expect(consent.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await gp.consentsOf(CHILDREN[0]!.id)).toEqual([]);
  });

  it('resolves Practice entities by provider number, null for an unknown one', async () => {
    gp.subgraph.database.statements.reset();
    const res = await gql<{ _entities: (PracticeNode | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Practice { ydernummer name locationNumber municipality { code } synthetic } } }',
      {
        r: [
          { __typename: 'Practice', ydernummer: '300005' },
          { __typename: 'Practice', ydernummer: '999999' },
          { __typename: 'Practice', ydernummer: '300102' },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    const asNode = ({ ydernummer, name, locationNumber, municipalityCode }: (typeof PRACTICES)[number]) => ({
      ydernummer,
      name,
      locationNumber,
      municipality: { code: municipalityCode },
      synthetic: true,
    });
    expect(res.data!._entities).toEqual([asNode(HERNING[4]!), null, asNode(AARHUS[1]!)]);
    expect(gp.subgraph.database.statements.total).toBe(1);
  });
});
