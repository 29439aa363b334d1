import { accessLog as buaLog } from '@pathway-graph/bua/db/schema';
import { accessLog as gpLog } from '@pathway-graph/general-practice/db/schema';
import { accessLog as municipalityLog } from '@pathway-graph/municipality/db/schema';
import { accessLog as screeningLog } from '@pathway-graph/screening/db/schema';
import { childPseudonym, type AccessLogRow, type SectorTables } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents, type DemoChild } from '@pathway-graph/shared/demo/demo-data';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { postGraphQL } from '../support/graphql.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * The pathway's computed fields (age, ageBand, involvedSectors, withheld) and the sector facts they are built from.
 * Each sector hands the pathway subgraph its facts (`@requires`): the owner sees them, another sector sees them with
 * a consent, and without one gets a withholding worded exactly as the refusal of the sector's own field, never an
 * error; every read is logged. Through the gateway the computed fields therefore never bring errors about fields
 * the query did not select, and `withheld` says which sectors did not share and why.
 */

const TODAY = '2026-11-23';
const idOf = (c: DemoChild) => childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET);
const byId = new Map(DEMO_CHILDREN.map((c) => [idOf(c), c]));

type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
type Withheld = { sector: string; reason: string; message?: string }[];
type ChildView = { id: string; ageBand: string | null; involvedSectors: string[]; withheld: Withheld };

/** What Aarhus's caseworker may see of an Aarhus demo child: its own municipality's data, the rest by consent. */
function expectedFor(c: DemoChild): { involvedSectors: string[]; withheld: Withheld } {
  const consented = demoChildConsents(c);
  // A sector that does not know the child holds no consent for it, so it withholds exactly as one without consent.
  const shares = { GENERAL_PRACTICE: consented, BUA: consented && c.buaRegisteredOn !== null, SCREENING: consented && c.screeningTracks.length > 0 };
  const involved = { MUNICIPALITY: c.hasOpenMunicipalCase, ...shares };
  return {
    involvedSectors: (['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING'] as const).filter((s) => involved[s]),
    withheld: (['GENERAL_PRACTICE', 'BUA', 'SCREENING'] as const).filter((s) => !shares[s]).map((sector) => ({ sector, reason: 'NO_CONSENT' })),
  };
}

/** An Aarhus child of practice 107510 known to BUA and in a screening track, whose family did or did not consent. */
const aarhusChild = (consented: boolean) =>
  DEMO_CHILDREN.find(
    (c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.buaRegisteredOn && c.screeningTracks.length > 0 && c.hasOpenMunicipalCase && demoChildConsents(c) === consented,
  ) ??
  DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.hasOpenMunicipalCase && demoChildConsents(c) === consented)!;

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** For the sector facts: an Aarhus child of practice 107510 known to every sector whose family consented, and one whose did not. */
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

type Withholding = { reason: string; message: string } | null;

describeWithDatabases('the pathway’s computed fields and the sector facts behind them', (backend) => {
  let t: TestSystem;
  let requests = 0;

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: TODAY });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('each sector’s facts, asked of the sector subgraph as the gateway does', () => {
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

  describe('the computed fields through the gateway', () => {
    it('answers the README’s second example, as written there, with no error, and says what was withheld', async () => {
      const body = README.match(/-d '(\{"query":"\{ municipality\(code: 751\)[^']*)'/)?.[1];
      expect(body).toBeDefined();
      const { query } = JSON.parse(body!) as { query: string };
      expect(query).toContain('withheld');
      const res = await t.queryAs<{ municipality: { children: { edges: { node: ChildView }[] } } }>('caseworker-751', query);
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.municipality.children.edges.map((e) => e.node);
      expect(nodes).toHaveLength(5);
      for (const node of nodes) {
        const demo = byId.get(node.id)!;
        expect({ involvedSectors: node.involvedSectors, withheld: node.withheld }).toEqual(expectedFor(demo));
        expect(node.ageBand).not.toBeNull();
      }
      // The README's promise: a child BUA does not know shows BUA as withheld.
      expect(nodes.some((n) => n.withheld.some((w) => w.sector === 'BUA'))).toBe(true);
    });

    it('answers the issue’s query (the README’s example before `withheld`) with no error about a field it did not select', async () => {
      const res = await t.queryAs<{ municipality: { children: { edges: { node: { involvedSectors: string[] } }[] } } }>(
        'caseworker-751',
        '{ municipality(code: 751) { name children(first: 10) { edges { node { id birthDate knownToMunicipality ageBand involvedSectors } } } } }',
      );
      expect(res.errors).toBeUndefined();
      // All ten Aarhus demo children, among them families who did not consent.
      const ids = res.data!.municipality.children.edges.map((e) => byId.get((e.node as unknown as { id: string }).id)!);
      expect(ids.filter((c) => !demoChildConsents(c)).length).toBeGreaterThan(0);
      for (const [i, edge] of res.data!.municipality.children.edges.entries()) expect(edge.node.involvedSectors).toEqual(expectedFor(ids[i]!).involvedSectors);
    });

    it.each([
      ['whose family consented', true],
      ['whose family did not consent', false],
    ])('shows a demo child %s with its computed fields, what was withheld, and no error', async (_, consented) => {
      const demo = aarhusChild(consented);
      const res = await t.queryAs<{ child: ChildView & { age: number | null; birthDate: string } }>(
        'caseworker-751',
        'query($id: ID!) { child(id: $id) { id birthDate age ageBand involvedSectors withheld { sector reason message } } }',
        { id: idOf(demo) },
      );
      expect(res.errors).toBeUndefined();
      const child = res.data!.child;
      expect(child.birthDate).toBe(demo.birthDate);
      expect(child.age).not.toBeNull();
      expect(child.involvedSectors).toEqual(expectedFor(demo).involvedSectors);
      expect(child.withheld.map(({ sector, reason }) => ({ sector, reason }))).toEqual(expectedFor(demo).withheld);
      if (consented) expect(child.withheld).toEqual([]);
      else expect(child.withheld.map((w) => w.sector)).toEqual(['GENERAL_PRACTICE', 'BUA', 'SCREENING']);
    });

    it('still refuses a selected sector field with CONSENT_REQUIRED, only that field, in the words of `withheld`', async () => {
      const demo = aarhusChild(false);
      const res = await t.queryAs<{ child: { knownToBua: boolean | null; involvedSectors: string[]; withheld: Withheld } }>(
        'caseworker-751',
        'query($id: ID!) { child(id: $id) { knownToBua involvedSectors withheld { sector reason message } } }',
        { id: idOf(demo) },
      );
      expect(res.errors).toHaveLength(1);
      const [error] = res.errors as NonNullable<Errors>;
      expect(error!.path).toEqual(['child', 'knownToBua']);
      expect(error!.extensions?.['code']).toBe('CONSENT_REQUIRED');
      expect(res.data!.child.knownToBua).toBeNull();
      expect(res.data!.child.involvedSectors).not.toContain('BUA');
      expect(res.data!.child.withheld.find((w) => w.sector === 'BUA')).toEqual({ sector: 'BUA', reason: 'NO_CONSENT', message: error!.message });
    });

    it('gives another municipality no age and no involvement, as withheld by another organisation, without an error', async () => {
      const demo = aarhusChild(true);
      const res = await t.queryAs<{ child: ChildView & { age: number | null } }>(
        'caseworker-657',
        'query($id: ID!) { child(id: $id) { age ageBand involvedSectors withheld { sector reason } } }',
        { id: idOf(demo) },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.child).toMatchObject({ age: null, ageBand: null });
      expect(res.data!.child.involvedSectors).not.toContain('MUNICIPALITY');
      expect(res.data!.child.withheld[0]).toEqual({ sector: 'MUNICIPALITY', reason: 'OTHER_ORGANISATION' });
    });

    it('gives an analyst no child-level computed fields, and says so without an error', async () => {
      const res = await t.queryAs<{ child: ChildView }>('analyst-region', 'query($id: ID!) { child(id: $id) { ageBand involvedSectors withheld { sector reason } } }', {
        id: idOf(aarhusChild(true)),
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.child).toEqual({
        ageBand: null,
        involvedSectors: [],
        withheld: ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING'].map((sector) => ({ sector, reason: 'NOT_PERMITTED_FOR_ROLE' })),
      });
    });

    it('never counts a refusal handed over as an error object (Hive Gateway’s planner) as a fact', async () => {
      // What the pathway subgraph receives when a planner passes a sector's refusal on instead of null.
      const refusal = { message: 'Whether the child is known to BUA belongs to BUA.', extensions: { code: 'CONSENT_REQUIRED' } };
      const demo = aarhusChild(true);
      const res = await postGraphQL<{ _entities: { involvedSectors: string[]; withheld: Withheld }[] }>(
        t.system.subgraphs.pathway.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { involvedSectors withheld { sector reason } } } }',
        {
          r: [
            {
              __typename: 'Child',
              id: idOf(demo),
              municipalityFacts: { withheld: null, birthDate: demo.birthDate, knownToMunicipality: true },
              generalPracticeFacts: { withheld: null, ydernummer: demo.practiceYdernummer },
              buaFacts: refusal,
              screeningFacts: { withheld: null, tracks: 'RECOGNISED_MENTAL_PROBLEMS' },
            },
          ],
        },
        await as('caseworker-751'),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0]).toEqual({
        involvedSectors: ['MUNICIPALITY', 'GENERAL_PRACTICE'],
        withheld: [
          { sector: 'BUA', reason: 'UNAVAILABLE' },
          { sector: 'SCREENING', reason: 'UNAVAILABLE' },
        ],
      });
    });

    it('refuses childByCpr to an analyst, from the shared look-up policy', async () => {
      const res = await t.queryAs('analyst-region', 'query($cpr: String!) { childByCpr(cpr: $cpr) { id } }', { cpr: aarhusChild(true).cpr });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'NO_CLINICAL_ROLE' });
      expect(res.errors?.[0]?.message).toMatch(/Only professionals working with children can look a child up by CPR number/);
    });
  });
});
