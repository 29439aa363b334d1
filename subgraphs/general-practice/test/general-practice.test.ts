import { childPseudonym, createLogger, glnFromPrefix, isValidGln } from '@pathway-graph/shared';
import { DEMO_CHILDREN, DEMO_PRACTICES } from '@pathway-graph/shared/demo/demo-data';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

/** "Today" for the whole suite: child 0 (born 2010-01-01) and child 15 (born 2010-01-16) are 16, child 5 is 11. */
const TODAY = '2026-06-01';

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

describeWithDatabases('general-practice subgraph', (backend) => {
  let subgraph: RunningGeneralPracticeSubgraph;
  let dispose: () => Promise<void>;
  let requests = 0;
  /** A GraphQL request as a demo user (a GP of practice 107510 unless told), under a request id of its own. */
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'gp-107510') => {
    const requestId = `gp-test-${String(++requests).padStart(4, '0')}`;
    const res = await postGraphQL<T>(subgraph.url, query, variables, { ...(await as(user)), 'x-request-id': requestId });
    return Object.assign(res, { requestId });
  };
  const entities = (ids: string[], user?: string) =>
    gql<{ _entities: EntityChild[] }>(CHILD_ENTITIES, { r: ids.map((id) => ({ __typename: 'Child', id })) }, user);
  const loggedFor = (requestId: string) =>
    subgraph.database.db.select().from(accessLog).where(eq(accessLog.requestId, requestId));
  const consentsOf = (childId: string) => subgraph.database.db.select().from(consents).where(eq(consents.childId, childId));
  const recordConsent = (input: Record<string, unknown>, user = 'gp-107510') =>
    gql<{ recordGeneralPracticeConsent: { id: string; active: boolean; givenBy: string } }>(
      `mutation Record($input: RecordConsentInput!) { recordGeneralPracticeConsent(input: $input) { ${CONSENT_FIELDS} } }`,
      { input },
      user,
    );
  const consentInput = (childId: string, overrides: Record<string, unknown> = {}) => ({
    childId,
    givenBy: 'YOUNG_PERSON',
    givenOn: '2026-05-20',
    recipientSector: 'MUNICIPALITY',
    recipientOrganisation: '751',
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-05-20',
    ...overrides,
  });

  const PAGE_QUERY =
    'query($code: Int, $first: Int, $after: String) { practices(municipalityCode: $code, first: $first, after: $after) { edges { cursor node { ydernummer municipality { code } } } pageInfo { hasNextPage endCursor } } }';
  const page = async (variables: { code?: number; first?: number; after?: string }) => {
    const res = await gql<{ practices: Page }>(PAGE_QUERY, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.practices;
  };
  const CHILD_ENTITIES =
    'query ChildEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id listedPractice { ydernummer name } } } }';
  const CONSENT_FIELDS = 'id childId givenBy givenOn recipientSector recipientOrganisation purposes validFrom validUntil withdrawnAt recordedAt active';
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
      verifier: await testVerifier(),
      today: () => TODAY,
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
      subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = subgraph.database.statements.total;
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

    const logged = await loggedFor(three.requestId);
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
    expect((await loggedFor(fifty.requestId)).map((e) => e.childId).sort()).toEqual(fiftyChildren.map((c) => c.id).sort());
  });

  it('writes no CPR number into the access log', async () => {
    const rows = await subgraph.database.db.select().from(accessLog);
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    for (const { cpr } of CHILDREN) {
      expect(text).not.toContain(cpr);
      expect(text).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
    }
  });

  it('refuses a request without a valid token with UNAUTHENTICATED and HTTP 401, also for _entities', async () => {
    const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
      fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
    const cases = [
      post(CHILD_ENTITIES, { r: [{ __typename: 'Child', id: CHILDREN[0]!.id }] }),
      post(CHILD_ENTITIES, { r: [{ __typename: 'Child', id: CHILDREN[0]!.id }] }, { authorization: 'Bearer not-a-token' }),
      post(PAGE_QUERY, {}),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
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
      expect(await loggedFor(res.requestId)).toEqual([]);
    }
    // Another GP of the same practice sees the practice's patients.
    const colleague = await entities([CHILDREN[0]!.id], 'gp-107510-b');
    expect(colleague.errors).toBeUndefined();
    expect(colleague.data!._entities[0]!.listedPractice?.ydernummer).toBe('107510');
    expect(await loggedFor(colleague.requestId)).toMatchObject([{ actorSubject: 'demo:gp-107510-b', childId: CHILDREN[0]!.id }]);

    // Nor may another practice record consents for the child's practice's data.
    const consent = await recordConsent(consentInput(CHILDREN[0]!.id), 'gp-106570');
    expect(consent.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await consentsOf(CHILDREN[0]!.id)).toEqual([]);
  });

  it("shows another sector the child's practice only with a consent recorded by the practice, and refuses it again once withdrawn", async () => {
    const child = CHILDREN[0]!; // 16 on TODAY: the young person consents themselves
    const refused = await entities([child.id], 'caseworker-751');
    expect(refused.errors?.map((e) => e.extensions?.['code'])).toEqual(['CONSENT_REQUIRED']);
    expect(refused.data!._entities).toEqual([{ id: child.id, listedPractice: null }]);
    // No age-dependent party and nothing about consents on record: that would show the practice knows the child.
    expect(refused.errors![0]!.extensions).toMatchObject({ requiredConsentingParty: null });
    expect(JSON.stringify(refused.errors)).not.toContain('107510');
    expect(await loggedFor(refused.requestId)).toEqual([]);

    // Only general practice records consents to disclose its own data.
    const byCaseworker = await recordConsent(consentInput(child.id), 'caseworker-751');
    expect(byCaseworker.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const recorded = await recordConsent(consentInput(child.id));
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordGeneralPracticeConsent).toMatchObject({ givenBy: 'YOUNG_PERSON', active: true });
    const consentId = recorded.data!.recordGeneralPracticeConsent.id;
    const change = (await loggedFor(recorded.requestId)).filter((e) => e.action === 'CHANGE');
    expect(change).toMatchObject([{ childId: child.id, actorSubject: 'demo:gp-107510', parts: ['consents'] }]);

    const allowed = await entities([child.id], 'caseworker-751');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities).toEqual([{ id: child.id, listedPractice: { ydernummer: '107510', name: OWN_PRACTICE.name } }]);
    expect(await loggedFor(allowed.requestId)).toMatchObject([
      { action: 'READ', childId: child.id, actorSubject: 'demo:caseworker-751', actorOrganisation: '751', parts: ['listedPractice'] },
    ]);
    // The consent names municipality 751 only.
    expect((await entities([child.id], 'caseworker-657')).errors?.[0]?.extensions?.['code']).toBe('CONSENT_REQUIRED');

    const withdrawn = await gql<{ withdrawGeneralPracticeConsent: { id: string; withdrawnAt: string | null } }>(
      `mutation($id: ID!) { withdrawGeneralPracticeConsent(id: $id) { ${CONSENT_FIELDS} } }`,
      { id: consentId },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawGeneralPracticeConsent.withdrawnAt).not.toBeNull();
    // Withdrawing twice is a conflict, not a second change.
    const twice = await gql(`mutation($id: ID!) { withdrawGeneralPracticeConsent(id: $id) { id } }`, { id: consentId });
    expect(twice.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    const again = await entities([child.id], 'caseworker-751');
    expect(again.errors?.map((e) => e.extensions?.['code'])).toEqual(['CONSENT_REQUIRED']);
    expect(again.data!._entities).toEqual([{ id: child.id, listedPractice: null }]);

    const held = await gql<{ _entities: { generalPracticeConsents: { id: string; active: boolean }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { generalPracticeConsents { id active } } } }',
      { r: [{ __typename: 'Child', id: child.id }] },
    );
    expect(held.errors).toBeUndefined();
    expect(held.data!._entities[0]!.generalPracticeConsents).toEqual([{ id: consentId, active: false }]);
  });

  it('refuses a consent given by the wrong party, saying who must give it, and stores nothing', async () => {
    const sixteen = CHILDREN[15]!; // born 2010-01-16
    const byCustodyHolder = await recordConsent(consentInput(sixteen.id, { givenBy: 'CUSTODY_HOLDER' }));
    expect(byCustodyHolder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenBy', required: 'YOUNG_PERSON' });
    expect(byCustodyHolder.errors?.[0]?.message).toMatch(/young person is 15 or older on 2026-05-20 and must give consent themselves/);
    expect(await consentsOf(sixteen.id)).toEqual([]);

    const eleven = CHILDREN[5]!; // born 2015-01-06
    const byChild = await recordConsent(consentInput(eleven.id));
    expect(byChild.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenBy', required: 'CUSTODY_HOLDER' });
    expect(byChild.errors?.[0]?.message).toMatch(/under 15 on 2026-05-20; a custody holder .* must give the consent/);
    expect(await consentsOf(eleven.id)).toEqual([]);

    const logged = await subgraph.database.db.select().from(accessLog).where(eq(accessLog.action, 'CHANGE'));
    expect(logged.filter((e) => e.childId === sixteen.id || e.childId === eleven.id)).toEqual([]);
  });

  it('lets administrators, and only them, read the access log', async () => {
    const query = 'query($c: ID!) { generalPracticeAccessLog(childId: $c) { entries { source action actorSubject childId } nextBefore } }';
    const page = await gql<{ generalPracticeAccessLog: { entries: { source: string; childId: string }[] } }>(
      query,
      { c: CHILDREN[0]!.id },
      'admin-region',
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.generalPracticeAccessLog.entries.length).toBeGreaterThan(0);
    expect(page.data!.generalPracticeAccessLog.entries.every((e) => e.source === 'general-practice' && e.childId === CHILDREN[0]!.id)).toBe(true);
    expect((await gql(query, { c: CHILDREN[0]!.id })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('keeps the access log append-only: rows can be neither updated nor deleted', async () => {
    await entities([CHILDREN[2]!.id]);
    const { db } = subgraph.database;
    const rejection = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e: unknown) => `${String((e as Error).message)} ${String(((e as Error).cause as Error | undefined)?.message ?? '')}`,
      );
    expect(await rejection(db.execute(sql`update general_practice.access_log set purpose = 'X'`))).toMatch(/append-only/);
    expect(await rejection(db.execute(sql`delete from general_practice.access_log`))).toMatch(/append-only/);
    const rows = await db.select().from(accessLog);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => (r.purpose as string) === 'X')).toBe(false);
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
      verifier: await testVerifier(),
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
      const demo = DEMO_CHILDREN.find((c) => c.practiceYdernummer === '107510')!;
      const res = await postGraphQL<{ _entities: EntityChild[] }>(
        fresh.url,
        CHILD_ENTITIES,
        { r: [{ __typename: 'Child', id: childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET) }] },
        await as('gp-107510'),
      );
      expect(res.data?._entities[0]?.listedPractice?.ydernummer).toBe(demo.practiceYdernummer);
    } finally {
      await fresh.close();
      await created.dispose();
    }
  });
});
