import { accessLog as buaLog } from '@pathway-graph/bua/db/schema';
import { accessLog as gpLog } from '@pathway-graph/general-practice/db/schema';
import { accessLog as municipalityLog } from '@pathway-graph/municipality/db/schema';
import { accessLog as screeningLog } from '@pathway-graph/screening/db/schema';
import { childPseudonym, type AccessLogRow, type SectorTables } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents, type DemoChild } from '@pathway-graph/shared/demo/demo-data';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { postGraphQL } from '../support/graphql.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Each sector's facts for the pathway subgraph, asked of the sector subgraph itself (as the gateway does for
 * `@requires`): the owner sees them, another sector sees them with a consent, and without one gets a withholding
 * that is worded exactly as the refusal of the sector's own field, never an error; every read is logged.
 */

const idOf = (c: DemoChild) => childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET);

/** Aarhus children of practice 107510 known to every sector: one whose family consented, one whose did not. */
const known = (consented: boolean) =>
  DEMO_CHILDREN.find(
    (c) =>
      c.municipalityCode === 751 &&
      c.practiceYdernummer === '107510' &&
      c.hasOpenMunicipalCase &&
      c.buaRegisteredOn !== null &&
      c.screeningTracks.length > 0 &&
      demoChildConsents(c) === consented,
  );
const CONSENTED = known(true)!;
const NOT_CONSENTED = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && !demoChildConsents(c))!;
/** A valid pseudonym no sector knows. */
const UNKNOWN_ID = childPseudonym('0101200000', TEST_PSEUDONYM_SECRET);

interface Sector {
  subgraph: 'municipality' | 'general-practice' | 'bua' | 'screening';
  field: string;
  facts: string;
  log: SectorTables['accessLog'];
  /** Someone of the owning sector who may see the child's record. */
  owner: string;
  /** Someone of another sector, who needs a consent. */
  other: string;
  expected(c: DemoChild): Record<string, unknown>;
  /** The sector's own client-facing field whose refusal the withholding must match. */
  ownField: string;
}

const SECTORS: Sector[] = [
  {
    subgraph: 'municipality',
    field: 'municipalityFacts',
    facts: 'birthDate knownToMunicipality',
    log: municipalityLog,
    owner: 'caseworker-751',
    other: 'gp-107510',
    expected: (c) => ({ birthDate: c.birthDate, knownToMunicipality: c.hasOpenMunicipalCase }),
    ownField: 'knownToMunicipality',
  },
  {
    subgraph: 'general-practice',
    field: 'generalPracticeFacts',
    facts: 'ydernummer',
    log: gpLog,
    owner: 'gp-107510',
    other: 'caseworker-751',
    expected: (c) => ({ ydernummer: c.practiceYdernummer }),
    ownField: 'listedPractice { ydernummer }',
  },
  {
    subgraph: 'bua',
    field: 'buaFacts',
    facts: 'knownToBua',
    log: buaLog,
    owner: 'bua-clinician',
    other: 'caseworker-751',
    expected: (c) => ({ knownToBua: c.buaRegisteredOn !== null }),
    ownField: 'knownToBua',
  },
  {
    subgraph: 'screening',
    field: 'screeningFacts',
    facts: 'tracks',
    log: screeningLog,
    owner: 'paediatrician',
    other: 'caseworker-751',
    expected: (c) => ({ tracks: c.screeningTracks.map((t) => t.track) }),
    ownField: 'screeningTracks { track }',
  },
];

type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
type Withholding = { reason: string; message: string } | null;

describeWithDatabases('each sector’s facts for the pathway subgraph', (backend) => {
  let t: TestSystem;
  let requests = 0;

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: '2026-11-23' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An `_entities` request straight to the sector subgraph, as the gateway sends it, under a request id of its own. */
  async function entities(sector: Sector, user: string, selection: string, ids: string[]) {
    const requestId = `facts-test-${String(++requests).padStart(4, '0')}`;
    const res = await postGraphQL<{ _entities: Record<string, unknown>[] }>(
      t.system.subgraphs[sector.subgraph].url,
      `query Facts($r: [_Any!]!) { _entities(representations: $r) { ... on Child { ${selection} } } }`,
      { r: ids.map((id) => ({ __typename: 'Child', id })) },
      { ...(await as(user)), 'x-request-id': requestId },
    );
    return Object.assign(res, { requestId });
  }
  const facts = (sector: Sector, user: string, ids: string[]) =>
    entities(sector, user, `${sector.field} { withheld { reason message } ${sector.facts} }`, ids);
  const logged = (sector: Sector, requestId: string): Promise<AccessLogRow[]> =>
    t.system.databases[sector.subgraph].db.select().from(sector.log).where(eq(sector.log.requestId, requestId)) as Promise<AccessLogRow[]>;
  const factsOf = (res: { data?: { _entities: Record<string, unknown>[] } | null }, sector: Sector, i = 0) =>
    res.data!._entities[i]![sector.field] as { withheld: Withholding } & Record<string, unknown>;

  describe.each(SECTORS)('$field', (sector) => {
    it('gives the owning sector its facts, and logs the read of each fact', async () => {
      const res = await facts(sector, sector.owner, [idOf(CONSENTED)]);
      expect(res.errors).toBeUndefined();
      expect(factsOf(res, sector)).toEqual({ withheld: null, ...sector.expected(CONSENTED) });
      const entries = await logged(sector, res.requestId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        childId: idOf(CONSENTED),
        action: 'READ',
        actorSubject: `demo:${sector.owner}`,
        operation: 'query Facts',
        parts: sector.facts.split(' ').map((f) => `${sector.field}.${f}`).sort(),
      });
    });

    it('gives another sector the facts when the family consented, and logs that reader', async () => {
      const res = await facts(sector, sector.other, [idOf(CONSENTED)]);
      expect(res.errors).toBeUndefined();
      expect(factsOf(res, sector)).toEqual({ withheld: null, ...sector.expected(CONSENTED) });
      expect((await logged(sector, res.requestId)).map((e) => e.actorSubject)).toEqual([`demo:${sector.other}`]);
    });

    it('withholds from another sector without consent: no error, the refusal’s own reason and words, nothing logged', async () => {
      const res = await facts(sector, sector.other, [idOf(NOT_CONSENTED)]);
      expect(res.errors).toBeUndefined();
      const withheldFacts = factsOf(res, sector);
      expect(withheldFacts.withheld?.reason).toBe('NO_CONSENT');
      for (const fact of sector.facts.split(' ')) expect(withheldFacts[fact]).toBeNull();
      expect(await logged(sector, res.requestId)).toEqual([]);

      // The same reader selecting the sector's own field gets a refusal that says the same thing, in the same words
      // (the facts name what they hold where the field names itself).
      const refused = await entities(sector, sector.other, `id ${sector.ownField}`, [idOf(NOT_CONSENTED)]);
      const refusal = (refused.errors as Errors)?.[0];
      expect(refusal?.extensions?.['code']).toBe('CONSENT_REQUIRED');
      const afterWhat = (message: string) => message.slice(message.indexOf(' belongs to '));
      expect(afterWhat(withheldFacts.withheld!.message)).toBe(afterWhat(refusal!.message));
      if (sector.subgraph !== 'municipality') expect(withheldFacts.withheld!.message).toBe(refusal!.message);
    });

    it('withholds in identical words whether or not the sector knows the child', async () => {
      const res = await facts(sector, sector.other, [idOf(NOT_CONSENTED), UNKNOWN_ID]);
      expect(res.errors).toBeUndefined();
      const [knownChild, unknownChild] = [factsOf(res, sector, 0), factsOf(res, sector, 1)];
      expect(unknownChild).toEqual(knownChild);
      expect(unknownChild.withheld?.reason).toBe('NO_CONSENT');
    });

    it('withholds from an analyst as not permitted for the role, without an error', async () => {
      const res = await facts(sector, 'analyst-region', [idOf(CONSENTED)]);
      expect(res.errors).toBeUndefined();
      expect(factsOf(res, sector).withheld?.reason).toBe('NOT_PERMITTED_FOR_ROLE');
      expect(await logged(sector, res.requestId)).toEqual([]);
    });
  });

  it('withholds the municipality’s facts from another municipality as another organisation’s records', async () => {
    const municipality = SECTORS[0]!;
    const res = await facts(municipality, 'caseworker-657', [idOf(CONSENTED)]);
    expect(res.errors).toBeUndefined();
    expect(factsOf(res, municipality)).toMatchObject({ withheld: { reason: 'OTHER_ORGANISATION' }, birthDate: null, knownToMunicipality: null });
    // Another municipality's refusal never names the child's municipality.
    expect(factsOf(res, municipality).withheld!.message).not.toContain('751');
  });

  it('logs the facts with the sector’s own fields as one entry per child and request', async () => {
    const bua = SECTORS[2]!;
    const res = await entities(bua, 'bua-clinician', `knownToBua ${bua.field} { withheld { reason message } knownToBua }`, [idOf(CONSENTED)]);
    expect(res.errors).toBeUndefined();
    const entries = await logged(bua, res.requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.parts).toEqual(['buaFacts.knownToBua', 'knownToBua']);
  });
});
