import { childPseudonym, SUBGRAPH_NAMES } from '@pathway-graph/shared';
import type { Principal } from '@pathway-graph/shared';
import { DEMO_CHILDREN, DEMO_PRACTICES, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { as } from '../support/auth.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerEverywhere, syntheticChildren } from '../support/children.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const TODAY = '2026-11-23';

const WHOLE_CHILD = `
  id birthDate knownToMunicipality residenceMunicipality { code name }
  listedPractice { ydernummer name municipality { code name } }
  knownToBua buaPatient { registeredOn }
  screeningTracks { track since }
  age ageBand involvedSectors synthetic`;

describeWithDatabases('the federated graph through the gateway', (backend) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: TODAY });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers one query with fields from all five subgraphs about one demo child', async () => {
    // A caseworker of the child's municipality, with the consents the synthetic family gave to the other sectors.
    const demo = DEMO_CHILDREN.find(
      (c) => c.municipalityCode === 751 && c.buaRegisteredOn && c.screeningTracks.length > 0 && c.hasOpenMunicipalCase && demoChildConsents(c),
    )!;
    const res = await t.queryAs<{ childByCpr: Record<string, unknown> }>(
      'caseworker-751',
      `query($cpr: String!) { childByCpr(cpr: $cpr) { ${WHOLE_CHILD} } }`,
      { cpr: demo.cpr },
    );
    expect(res.errors).toBeUndefined();
    const practice = DEMO_PRACTICES.find((p) => p.ydernummer === demo.practiceYdernummer)!;
    expect(res.data!.childByCpr).toMatchObject({
      id: childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET), // pathway
      birthDate: demo.birthDate, // municipality
      knownToMunicipality: true,
      residenceMunicipality: { code: demo.municipalityCode },
      listedPractice: { ydernummer: practice.ydernummer, name: practice.name, municipality: { code: practice.municipalityCode } }, // general practice (+ municipality)
      knownToBua: true, // BUA
      buaPatient: { registeredOn: demo.buaRegisteredOn },
      screeningTracks: demo.screeningTracks, // screening
      synthetic: true,
      involvedSectors: ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING'], // pathway, from @requires
    });
    const age = Number(TODAY.slice(0, 4)) - Number(demo.birthDate.slice(0, 4)) - (TODAY.slice(5) < demo.birthDate.slice(5) ? 1 : 0);
    expect(res.data!.childByCpr['age']).toBe(age);
  });

  it('answers the README’s first query, as written there, with fields from all five subgraphs', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const body = readme.match(/-d '(\{\n {2}"query": "query\(\$cpr[\s\S]*?\})'/)?.[1];
    expect(body).toBeDefined();
    const { query, variables } = JSON.parse(body!) as { query: string; variables: Record<string, unknown> };
    const res = await t.queryAs<{ childByCpr: Record<string, unknown> }>('caseworker-751', query, variables);
    expect(res.errors).toBeUndefined();
    expect(res.data!.childByCpr).toMatchObject({
      knownToMunicipality: true,
      listedPractice: { ydernummer: '107510' },
      knownToBua: true,
      involvedSectors: ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING'],
      synthetic: true,
    });
    expect(res.data!.childByCpr['screeningTracks']).toHaveLength(1);
  });

  it('lists a municipality’s children with the README’s example query', async () => {
    const res = await t.queryAs<{ municipality: { children: { edges: { node: Record<string, unknown> }[] } } }>(
      'caseworker-751',
      `{ municipality(code: 751) { name children(first: 3) { edges { node { ${WHOLE_CHILD} } } } } }`,
    );
    // Children whose families gave no consent show CONSENT_REQUIRED on the other sectors' fields, and nothing else.
    expect(new Set(res.errors?.map((e) => e.extensions?.['code']) ?? [])).toEqual(new Set(res.errors ? ['CONSENT_REQUIRED'] : []));
    const nodes = res.data!.municipality.children.edges.map((e) => e.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      // The municipality's own fields and the pathway's, always visible to the municipality's caseworker.
      expect(node['synthetic']).toBe(true);
      expect(node['ageBand']).toMatch(/^(UNDER_6|AGE_6_TO_12|AGE_13_TO_14|AGE_15_TO_17)$/);
      // General practice discloses the listed practice exactly when the family consented.
      const demo = DEMO_CHILDREN.find((c) => childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET) === node['id'])!;
      if (demoChildConsents(demo)) expect(node['listedPractice']).not.toBeNull();
      else expect(node['listedPractice']).toBeNull();
    }
  });

  it('refuses a CPR number with an impossible date with BAD_USER_INPUT that says what is wrong', async () => {
    const res = await t.queryAs('gp-107510', 'query($cpr: String!) { childByCpr(cpr: $cpr) { id } }', { cpr: '310215-4001' });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/impossible date/);
    expect(res.errors?.[0]?.message).not.toContain('310215');
  });

  it('accepts a CPR number that only fails the modulus-11 check', async () => {
    // 070761-4285 passes modulus 11; changing the last digit makes it fail, with the date still real.
    const res = await t.queryAs<{ childByCpr: { id: string } }>('gp-107510', 'query($cpr: String!) { childByCpr(cpr: $cpr) { id } }', {
      cpr: '070761-4286',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.childByCpr.id).toBe(childPseudonym('0707614286', TEST_PSEUDONYM_SECRET));
  });

  it('refuses a location number with a wrong check digit, and an unknown municipality code', async () => {
    const gln = DEMO_PRACTICES[0]!.locationNumber;
    const wrong = gln.slice(0, 12) + String((Number(gln[12]) + 1) % 10);
    const bad = await t.queryAs('gp-107510', 'query($gln: String!) { practiceByLocationNumber(locationNumber: $gln) { name } }', { gln: wrong });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/check digit/);

    const unknown = await t.queryAs('gp-107510', '{ municipality(code: 101) { name } }');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown municipality code 101/);
  });

  it('issues the same number of SQL statements per subgraph for 10 and for 500 children', async () => {
    // Holstebro (661) has no demo children: the page holds exactly the children registered here.
    const children = syntheticChildren(500, 10_000);
    await registerEverywhere(t.system, children, {
      municipalityCode: 661,
      practice: { ydernummer: '166100', name: 'Lægehuset Test (syntetisk)', locationNumber: '5790009966107' },
      consentTo: ['MUNICIPALITY'],
    });
    const holstebroCaseworker: Principal = {
      subject: 'test:caseworker-661',
      displayName: 'Test Caseworker Holstebro',
      sector: 'MUNICIPALITY',
      organisation: '661',
      roles: ['CASEWORKER'],
    };
    const countFor = async (first: number) => {
      for (const db of Object.values(t.system.databases)) db.statements.reset();
      const res = await t.query<{ municipality: { children: { edges: { node: { involvedSectors: string[] } }[] } } }>(
        `query($first: Int!) { municipality(code: 661) { children(first: $first) { edges { node { ${WHOLE_CHILD} } } } } }`,
        { first },
        await as(holstebroCaseworker),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.municipality.children.edges).toHaveLength(first);
      return Object.fromEntries(Object.entries(t.system.databases).map(([name, db]) => [name, db.statements.total]));
    };
    const ten = await countFor(10);
    const fiveHundred = await countFor(500);
    expect(fiveHundred).toEqual(ten);
    // municipality: the municipality, the page and the access log, then (a second fetch) the practices' municipalities;
    // general practice: children, consents, practices and the access log; BUA and screening: children, consents and
    // the access log.
    expect(ten).toEqual({ municipality: 4, 'general-practice': 4, bua: 3, screening: 3 });
  });

  it('passes the request id through and reuses connections to the subgraphs (keep-alive)', async () => {
    const before = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, t.system.subgraphs[n].connectionsAccepted()]));
    for (let i = 0; i < 20; i++) {
      const res = await fetch(t.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': `test-request-${i}`, ...(await as('caseworker-751')) },
        body: JSON.stringify({ query: `{ municipality(code: 751) { children(first: 2) { edges { node { ${WHOLE_CHILD} } } } } }` }),
      });
      expect(res.headers.get('x-request-id')).toBe(`test-request-${i}`);
      expect(((await res.json()) as { data?: { municipality?: unknown } }).data?.municipality).toBeTruthy();
    }
    for (const name of SUBGRAPH_NAMES) {
      // 20 requests, each calling every subgraph at least once: without keep-alive that is 20+ new connections.
      expect(t.system.subgraphs[name].connectionsAccepted() - before[name]!).toBeLessThanOrEqual(2);
    }
  });

  it('reports health, and readiness once every subgraph is ready', async () => {
    const base = t.gatewayUrl.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
