import { childPseudonym, createLogger } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countChildren, insertChildren, type NewChild } from '../src/db/repository.ts';
import { accessLog, consents } from '../src/db/schema.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { startBuaSubgraph, type RunningBuaSubgraph } from '../src/subgraph.ts';

/** Synthetic CPR number DDMMYY4NNN: 7th digit 4 with YY 10-24 places the birth in 2010-2024. */
function syntheticCpr(i: number): string {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(10 + (i % 15));
  return `${dd}${mm}${yy}4${String(i % 1000).padStart(3, '0')}`;
}

/** "Today" for the whole suite: patient 0 (born 2010-01-01) and patient 15 (born 2010-01-16) are 16. */
const TODAY = '2026-06-01';

/** 50 BUA patients, registered on different days of 2025. */
const PATIENTS: NewChild[] = Array.from({ length: 50 }, (_, i) => {
  const cpr = syntheticCpr(i);
  return {
    id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
    cpr,
    registeredOn: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    synthetic: true,
  };
});
/** Valid synthetic CPR numbers BUA does not know. */
const UNKNOWN_IDS = [900, 901, 902].map((i) => childPseudonym(syntheticCpr(i), TEST_PSEUDONYM_SECRET));

type EntityChild = { id: string; knownToBua: boolean | null; buaPatient: { registeredOn: string; synthetic: boolean } | null };
const CHILD_ENTITIES =
  'query ChildEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id knownToBua buaPatient { registeredOn synthetic } } } }';
const CONSENT_FIELDS = 'id childId givenBy givenOn recipientSector recipientOrganisation purposes validFrom validUntil withdrawnAt recordedAt active';

function expected(id: string): EntityChild {
  const patient = PATIENTS.find((p) => p.id === id);
  return patient
    ? { id, knownToBua: true, buaPatient: { registeredOn: patient.registeredOn, synthetic: true } }
    : { id, knownToBua: false, buaPatient: null };
}

describeWithDatabases('bua subgraph', (backend) => {
  let subgraph: RunningBuaSubgraph;
  let dispose: () => Promise<void>;
  let requests = 0;
  /** A GraphQL request as a demo user (BUA's own clinician unless told), under a request id of its own. */
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'bua-clinician') => {
    const requestId = `bua-test-${String(++requests).padStart(4, '0')}`;
    const res = await postGraphQL<T>(subgraph.url, query, variables, { ...(await as(user)), 'x-request-id': requestId });
    return Object.assign(res, { requestId });
  };
  const entities = (ids: string[], user?: string) =>
    gql<{ _entities: EntityChild[] }>(CHILD_ENTITIES, { r: ids.map((id) => ({ __typename: 'Child', id })) }, user);
  const loggedFor = (requestId: string) =>
    subgraph.database.db.select().from(accessLog).where(eq(accessLog.requestId, requestId));
  const consentsOf = (childId: string) => subgraph.database.db.select().from(consents).where(eq(consents.childId, childId));
  const recordConsent = (input: Record<string, unknown>, user = 'bua-clinician') =>
    gql<{ recordBuaConsent: { id: string; active: boolean; givenBy: string } }>(
      `mutation Record($input: RecordConsentInput!) { recordBuaConsent(input: $input) { ${CONSENT_FIELDS} } }`,
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
    subgraph = await startBuaSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('bua', 'silent'),
      verifier: await testVerifier(),
      today: () => TODAY,
    });
    await insertChildren(subgraph.database.db, PATIENTS);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('resolves known children as BUA patients with their registration date, unknown ones as not known', async () => {
    const res = await entities([PATIENTS[0]!.id, UNKNOWN_IDS[0]!, PATIENTS[13]!.id]);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: PATIENTS[0]!.id, knownToBua: true, buaPatient: { registeredOn: '2025-01-01', synthetic: true } },
      { id: UNKNOWN_IDS[0]!, knownToBua: false, buaPatient: null },
      { id: PATIENTS[13]!.id, knownToBua: true, buaPatient: { registeredOn: '2025-02-14', synthetic: true } },
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
    const threeIds = [PATIENTS[1]!.id, UNKNOWN_IDS[1]!, PATIENTS[2]!.id];
    const fiftyIds = [...PATIENTS.slice(3, 50).map((p) => p.id), ...UNKNOWN_IDS];
    const three = await run(threeIds);
    const fifty = await run(fiftyIds);
    // The look-up of all the children, and one insert of the request's access-log entries.
    expect(three.statements).toBe(2);
    expect(fifty.statements).toBe(three.statements);

    const logged = await loggedFor(three.requestId);
    expect(logged.map((e) => e.childId).sort()).toEqual([PATIENTS[1]!.id, PATIENTS[2]!.id].sort());
    for (const entry of logged) {
      expect(entry).toMatchObject({
        action: 'READ',
        actorSubject: 'demo:bua-clinician',
        actorSector: 'BUA',
        actorRoles: ['BUA_CLINICIAN'],
        operation: 'query ChildEntities',
        parts: ['buaPatient', 'knownToBua'],
        purpose: 'CARE_COORDINATION',
      });
    }
    // The unknown children are not logged: nothing was read about them.
    expect((await loggedFor(fifty.requestId)).map((e) => e.childId).sort()).toEqual(PATIENTS.slice(3, 50).map((p) => p.id).sort());
  });

  it('writes no CPR number into the access log', async () => {
    const rows = await subgraph.database.db.select().from(accessLog);
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    for (const { cpr } of PATIENTS) {
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
      post(CHILD_ENTITIES, { r: [{ __typename: 'Child', id: PATIENTS[0]!.id }] }),
      post(CHILD_ENTITIES, { r: [{ __typename: 'Child', id: PATIENTS[0]!.id }] }, { authorization: 'Bearer not-a-token' }),
      post('query($c: ID!) { buaAccessLog(childId: $c) { entries { id } } }', { c: PATIENTS[0]!.id }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('refuses BUA advisers (anonymous cases) and analysts child-level data', async () => {
    for (const user of ['bua-adviser', 'analyst-region']) {
      const res = await entities([PATIENTS[5]!.id], user);
      expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(res.data!._entities[0]).toEqual({ id: PATIENTS[5]!.id, knownToBua: null, buaPatient: null });
    }
  });

  it('shows another sector BUA data only with a consent recorded by BUA, and refuses it again once withdrawn', async () => {
    const child = PATIENTS[0]!; // 16 on TODAY: the young person consents themselves
    const refused = await entities([child.id, UNKNOWN_IDS[2]!], 'caseworker-751');
    expect(refused.errors?.map((e) => e.extensions?.['code'])).toEqual(Array(4).fill('CONSENT_REQUIRED'));
    // Whether BUA knows a child is BUA's data: an unknown child is refused alike, or the refusal would tell.
    expect(refused.data!._entities).toEqual([
      { id: child.id, knownToBua: null, buaPatient: null },
      { id: UNKNOWN_IDS[2]!, knownToBua: null, buaPatient: null },
    ]);
    const message = refused.errors![0]!.message;
    expect(message).toMatch(/belongs to BUA/);
    // Worded alike for the patient and the unknown child: no age-dependent party, nothing about consents on record.
    expect(new Set(refused.errors!.filter((e) => e.path?.includes('knownToBua')).map((e) => e.message)).size).toBe(1);
    expect(refused.errors![0]!.extensions).toMatchObject({ recipientSector: 'MUNICIPALITY', requiredConsentingParty: null });
    expect(await loggedFor(refused.requestId)).toEqual([]);

    // Only BUA records consents to disclose its own data.
    const byCaseworker = await recordConsent(consentInput(child.id), 'caseworker-751');
    expect(byCaseworker.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const recorded = await recordConsent(consentInput(child.id));
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordBuaConsent).toMatchObject({ givenBy: 'YOUNG_PERSON', active: true });
    const consentId = recorded.data!.recordBuaConsent.id;
    // One entry for the request: the change, logged in the consent's own transaction, with the read it guarded.
    const change = await loggedFor(recorded.requestId);
    expect(change.map((e) => [e.action, e.parts])).toEqual([['CHANGE', ['consents']]]);
    expect(change.every((e) => e.childId === child.id && e.actorSubject === 'demo:bua-clinician')).toBe(true);

    const allowed = await entities([child.id], 'caseworker-751');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities).toEqual([expected(child.id)]);
    const read = await loggedFor(allowed.requestId);
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({
      action: 'READ',
      childId: child.id,
      actorSubject: 'demo:caseworker-751',
      actorSector: 'MUNICIPALITY',
      actorOrganisation: '751',
      parts: ['buaPatient', 'knownToBua'],
    });

    // The consent names municipality 751: another municipality is still refused.
    const other = await entities([child.id], 'caseworker-657');
    expect(other.errors?.[0]?.extensions?.['code']).toBe('CONSENT_REQUIRED');
    // Told what is needed, not which consents BUA holds (that would show BUA knows the child).
    expect(other.errors?.[0]?.message).not.toMatch(/on record/);

    const withdrawn = await gql<{ withdrawBuaConsent: { id: string; withdrawnAt: string | null; active: boolean } }>(
      `mutation($id: ID!) { withdrawBuaConsent(id: $id) { ${CONSENT_FIELDS} } }`,
      { id: consentId },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawBuaConsent.id).toBe(consentId);
    expect(withdrawn.data!.withdrawBuaConsent.withdrawnAt).not.toBeNull();

    const again = await entities([child.id], 'caseworker-751');
    expect(again.errors?.map((e) => e.extensions?.['code'])).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
    expect(again.errors?.[0]?.message).not.toMatch(/withdrawn|on record/);

    // BUA sees the consents it holds, withdrawn ones included.
    const held = await gql<{ _entities: { buaConsents: { id: string; active: boolean; withdrawnAt: string | null }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { buaConsents { id active withdrawnAt } } } }',
      { r: [{ __typename: 'Child', id: child.id }] },
    );
    expect(held.errors).toBeUndefined();
    expect(held.data!._entities[0]!.buaConsents).toEqual([{ id: consentId, active: false, withdrawnAt: expect.any(String) }]);
  });

  it('refuses a consent given by the wrong party, saying who must give it, and stores nothing', async () => {
    const child = PATIENTS[15]!; // born 2010-01-16: 16 on TODAY
    const before = (await subgraph.database.db.select().from(accessLog).where(eq(accessLog.childId, child.id))).length;
    const res = await recordConsent(consentInput(child.id, { givenBy: 'CUSTODY_HOLDER' }));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenBy', required: 'YOUNG_PERSON' });
    expect(res.errors?.[0]?.message).toMatch(/young person is 15 or older on 2026-05-20 and must give consent themselves/);
    expect(await consentsOf(child.id)).toEqual([]);
    const after = await subgraph.database.db.select().from(accessLog).where(eq(accessLog.childId, child.id));
    expect(after.filter((e) => e.action === 'CHANGE')).toEqual([]);
    expect(after.length).toBe(before + 1); // the guarded look-up of the child's record, nothing else
  });

  it('lets administrators, and only them, read the access log', async () => {
    const child = PATIENTS[0]!;
    const query = 'query($c: ID!) { buaAccessLog(childId: $c, first: 1) { entries { source action actorSubject parts childId } nextBefore } }';
    const page = await gql<{ buaAccessLog: { entries: { source: string; childId: string }[]; nextBefore: string | null } }>(
      query,
      { c: child.id },
      'admin-region',
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.buaAccessLog.entries).toHaveLength(1);
    expect(page.data!.buaAccessLog.entries.every((e) => e.source === 'bua' && e.childId === child.id)).toBe(true);
    expect(page.data!.buaAccessLog.nextBefore).not.toBeNull();
    const refused = await gql(query, { c: child.id });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('keeps the access log append-only: rows can be neither updated nor deleted', async () => {
    await entities([PATIENTS[4]!.id]);
    const { db } = subgraph.database;
    const rejection = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e: unknown) => `${String((e as Error).message)} ${String(((e as Error).cause as Error | undefined)?.message ?? '')}`,
      );
    expect(await rejection(db.execute(sql`update bua.access_log set purpose = 'X'`))).toMatch(/append-only/);
    expect(await rejection(db.execute(sql`delete from bua.access_log`))).toMatch(/append-only/);
    const rows = await db.select().from(accessLog);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => (r.purpose as string) === 'X')).toBe(false);
  });

  it('answers health and readiness probes', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('seeds the demo patients once: a second seed adds nothing', async () => {
    // A database of its own: seeding only ever happens into an empty one.
    const created = await backend.create(1);
    const fresh = await startBuaSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('bua', 'silent'),
      verifier: await testVerifier(),
    });
    try {
      const { db } = fresh.database;
      const demoPatients = DEMO_CHILDREN.filter((c) => c.buaRegisteredOn !== null);
      expect(demoPatients.length).toBeGreaterThan(0);
      expect(demoPatients.length).toBeLessThan(DEMO_CHILDREN.length);
      expect(await countChildren(db)).toBe(0);
      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET)).toBe(demoPatients.length);
      const seeded = await countChildren(db);
      expect(seeded).toBe(demoPatients.length);

      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET)).toBe(0);
      expect(await countChildren(db)).toBe(seeded);

      // Seeded under the shared pseudonym secret: a demo patient resolves, a demo child BUA does not know does not.
      const notPatient = DEMO_CHILDREN.find((c) => c.buaRegisteredOn === null)!;
      const res = await postGraphQL<{ _entities: EntityChild[] }>(
        fresh.url,
        CHILD_ENTITIES,
        { r: [demoPatients[0]!, notPatient].map((c) => ({ __typename: 'Child', id: childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET) })) },
        await as('bua-clinician'),
      );
      expect(res.data?._entities.map((c) => c.knownToBua)).toEqual([true, false]);
      expect(res.data?._entities[0]?.buaPatient?.registeredOn).toBe(demoPatients[0]!.buaRegisteredOn);
    } finally {
      await fresh.close();
      await created.dispose();
    }
  });
});
