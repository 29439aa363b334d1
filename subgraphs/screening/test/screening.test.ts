import { childPseudonym, createLogger, parseCpr } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

/** "Today" for the whole suite: child 0 (born 2010-01-01) and child 15 (born 2010-01-16) are 16. */
const TODAY = '2026-06-01';

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
const CHILD_ENTITIES =
  'query ChildEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id screeningTracks { track since } } } }';
const CONSENT_FIELDS = 'id childId givenBy givenOn recipientSector recipientOrganisation purposes validFrom validUntil withdrawnAt recordedAt active';

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

describeWithDatabases('screening subgraph', (backend) => {
  let subgraph: RunningScreeningSubgraph;
  let dispose: () => Promise<void>;
  let requests = 0;
  /** A GraphQL request as a demo user (a paediatrician, of the screening organisations, unless told). */
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'paediatrician') => {
    const requestId = `screening-test-${String(++requests).padStart(4, '0')}`;
    const res = await postGraphQL<T>(subgraph.url, query, variables, { ...(await as(user)), 'x-request-id': requestId });
    return Object.assign(res, { requestId });
  };
  const entities = (ids: string[], user?: string) =>
    gql<{ _entities: EntityChild[] }>(CHILD_ENTITIES, { r: ids.map((id) => ({ __typename: 'Child', id })) }, user);
  const loggedFor = (requestId: string) =>
    subgraph.database.db.select().from(accessLog).where(eq(accessLog.requestId, requestId));
  const consentsOf = (childId: string) => subgraph.database.db.select().from(consents).where(eq(consents.childId, childId));
  const recordConsent = (input: Record<string, unknown>, user = 'paediatrician') =>
    gql<{ recordScreeningConsent: { id: string; active: boolean; givenBy: string } }>(
      `mutation Record($input: RecordConsentInput!) { recordScreeningConsent(input: $input) { ${CONSENT_FIELDS} } }`,
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
      today: () => TODAY,
    });
    await insertChildren(subgraph.database.db, SCREENED);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

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
      subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = subgraph.database.statements.total;
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual(ids.map(expected));
      return { statements, requestId: res.requestId };
    };
    const three = await run([SCREENED[3]!.id, UNKNOWN_IDS[1]!, SCREENED[4]!.id]);
    const fifty = await run([...SCREENED.slice(3, 50).map((c) => c.id), ...UNKNOWN_IDS]);
    // The children with their tracks in one statement, and one insert of the request's access-log entries.
    expect(three.statements).toBe(2);
    expect(fifty.statements).toBe(three.statements);

    const logged = await loggedFor(three.requestId);
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
    expect((await loggedFor(fifty.requestId)).map((e) => e.childId).sort()).toEqual(SCREENED.slice(3, 50).map((c) => c.id).sort());
  });

  it('lets every screening organisation read the tracks, and logs the purpose stated', async () => {
    for (const user of ['adultpsych', 'healthvisitor-657']) {
      const res = await postGraphQL<{ _entities: EntityChild[] }>(
        subgraph.url,
        CHILD_ENTITIES,
        { r: [{ __typename: 'Child', id: SCREENED[1]!.id }] },
        { ...(await as(user, 'EARLY_DETECTION')), 'x-request-id': `screening-purpose-${user}` },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([expected(SCREENED[1]!.id)]);
      expect(await loggedFor(`screening-purpose-${user}`)).toMatchObject([
        { actorSubject: `demo:${user}`, purpose: 'EARLY_DETECTION', parts: ['screeningTracks'] },
      ]);
    }
  });

  it('writes no CPR number into the access log', async () => {
    const rows = await subgraph.database.db.select().from(accessLog);
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    for (const i of SCREENED.keys()) {
      const cpr = syntheticCpr(i);
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
      post(CHILD_ENTITIES, { r: [{ __typename: 'Child', id: SCREENED[0]!.id }] }),
      post(CHILD_ENTITIES, { r: [{ __typename: 'Child', id: SCREENED[0]!.id }] }, { authorization: 'Bearer not-a-token' }),
      post('query($c: ID!) { screeningAccessLog(childId: $c) { entries { id } } }', { c: SCREENED[0]!.id }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('refuses analysts and administrators child-level data', async () => {
    for (const user of ['analyst-region', 'admin-region']) {
      const res = await entities([SCREENED[5]!.id], user);
      expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
      expect(res.data!._entities[0]).toEqual({ id: SCREENED[5]!.id, screeningTracks: null });
    }
  });

  it('shows another sector the tracks only with a consent recorded by screening, and refuses them again once withdrawn', async () => {
    const child = SCREENED[0]!; // 16 on TODAY: the young person consents themselves
    const refused = await entities([child.id, UNKNOWN_IDS[2]!], 'caseworker-751');
    expect(refused.errors?.map((e) => e.extensions?.['code'])).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
    // Being in a risk group is screening's data: an unknown child is refused alike, or the refusal would tell.
    expect(refused.data!._entities).toEqual([
      { id: child.id, screeningTracks: null },
      { id: UNKNOWN_IDS[2]!, screeningTracks: null },
    ]);
    expect(refused.errors![0]!.message).toMatch(/belongs to the screening tracks/);
    // Worded alike for the screened child and the unknown one.
    expect(refused.errors![0]!.message).toBe(refused.errors![1]!.message);
    expect(await loggedFor(refused.requestId)).toEqual([]);

    // Only the screening organisations record consents to disclose the tracks.
    const byCaseworker = await recordConsent(consentInput(child.id), 'caseworker-751');
    expect(byCaseworker.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const recorded = await recordConsent(consentInput(child.id));
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordScreeningConsent).toMatchObject({ givenBy: 'YOUNG_PERSON', active: true });
    const consentId = recorded.data!.recordScreeningConsent.id;
    const change = (await loggedFor(recorded.requestId)).filter((e) => e.action === 'CHANGE');
    expect(change).toMatchObject([{ childId: child.id, actorSubject: 'demo:paediatrician', parts: ['consents'] }]);

    const allowed = await entities([child.id], 'caseworker-751');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities).toEqual([expected(child.id)]);
    expect(await loggedFor(allowed.requestId)).toMatchObject([
      { action: 'READ', childId: child.id, actorSubject: 'demo:caseworker-751', actorOrganisation: '751', parts: ['screeningTracks'] },
    ]);

    // The consent covers care coordination only.
    const otherPurpose = await postGraphQL<{ _entities: EntityChild[] }>(
      subgraph.url,
      CHILD_ENTITIES,
      { r: [{ __typename: 'Child', id: child.id }] },
      await as('caseworker-751', 'ASSESSMENT_AND_TREATMENT'),
    );
    expect(otherPurpose.errors?.[0]?.extensions?.['code']).toBe('CONSENT_REQUIRED');

    const withdrawn = await gql<{ withdrawScreeningConsent: { id: string; withdrawnAt: string | null } }>(
      `mutation($id: ID!) { withdrawScreeningConsent(id: $id) { ${CONSENT_FIELDS} } }`,
      { id: consentId },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawScreeningConsent.withdrawnAt).not.toBeNull();

    const again = await entities([child.id], 'caseworker-751');
    expect(again.errors?.map((e) => e.extensions?.['code'])).toEqual(['CONSENT_REQUIRED']);
    expect(again.data!._entities).toEqual([{ id: child.id, screeningTracks: null }]);

    const held = await gql<{ _entities: { screeningConsents: { id: string; active: boolean }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { screeningConsents { id active } } } }',
      { r: [{ __typename: 'Child', id: child.id }] },
    );
    expect(held.errors).toBeUndefined();
    expect(held.data!._entities[0]!.screeningConsents).toEqual([{ id: consentId, active: false }]);
  });

  it('refuses a consent given by the wrong party, saying who must give it, and stores nothing', async () => {
    const child = SCREENED[15]!; // born 2010-01-16: 16 on TODAY
    const res = await recordConsent(consentInput(child.id, { givenBy: 'CUSTODY_HOLDER' }));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenBy', required: 'YOUNG_PERSON' });
    expect(res.errors?.[0]?.message).toMatch(/young person is 15 or older on 2026-05-20 and must give consent themselves/);
    expect(await consentsOf(child.id)).toEqual([]);
    const logged = await subgraph.database.db.select().from(accessLog).where(eq(accessLog.childId, child.id));
    expect(logged.filter((e) => e.action === 'CHANGE')).toEqual([]);
  });

  it('lets administrators, and only them, read the access log', async () => {
    const query = 'query($c: ID!) { screeningAccessLog(childId: $c) { entries { source action actorSubject childId } nextBefore } }';
    const page = await gql<{ screeningAccessLog: { entries: { source: string; childId: string }[] } }>(
      query,
      { c: SCREENED[0]!.id },
      'admin-region',
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.screeningAccessLog.entries.length).toBeGreaterThan(0);
    expect(page.data!.screeningAccessLog.entries.every((e) => e.source === 'screening' && e.childId === SCREENED[0]!.id)).toBe(true);
    expect((await gql(query, { c: SCREENED[0]!.id })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('keeps the access log append-only: rows can be neither updated nor deleted', async () => {
    await entities([SCREENED[6]!.id]);
    const { db } = subgraph.database;
    const rejection = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e: unknown) => `${String((e as Error).message)} ${String(((e as Error).cause as Error | undefined)?.message ?? '')}`,
      );
    expect(await rejection(db.execute(sql`update screening.access_log set purpose = 'X'`))).toMatch(/append-only/);
    expect(await rejection(db.execute(sql`delete from screening.access_log`))).toMatch(/append-only/);
    const rows = await db.select().from(accessLog);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => (r.purpose as string) === 'X')).toBe(false);
  });

  it('stores no CPR number: the children table has only pseudonym, birth date and bookkeeping columns', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await subgraph.database.db.execute(
        sql`select table_name, column_name from information_schema.columns where table_schema = 'screening' order by table_name, column_name`,
      ),
    );
    const childColumns = columns.filter((c) => c.table_name === 'children').map((c) => c.column_name);
    expect(childColumns).toEqual(['birth_date', 'created_at', 'id', 'synthetic']);
    expect(childColumns).not.toContain('cpr');
    // Nor does any other table of the schema.
    expect(columns.filter((c) => /cpr/i.test(c.column_name))).toEqual([]);
  });

  it('answers health and readiness probes', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('seeds the demo children once: a second seed adds nothing', async () => {
    // A database of its own: seeding only ever happens into an empty one.
    const created = await backend.create(1);
    const fresh = await startScreeningSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('screening', 'silent'),
      verifier: await testVerifier(),
    });
    try {
      const { db } = fresh.database;
      const demoScreened = DEMO_CHILDREN.filter((c) => c.screeningTracks.length > 0);
      const demoMemberships = demoScreened.reduce((n, c) => n + c.screeningTracks.length, 0);
      expect(demoScreened.length).toBeGreaterThan(0);
      expect(await countChildren(db)).toBe(0);
      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET, createScreeningSetup())).toBe(demoScreened.length);
      const children = await countChildren(db);
      const memberships = await countMemberships(db);
      expect(children).toBe(demoScreened.length);
      expect(memberships).toBe(demoMemberships);

      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET, createScreeningSetup())).toBe(0);
      expect(await countChildren(db)).toBe(children);
      expect(await countMemberships(db)).toBe(memberships);

      // Seeded under the shared pseudonym secret: a demo child's tracks resolve by its id.
      const demo = demoScreened.find((c) => c.screeningTracks.length > 1) ?? demoScreened[0]!;
      const res = await postGraphQL<{ _entities: EntityChild[] }>(
        fresh.url,
        CHILD_ENTITIES,
        { r: [{ __typename: 'Child', id: childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET) }] },
        await as('paediatrician'),
      );
      expect(res.data?._entities[0]?.screeningTracks).toEqual(
        [...demo.screeningTracks].sort((a, b) => TRACK_ORDER.indexOf(a.track) - TRACK_ORDER.indexOf(b.track)),
      );
    } finally {
      await fresh.close();
      await created.dispose();
    }
  });
});
