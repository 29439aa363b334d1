import { childPseudonym, createLogger, isValidGln } from '@pathway-graph/shared';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMunicipalitySubgraph, type RunningMunicipalitySubgraph } from '../src/subgraph.ts';
import { insertChildren } from '../src/db/repository.ts';
import { accessLog, consents } from '../src/db/schema.ts';
import { eq, sql } from 'drizzle-orm';

describeWithDatabases('municipality subgraph', (backend) => {
  let subgraph: RunningMunicipalitySubgraph;
  let dispose: () => Promise<void>;
  // The municipality's own caseworker, who may see its children.
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'caseworker-657') =>
    postGraphQL<T>(subgraph.url, query, variables, await as(user));

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startMunicipalitySubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('municipality', 'silent'),
      verifier: await testVerifier(),
    });
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('serves the 19 municipalities of Region Midtjylland with inboxes whose location numbers are valid GLNs', async () => {
    const res = await gql<{ municipalities: { code: number; inbox: { locationNumber: string; receivingDepartment: string } }[] }>(
      '{ municipalities { code name inbox { name locationNumber receivingDepartment } } }',
    );
    expect(res.errors).toBeUndefined();
    const list = res.data!.municipalities;
    expect(list.map((m) => m.code)).toEqual([615, 657, 661, 665, 671, 706, 707, 710, 727, 730, 740, 741, 746, 751, 756, 760, 766, 779, 791]);
    expect(list.every((m) => isValidGln(m.inbox.locationNumber))).toBe(true);
    expect(new Set(list.map((m) => m.inbox.locationNumber)).size).toBe(19);
    expect(list.filter((m) => m.inbox.receivingDepartment === 'HEALTH_AND_ELDERLY').length).toBeGreaterThan(0);
  });

  it('refuses an unknown municipality code with BAD_USER_INPUT naming the code', async () => {
    const res = await gql('{ municipality(code: 999) { name } }');
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Unknown municipality code 999/);
  });

  it('finds a municipality by inbox location number, and refuses a wrong check digit', async () => {
    const all = await gql<{ municipalities: { code: number; inbox: { locationNumber: string } }[] }>(
      '{ municipalities { code inbox { locationNumber } } }',
    );
    const aarhus = all.data!.municipalities.find((m) => m.code === 751)!;
    const ok = await gql<{ municipalityByLocationNumber: { code: number } }>(
      'query($gln: String!) { municipalityByLocationNumber(locationNumber: $gln) { code } }',
      { gln: aarhus.inbox.locationNumber },
    );
    expect(ok.data?.municipalityByLocationNumber.code).toBe(751);

    const gln = aarhus.inbox.locationNumber;
    const wrongCheck = gln.slice(0, 12) + String((Number(gln[12]) + 1) % 10);
    const bad = await gql('query($gln: String!) { municipalityByLocationNumber(locationNumber: $gln) { code } }', { gln: wrongCheck });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/check digit/);

    const unknown = await gql('{ municipalityByLocationNumber(locationNumber: "5790000000005") { code } }');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('pages through a municipality’s children and tells whether each is known (open case)', async () => {
    const cprs = ['0101154001', '0202164002', '0303174003', '0404184004', '0505194005'];
    await insertChildren(
      subgraph.database.db,
      cprs.map((cpr, i) => ({
        id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
        cpr,
        birthDate: `20${15 + i}-0${i + 1}-0${i + 1}`,
        residenceMunicipalityCode: 657,
        synthetic: true,
        openCaseSince: i % 2 === 0 ? '2026-01-01' : null,
      })),
    );
    const page = (after?: string) =>
      gql<{ municipality: { children: { edges: { cursor: string; node: { id: string; knownToMunicipality: boolean } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }>(
        'query($after: String) { municipality(code: 657) { children(first: 3, after: $after) { edges { cursor node { id knownToMunicipality } } pageInfo { hasNextPage endCursor } } } }',
        { after },
      );
    const first = (await page()).data!.municipality.children;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor!)).data!.municipality.children;
    expect(second.edges).toHaveLength(2);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(ids).toEqual(cprs.map((c) => childPseudonym(c, TEST_PSEUDONYM_SECRET)).sort());
    const known = new Map([...first.edges, ...second.edges].map((e) => [e.node.id, e.node.knownToMunicipality]));
    expect(known.get(childPseudonym(cprs[0]!, TEST_PSEUDONYM_SECRET))).toBe(true);
    expect(known.get(childPseudonym(cprs[1]!, TEST_PSEUDONYM_SECRET))).toBe(false);
  });

  it('refuses a page size over 1,000 (a worklist) and a forged cursor', async () => {
    const big = await gql('{ municipality(code: 657) { children(first: 1001) { edges { cursor } } } }');
    expect(big.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toBe('first must be between 1 and 1000; got 1001.');
    const forged = await gql('{ municipality(code: 657) { children(after: "not a cursor!") { edges { cursor } } } }');
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('resolves Child entities in one SQL statement, known or not, and logs one access entry per known child', async () => {
    const ids = ['0101154001', '0202164002', '0303174003'].map((c) => childPseudonym(c, TEST_PSEUDONYM_SECRET));
    const representations = [...ids, 'ch_00000000000000000000000000000000'].map((id) => ({ __typename: 'Child', id }));
    subgraph.database.statements.reset();
    const requestId = 'entities-request-0001';
    const res = await postGraphQL<{ _entities: { id: string; knownToMunicipality: boolean; birthDate: string | null }[] }>(
      subgraph.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id knownToMunicipality birthDate } } }',
      { r: representations },
      { ...(await as('caseworker-657')), 'x-request-id': requestId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((c) => c.knownToMunicipality)).toEqual([true, false, true, false]);
    expect(res.data!._entities[3]!.birthDate).toBeNull();
    // The look-up of all four, and one insert of the access-log entries.
    expect(subgraph.database.statements.total).toBe(2);
    const logged = await subgraph.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.requestId, requestId));
    expect(logged.map((e) => e.childId).sort()).toEqual([...ids].sort());
    expect(logged.every((e) => e.actorSubject === 'demo:caseworker-657' && e.action === 'READ')).toBe(true);
    expect(logged[0]!.parts).toEqual(['birthDate', 'knownToMunicipality']);
  });

  it('fails a read rather than release data when the access log cannot be written', async () => {
    const id = childPseudonym('0101154001', TEST_PSEUDONYM_SECRET);
    // Every new access-log row now violates a constraint: the audit write fails.
    await subgraph.database.db.execute(sql`alter table municipality.access_log add constraint audit_down check (false) not valid`);
    try {
      const res = await postGraphQL<{ _entities: { birthDate: string | null }[] } | null>(
        subgraph.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { birthDate } } }',
        { r: [{ __typename: 'Child', id }] },
        await as('caseworker-657'),
      );
      expect(JSON.stringify(res)).not.toContain('2015-01-01');
      expect(res.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await subgraph.database.db.execute(sql`alter table municipality.access_log drop constraint audit_down`);
    }
  });

  it('leaves neither the change nor its entry when the access log cannot be written', async () => {
    const id = childPseudonym('0303174003', TEST_PSEUDONYM_SECRET);
    const consentsBefore = await subgraph.database.db.select().from(consents).where(eq(consents.childId, id));
    await subgraph.database.db.execute(sql`alter table municipality.access_log add constraint audit_down check (false) not valid`);
    try {
      const res = await gql(
        'mutation($input: RecordConsentInput!) { recordMunicipalityConsent(input: $input) { id } }',
        {
          input: {
            childId: id,
            givenBy: 'CUSTODY_HOLDER',
            givenOn: '2026-01-05',
            recipientSector: 'GENERAL_PRACTICE',
            purposes: ['CARE_COORDINATION'],
            validFrom: '2026-01-05',
          },
        },
      );
      expect(res.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await subgraph.database.db.execute(sql`alter table municipality.access_log drop constraint audit_down`);
    }
    expect(await subgraph.database.db.select().from(consents).where(eq(consents.childId, id))).toEqual(consentsBefore);
  });

  it('answers health and readiness probes', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
