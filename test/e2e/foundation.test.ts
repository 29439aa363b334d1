import { ageOn, childPseudonym, SUBGRAPH_NAMES } from '@pathway-graph/shared';
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
  age ageBand involvedSectors withheld { sector reason message } synthetic`;

/** The fields of WHOLE_CHILD each sector owns, as a withheld sector's refusals name them. */
const SECTOR_FIELDS: Record<string, string[]> = {
  MUNICIPALITY: ['birthDate', 'knownToMunicipality', 'residenceMunicipality', 'synthetic'],
  GENERAL_PRACTICE: ['listedPractice'],
  BUA: ['knownToBua', 'buaPatient'],
  SCREENING: ['screeningTracks'],
};

/** The agreement's age bands, written out age by age (the edges at 6, 13, 15 and 18 are what matters). */
const BAND_OF_AGE: Record<number, string> = Object.fromEntries(
  Array.from({ length: 18 }, (_, age) => [age, age < 6 ? 'UNDER_6' : age < 13 ? 'AGE_6_TO_12' : age < 15 ? 'AGE_13_TO_14' : 'AGE_15_TO_17']),
);

/** An ISO 8601 instant as every subgraph writes one: with the T and in UTC. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

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
      withheld: [],
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
      withheld: [],
      synthetic: true,
    });
    expect(res.data!.childByCpr['screeningTracks']).toHaveLength(1);
    const demo = DEMO_CHILDREN.find((c) => c.cpr === String(variables['cpr']).replace('-', ''))!;
    expect(res.data!.childByCpr['age']).toBe(ageOn(demo.birthDate, TODAY));
  });

  it('lists a municipality’s children with every sector’s fields: errors only on selected fields a sector withheld, each named in `withheld`', async () => {
    const res = await t.queryAs<{ municipality: { children: { edges: { node: Record<string, unknown> }[] } } }>(
      'caseworker-751',
      `{ municipality(code: 751) { name children(first: 10) { edges { node { ${WHOLE_CHILD} } } } } }`,
    );
    const nodes = res.data!.municipality.children.edges.map((e) => e.node);
    expect(nodes).toHaveLength(10);
    // Exactly the selected fields of the sectors each child's `withheld` names are refused, in the same words but for
    // the name of the field; nothing else, and never a computed field.
    const reason = (message: string) => message.slice(message.indexOf(' belongs to '));
    const expectedErrors = nodes.flatMap((node, i) =>
      (node['withheld'] as { sector: string; reason: string; message: string }[]).flatMap((w) =>
        SECTOR_FIELDS[w.sector]!.map((field) => ({ path: `municipality.children.edges.${i}.node.${field}`, code: 'CONSENT_REQUIRED', message: reason(w.message) })),
      ),
    );
    const errors = (res.errors ?? []).map((e) => ({ path: e.path!.join('.'), code: e.extensions?.['code'], message: reason(e.message) }));
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    expect(errors.sort(byPath)).toEqual(expectedErrors.sort(byPath));
    expect(expectedErrors.length).toBeGreaterThan(0);
    for (const node of nodes) {
      // The municipality's own fields and the pathway's, always visible to the municipality's caseworker.
      expect(node['synthetic']).toBe(true);
      // General practice discloses the listed practice exactly when the family consented, and says so otherwise.
      const demo = DEMO_CHILDREN.find((c) => childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET) === node['id'])!;
      expect(node['age']).toBe(ageOn(demo.birthDate, TODAY));
      expect(node['ageBand']).toBe(BAND_OF_AGE[node['age'] as number]);
      const withheldSectors = (node['withheld'] as { sector: string }[]).map((w) => w.sector);
      if (demoChildConsents(demo)) {
        expect(node['listedPractice']).not.toBeNull();
        expect(withheldSectors).not.toContain('GENERAL_PRACTICE');
      } else {
        expect(node['listedPractice']).toBeNull();
        expect(withheldSectors).toEqual(['GENERAL_PRACTICE', 'BUA', 'SCREENING']);
        expect(node['involvedSectors']).toEqual(demo.hasOpenMunicipalCase ? ['MUNICIPALITY'] : []);
      }
    }
  });

  it('writes every instant the same way in every subgraph: ISO 8601 with the T, in UTC', async () => {
    const demo = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.buaRegisteredOn && c.screeningTracks.length > 0 && demoChildConsents(c))!;
    const id = childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET);
    const consents = (field: string) => `query($id: ID!) { child(id: $id) { ${field} { recordedAt givenOn validFrom } } }`;
    const owners: [string, string][] = [
      ['caseworker-751', 'municipalityConsents'],
      ['gp-107510', 'generalPracticeConsents'],
      ['bua-clinician', 'buaConsents'],
      ['paediatrician', 'screeningConsents'],
    ];
    for (const [user, field] of owners) {
      const res = await t.queryAs<{ child: Record<string, { recordedAt: string; givenOn: string; validFrom: string }[]> }>(user, consents(field), { id });
      expect(res.errors).toBeUndefined();
      const rows = res.data!.child[field]!;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.recordedAt).toMatch(ISO_INSTANT);
        expect(row).toMatchObject({ givenOn: '2026-09-01', validFrom: '2026-09-01' });
      }
    }
    // The merged access log carries every sector's own `at`, through the pathway subgraph.
    const log = await t.queryAs<{ childAccessLog: { entries: { at: string; source: string }[] } }>(
      'admin-region',
      'query($id: ID!) { childAccessLog(childId: $id, first: 100) { entries { at source } } }',
      { id },
    );
    expect(log.errors).toBeUndefined();
    const entries = log.data!.childAccessLog.entries;
    expect(new Set(entries.map((e) => e.source))).toEqual(new Set(['municipality', 'general-practice', 'bua', 'screening']));
    for (const entry of entries) expect(entry.at).toMatch(ISO_INSTANT);
  });

  it('speaks of a letter in one vocabulary on both sides: category, step and instants', async () => {
    const demo = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c))!;
    const sent = await t.queryAs<{ sendCorrespondenceLetter: { id: string; messageId: string; category: string; step: string; sentAt: string; exportBundle: string } }>(
      'gp-107510',
      'mutation($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id messageId category step sentAt exportBundle } }',
      {
        input: {
          messageId: 'vocabulary-0001',
          cpr: demo.cpr,
          municipalityCode: 751,
          category: 'PSYCHIATRY_SOCIAL_DISABILITY',
          subject: 'Barn i mistrivsel (syntetisk)',
          text: 'Barnet er ked af det i skolen.',
          step: 'TRIN_2',
          consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' },
          signature: { name: 'Demo Læge (syntetisk)', title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
        },
      },
    );
    expect(sent.errors).toBeUndefined();
    const letter = sent.data!.sendCorrespondenceLetter;
    expect(letter).toMatchObject({ category: 'PSYCHIATRY_SOCIAL_DISABILITY', step: 'TRIN_2' });
    expect(letter.sentAt).toMatch(ISO_INSTANT);
    type Received = { messageId: string; category: string; step: string; receivedAt: string; history: { at: string }[] };
    let received: Received | undefined;
    for (let attempt = 0; attempt < 200 && !received; attempt++) {
      const inbox = await t.queryAs<{ inbox: { edges: { node: Received }[] } }>(
        'caseworker-751',
        '{ inbox(municipalityCode: 751, first: 100) { edges { node { messageId category step receivedAt history { at } } } } }',
      );
      expect(inbox.errors).toBeUndefined();
      // The municipality knows the letter by its MedCom MessageHeader.id, not by the client's key.
      const headerId = (JSON.parse(letter.exportBundle) as { entry: { resource: { id: string } }[] }).entry[0]!.resource.id;
      received = inbox.data!.inbox.edges.map((e) => e.node).find((n) => n.messageId === headerId);
      if (!received) await new Promise((r) => setTimeout(r, 50));
    }
    expect(received).toBeDefined();
    // The municipality names the letter's category and step exactly as the GP did (it stores MedCom's code).
    expect(received!).toMatchObject({ category: letter.category, step: letter.step });
    expect(received!.receivedAt).toMatch(ISO_INSTANT);
    for (const event of received!.history) expect(event.at).toMatch(ISO_INSTANT);
    expect(received!.receivedAt >= letter.sentAt).toBe(true);
  });

  it('refuses an impossible date or an instant without a time zone with BAD_USER_INPUT naming the argument, and stores nothing', async () => {
    const demo = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && demoChildConsents(c))!;
    const childId = childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET);
    const countConsents = async () =>
      (await t.queryAs<{ child: { municipalityConsents: unknown[] } }>('caseworker-751', 'query($id: ID!) { child(id: $id) { municipalityConsents { id } } }', { id: childId }))
        .data!.child.municipalityConsents.length;
    const before = await countConsents();
    const input = { childId, givenBy: 'YOUNG_PERSON', givenOn: '2026-02-30', recipientSector: 'BUA', purposes: ['CARE_COORDINATION'], validFrom: '2026-03-01' };
    const asVariable = await t.queryAs('caseworker-751', 'mutation($input: RecordConsentInput!) { recordMunicipalityConsent(input: $input) { id } }', { input });
    const asLiteral = await t.queryAs(
      'caseworker-751',
      `mutation { recordMunicipalityConsent(input: { childId: "${childId}", givenBy: YOUNG_PERSON, givenOn: "2026-03-01", recipientSector: BUA, purposes: [CARE_COORDINATION], validFrom: "2026-3-1" }) { id } }`,
    );
    for (const [res, field] of [
      [asVariable, 'givenOn'],
      [asLiteral, 'validFrom'],
    ] as const) {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors![0]!.message).toMatch(/A Date is a calendar day written YYYY-MM-DD/);
    }
    expect(asVariable.errors![0]!.message).toMatch(/day 30 does not exist in month 02/);
    expect(await countConsents()).toBe(before);

    const instant = await t.queryAs('caseworker-751', 'query($before: DateTime) { inbox(municipalityCode: 751, receivedBefore: $before) { edges { cursor } } }', {
      before: '2026-12-01 20:46:27',
    });
    expect(instant.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedBefore' });
    expect(instant.errors?.[0]?.message).toMatch(/ISO 8601 date and time with a time zone offset/);
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

  it('issues the same number of SQL statements per subgraph for 1, 10, 100 and 1,000 children', async () => {
    // Holstebro (661) has no demo children: the page holds exactly the children registered here.
    const children = syntheticChildren(1_000, 10_000);
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
    for (const first of [1, 100, 1_000]) expect(await countFor(first), `${first} children`).toEqual(ten);
    // municipality: the municipality, the page and the access log, then (a second fetch) the practices' municipalities;
    // general practice: children, consents, practices and the access log; BUA and screening: children, consents and
    // the access log.
    expect(ten).toEqual({ municipality: 4, 'general-practice': 4, bua: 3, screening: 3 });
  });

  it('gives every request an id of its own, keeps the caller’s beside it, and reuses connections to the subgraphs (keep-alive)', async () => {
    const before = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, t.system.subgraphs[n].connectionsAccepted()]));
    for (let i = 0; i < 20; i++) {
      const res = await fetch(t.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': `test-request-${i}`, ...(await as('caseworker-751')) },
        body: JSON.stringify({ query: `{ municipality(code: 751) { children(first: 2) { edges { node { ${WHOLE_CHILD} } } } } }` }),
      });
      // The gateway's own id (a UUIDv7) goes to the subgraphs, the logs and the access log; the caller's is kept beside it.
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(res.headers.get('x-caller-request-id')).toBe(`test-request-${i}`);
      expect(((await res.json()) as { data?: { municipality?: unknown } }).data?.municipality).toBeTruthy();
    }
    for (const name of SUBGRAPH_NAMES) {
      // 20 requests, each calling every subgraph at least once: without keep-alive that is 20+ new connections.
      expect(t.system.subgraphs[name].connectionsAccepted() - before[name]!).toBeLessThanOrEqual(2);
    }
  }, 180_000);

  it('reports health, and readiness once every subgraph is ready', async () => {
    const base = t.gatewayUrl.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
