import { childPseudonym, isValidGln } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { sectorContract, sectorUnderTest, type SectorDefinition } from '@pathway-graph/test/support/sector-contract';
import { beforeAll, expect, it } from 'vitest';
import { startMunicipalitySubgraph, type RunningMunicipalitySubgraph } from '../src/subgraph.ts';
import { countChildren, insertChildren } from '../src/db/repository.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { accessLog, consents } from '../src/db/schema.ts';

const AARHUS_DEMO_CHILD = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.hasOpenMunicipalCase)!;

/** The municipality as the sector contract sees it: each municipality owns its own residents' records. */
const MUNICIPALITY: SectorDefinition<RunningMunicipalitySubgraph> = {
  subgraph: 'municipality',
  start: startMunicipalitySubgraph,
  tables: { consents, accessLog },
  owner: 'caseworker-751',
  otherSector: { user: 'gp-107510', sector: 'GENERAL_PRACTICE', organisation: '107510', otherOrganisation: 'gp-106570' },
  register: (subgraph, children) =>
    insertChildren(
      subgraph.database.db,
      children.map((c) => ({ ...c, residenceMunicipalityCode: 751, synthetic: true, openCaseSince: '2026-01-05' })),
    ),
  consent: { record: 'recordMunicipalityConsent', withdraw: 'withdrawMunicipalityConsent', list: 'municipalityConsents' },
  child: {
    selection: 'birthDate knownToMunicipality',
    parts: ['birthDate', 'knownToMunicipality'],
    registered: (c) => ({ birthDate: c.birthDate, knownToMunicipality: true }),
    refusal: /belongs to the municipality/,
  },
  seed: {
    run: (subgraph) => seedDemoData(subgraph.database.db, TEST_PSEUDONYM_SECRET),
    count: (subgraph) => countChildren(subgraph.database.db),
    expected: DEMO_CHILDREN.length,
    demoChild: AARHUS_DEMO_CHILD,
    demoAnswer: (c) => ({ birthDate: c.birthDate, knownToMunicipality: c.hasOpenMunicipalCase }),
  },
};

describeWithDatabases('municipality subgraph', (backend) => {
  const municipality = sectorUnderTest(backend, MUNICIPALITY);
  sectorContract(backend, municipality, MUNICIPALITY);
  // Requests as another municipality's caseworker (Herning) unless told, who sees Herning's children.
  const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'caseworker-657') =>
    municipality.gql<T>(query, variables, user);

  /** Five Herning children, every other one with an open case. */
  const CPRS = ['0101154001', '0202164002', '0303174003', '0404184004', '0505194005'];
  beforeAll(async () => {
    await insertChildren(
      municipality.db,
      CPRS.map((cpr, i) => ({
        id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
        cpr,
        birthDate: `20${15 + i}-0${i + 1}-0${i + 1}`,
        residenceMunicipalityCode: 657,
        synthetic: true,
        openCaseSince: i % 2 === 0 ? '2026-01-01' : null,
      })),
    );
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
    const cprs = CPRS;
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
    municipality.subgraph.database.statements.reset();
    const res = await gql<{ _entities: { id: string; knownToMunicipality: boolean; birthDate: string | null }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id knownToMunicipality birthDate } } }',
      { r: representations },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((c) => c.knownToMunicipality)).toEqual([true, false, true, false]);
    expect(res.data!._entities[3]!.birthDate).toBeNull();
    // The look-up of all four, and one insert of the access-log entries.
    expect(municipality.subgraph.database.statements.total).toBe(2);
    const logged = await municipality.loggedFor(res.requestId);
    expect(logged.map((e) => e.childId).sort()).toEqual([...ids].sort());
    expect(logged.every((e) => e.actorSubject === 'demo:caseworker-657' && e.action === 'READ')).toBe(true);
    expect(logged[0]!.parts).toEqual(['birthDate', 'knownToMunicipality']);
  });
});
