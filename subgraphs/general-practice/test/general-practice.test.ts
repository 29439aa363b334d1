import { childPseudonym, createLogger, glnFromPrefix, isValidGln } from '@pathway-graph/shared';
import { DEMO_CHILDREN, DEMO_PRACTICES } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countPractices, insertPracticesAndChildren, type GeneralPracticeDb, type NewChild } from '../src/db/repository.ts';
import { children as childrenTable } from '../src/db/schema.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { startGeneralPracticeSubgraph, type RunningGeneralPracticeSubgraph } from '../src/subgraph.ts';

/** Synthetic CPR number DDMMYY4NNN: 7th digit 4 with YY 10-24 places the birth in 2010-2024. */
function syntheticCpr(i: number): { cpr: string; birthDate: string } {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(10 + (i % 15));
  return { cpr: `${dd}${mm}${yy}4${String(i % 1000).padStart(3, '0')}`, birthDate: `20${yy}-${mm}-${dd}` };
}

/** Test practices in a GS1 range of their own (the demo practices use 57900099...). */
const practice = (ydernummer: string, municipalityCode: number, j: number) => ({
  ydernummer,
  name: `Testpraksis ${ydernummer} (syntetisk)`,
  locationNumber: glnFromPrefix(`57900077${String(municipalityCode).padStart(3, '0')}${j}`),
  municipalityCode,
  synthetic: true,
});
const HERNING = ['300001', '300002', '300003', '300004', '300005'].map((y, j) => practice(y, 657, j));
const AARHUS = ['300101', '300102'].map((y, j) => practice(y, 751, j));
const PRACTICES = [...HERNING, ...AARHUS];

/** 50 children known to general practice: all listed with one of the test practices except #7, listed with none. */
const CHILDREN = Array.from({ length: 50 }, (_, i) => {
  const { cpr, birthDate } = syntheticCpr(i);
  return {
    id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
    cpr,
    birthDate,
    listedPractice: i === 7 ? null : PRACTICES[i % PRACTICES.length]!.ydernummer,
    synthetic: true,
  } satisfies NewChild;
});
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

describeWithDatabases('general-practice subgraph', (backend) => {
  let subgraph: RunningGeneralPracticeSubgraph;
  let dispose: () => Promise<void>;
  const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(subgraph.url, query, variables);

  const PAGE_QUERY =
    'query($code: Int, $first: Int, $after: String) { practices(municipalityCode: $code, first: $first, after: $after) { edges { cursor node { ydernummer municipality { code } } } pageInfo { hasNextPage endCursor } } }';
  const page = async (variables: { code?: number; first?: number; after?: string }) => {
    const res = await gql<{ practices: Page }>(PAGE_QUERY, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.practices;
  };
  const CHILD_ENTITIES =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id listedPractice { ydernummer name } } } }';
  const expectedPractice = (id: string) => {
    const child = CHILDREN.find((c) => c.id === id);
    if (!child?.listedPractice) return null;
    return { ydernummer: child.listedPractice, name: PRACTICES.find((p) => p.ydernummer === child.listedPractice)!.name };
  };

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startGeneralPracticeSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('general-practice', 'silent'),
    });
    await insertPracticesAndChildren(subgraph.database.db, PRACTICES, CHILDREN);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

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
    expect(aarhus.edges.map((e) => e.node.ydernummer)).toEqual(['300101', '300102']);
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
      { y: '300101' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.practice).toEqual({
      ydernummer: '300101',
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
    const ids = [CHILDREN[0]!.id, UNKNOWN_IDS[0]!, CHILDREN[7]!.id, CHILDREN[5]!.id];
    const res = await gql<{ _entities: EntityChild[] }>(CHILD_ENTITIES, {
      r: ids.map((id) => ({ __typename: 'Child', id })),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: CHILDREN[0]!.id, listedPractice: { ydernummer: '300001', name: HERNING[0]!.name } },
      { id: UNKNOWN_IDS[0]!, listedPractice: null },
      { id: CHILDREN[7]!.id, listedPractice: null },
      { id: CHILDREN[5]!.id, listedPractice: { ydernummer: '300101', name: AARHUS[0]!.name } },
    ]);
  });

  it('resolves 3 and 50 Child entities in the same small number of SQL statements', async () => {
    const run = async (ids: string[]) => {
      subgraph.database.statements.reset();
      const res = await gql<{ _entities: EntityChild[] }>(CHILD_ENTITIES, {
        r: ids.map((id) => ({ __typename: 'Child', id })),
      });
      const statements = subgraph.database.statements.total;
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual(ids.map((id) => ({ id, listedPractice: expectedPractice(id) })));
      return statements;
    };
    const three = await run([CHILDREN[1]!.id, UNKNOWN_IDS[1]!, CHILDREN[2]!.id]);
    const fifty = await run([...CHILDREN.slice(0, 48).map((c) => c.id), ...UNKNOWN_IDS]);
    // One statement for the children, one for their practices.
    expect(three).toBe(2);
    expect(fifty).toBe(three);
  });

  it('resolves Practice entities by provider number, null for an unknown one', async () => {
    subgraph.database.statements.reset();
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
    expect(subgraph.database.statements.total).toBe(1);
  });

  it('answers health and readiness probes', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('seeds the demo practices and children once: a second seed adds nothing', async () => {
    // A database of its own: seeding only ever happens into an empty one.
    const created = await backend.create(1);
    const fresh = await startGeneralPracticeSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('general-practice', 'silent'),
    });
    try {
      const { db } = fresh.database;
      expect(await countPractices(db)).toBe(0);
      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET)).toEqual({
        practices: DEMO_PRACTICES.length,
        children: DEMO_CHILDREN.length,
      });
      const practices = await countPractices(db);
      const children = await countChildren(db);
      expect(practices).toBe(DEMO_PRACTICES.length);
      expect(children).toBe(DEMO_CHILDREN.length);

      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET)).toEqual({ practices: 0, children: 0 });
      expect(await countPractices(db)).toBe(practices);
      expect(await countChildren(db)).toBe(children);

      // The seeded children carry the pseudonym of the shared secret, so other subgraphs' ids resolve here.
      const demo = DEMO_CHILDREN[0]!;
      const res = await postGraphQL<{ _entities: EntityChild[] }>(fresh.url, CHILD_ENTITIES, {
        r: [{ __typename: 'Child', id: childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET) }],
      });
      expect(res.data?._entities[0]?.listedPractice?.ydernummer).toBe(demo.practiceYdernummer);
    } finally {
      await fresh.close();
      await created.dispose();
    }
  });
});
