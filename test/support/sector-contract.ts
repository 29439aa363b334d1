/**
 * The sector contract: what every sector subgraph promises, whatever data it owns, proven by the same tests in every
 * sector. A sector's test file describes the sector in a few lines (how to start it, how to register a child as
 * its own record, its consent operations and its Child fields) and runs the contract on both databases:
 *
 *   describeWithDatabases('bua subgraph', (backend) => {
 *     const bua = sectorUnderTest(backend, BUA);   // starts the subgraph for the suite
 *     sectorContract(backend, bua, BUA);           // the contract's tests, under "the sector contract"
 *     it('...BUA's own behaviour...', async () => { await bua.children([...], 'knownToBua') ... });
 *   });
 *
 * The contract: no CPR number in the access log; no token (or a bad one) is refused with 401, `_entities` included;
 * another sector reads only with a consent the owner recorded, and not once it is withdrawn; a consent by the wrong
 * party is refused and stores nothing; only administrators read the access log, which is append-only and without
 * which nothing is read or changed; health and readiness probes; the demo data is seeded once. Each test registers
 * the children it needs, so it passes run alone (`vitest run -t '<name>'`), in any order.
 */
import {
  SUBGRAPHS,
  childPseudonym,
  type Principal,
  type RunningSectorSubgraph,
  type Sector,
  type SectorSubgraphName,
  type SectorSubgraphOptions,
  type SectorTables,
} from '@pathway-graph/shared';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import type { DemoChild } from '@pathway-graph/shared/demo/demo-data';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_PSEUDONYM_SECRET, type Backend } from './databases.ts';
import { harnessOf, startSubgraphAlone, subgraphHarness, type SubgraphHarness } from './subgraph-harness.ts';

/** "Today" for every sector under the contract: the ages of the contract's children are fixed by it. */
export const CONTRACT_TODAY = '2026-06-01';

/** A child as a test registers it: pseudonym, CPR number and birth date (what every sector derives its record from). */
export interface ContractChild {
  id: string;
  cpr: string;
  birthDate: string;
}

type AnySubgraph = RunningSectorSubgraph<Record<string, unknown>>;

/** What makes one sector different from the others, as far as the contract is concerned. */
export interface SectorDefinition<S extends AnySubgraph = AnySubgraph> {
  /** Its name in the registry (shared/src/registry.ts): schema, access-log field and source name follow from it. */
  subgraph: SectorSubgraphName;
  /** Its start function, e.g. `startBuaSubgraph`. */
  start(options: SectorSubgraphOptions): Promise<S>;
  /** Its consents and access-log tables. */
  tables: SectorTables;
  /** A demo user of the owning sector whose organisation owns the children `register` registers. */
  owner: string;
  /**
   * A demo user of another sector (who needs a consent), the organisation of that sector a consent names, and a
   * demo user of another organisation of the same sector (whom that consent does not cover).
   */
  otherSector: { user: string; sector: Sector; organisation: string; otherOrganisation: string };
  /** Registers children as the owner organisation's own records (as its seed or its own flows would). */
  register(subgraph: S, children: readonly ContractChild[]): Promise<void>;
  /** Its consent operations: `recordBuaConsent`, `withdrawBuaConsent`, and the Child field listing them. */
  consent: { record: string; withdraw: string; list: string };
  /** Its own Child fields a client reads. */
  child: {
    /** A selection of them, e.g. `knownToBua buaPatient { registeredOn }`. */
    selection: string;
    /** The access-log parts a read of that selection records. */
    parts: readonly string[];
    /** The answer to the selection for a child `register` registered. */
    registered(child: ContractChild): Record<string, unknown>;
    /** How a refusal of them to another sector names their owner, e.g. `/belongs to BUA/`. */
    refusal: RegExp;
  };
  /** Its demo seed, run into an empty database. */
  seed: {
    /** Seeds; returns how many children it added. */
    run(subgraph: S): Promise<number>;
    /** How many children the subgraph knows. */
    count(subgraph: S): Promise<number>;
    /** How many demo children the sector knows once seeded. */
    expected: number;
    /** Counts of the other records the seed makes (e.g. practices), and what they are once seeded. */
    others?(subgraph: S): Promise<Record<string, number>>;
    expectedOthers?: Record<string, number>;
    /** A demo child the sector knows, readable by `owner`, and its answer to `child.selection` once seeded. */
    demoChild: DemoChild;
    demoAnswer(child: DemoChild): Record<string, unknown>;
  };
}

/** The sector subgraph started for the suite, on a fresh database, on CONTRACT_TODAY, its owner asking by default. */
export function sectorUnderTest<S extends AnySubgraph>(backend: Backend, sector: SectorDefinition<S>): SubgraphHarness<S> {
  return subgraphHarness(backend, { start: sector.start, tables: sector.tables, user: sector.owner, today: CONTRACT_TODAY });
}

/**
 * The contract's children, born so that on CONTRACT_TODAY one is 16 (consents themselves) and one 11 (a custody
 * holder consents). Serial numbers 47xx are the contract's own: a sector's tests may use any other.
 */
export function contractChild(serial: number, birthDate: '2010-01-16' | '2015-01-06'): ContractChild {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const cpr = `${day}${month}${year.slice(2)}47${String(serial).padStart(2, '0')}`;
  return { id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET), cpr, birthDate };
}

const consentFields = 'id childId givenBy givenOn recipientSector recipientOrganisation purposes validFrom validUntil withdrawnAt recordedAt active';

/** The top-level field names of a selection (`a b { c } d` -> a, b, d). */
function topLevelFields(selection: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const token of selection.match(/[{}]|[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0) names.push(token);
  }
  return names;
}

/** Why a statement failed, with the driver's cause (postgres.js and PGlite word it differently). */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'succeeded',
    (e: unknown) => `${String((e as Error).message)} ${String(((e as Error).cause as Error | undefined)?.message ?? '')}`,
  );

/** Declares the contract's tests for `sector`, run against the harness `sectorUnderTest` made. */
export function sectorContract<S extends AnySubgraph>(backend: Backend, h: SubgraphHarness<S>, sector: SectorDefinition<S>): void {
  const { pgSchema, accessLogField } = SUBGRAPHS[sector.subgraph];
  const owner = findDemoUser(sector.owner) as Principal | undefined;
  const other = findDemoUser(sector.otherSector.user) as Principal | undefined;
  if (!owner || !other) throw new Error(`${sector.subgraph}: the contract's readers must be demo users`);
  const fields = topLevelFields(sector.child.selection);
  const refusedAnswer = (id: string) => ({ id, ...Object.fromEntries(fields.map((f) => [f, null])) });
  const register = (...children: ContractChild[]) => sector.register(h.subgraph, children);
  const read = (children: readonly string[], who?: string, purpose?: string) =>
    h.children<Record<string, unknown>>(children, `id ${sector.child.selection}`, who, purpose ? { purpose } : {});
  const recordConsent = (input: Record<string, unknown>, who?: string) =>
    h.gql<Record<string, { id: string; active: boolean; givenBy: string }>>(
      `mutation Record($input: RecordConsentInput!) { ${sector.consent.record}(input: $input) { ${consentFields} } }`,
      { input },
      who,
    );
  const consentFor = (child: ContractChild, overrides: Record<string, unknown> = {}) => ({
    childId: child.id,
    givenBy: 'YOUNG_PERSON',
    givenOn: '2026-05-20',
    recipientSector: sector.otherSector.sector,
    recipientOrganisation: sector.otherSector.organisation,
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-05-20',
    ...overrides,
  });
  /** A valid pseudonym the sector does not know. */
  const unknownId = childPseudonym('0101204799', TEST_PSEUDONYM_SECRET);

  describe('the sector contract', () => {
    it('writes no CPR number into the access log', async () => {
      const children = [contractChild(1, '2010-01-16'), contractChild(2, '2015-01-06')];
      await register(...children);
      // Reads by the owner, a consented other sector and a consent recorded: every kind of entry the log holds.
      const ownRead = await read(children.map((c) => c.id));
      expect(ownRead.errors).toBeUndefined();
      const consent = await recordConsent(consentFor(children[0]!));
      expect(consent.errors).toBeUndefined();
      expect((await read([children[0]!.id], sector.otherSector.user)).errors).toBeUndefined();

      const rows = (await Promise.all(children.map((c) => h.accessLog(c.id)))).flat();
      expect(rows.map((r) => r.action).sort()).toEqual(['CHANGE', 'READ', 'READ', 'READ']);
      const text = JSON.stringify(await h.accessLog());
      for (const { cpr } of children) {
        expect(text).not.toContain(cpr);
        expect(text).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
      }
    });

    it('refuses a request without a valid token with UNAUTHENTICATED and HTTP 401, also for _entities', async () => {
      const child = contractChild(3, '2010-01-16');
      await register(child);
      const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id ${sector.child.selection} } } }`;
      const representations = { r: [{ __typename: 'Child', id: child.id }] };
      const responses = await Promise.all([
        h.post(entities, representations),
        h.post(entities, representations, { authorization: 'Bearer not-a-token' }),
        h.post(`query($c: ID!) { ${accessLogField}(childId: $c) { entries { id } } }`, { c: child.id }),
        h.post(`mutation($input: RecordConsentInput!) { ${sector.consent.record}(input: $input) { id } }`, { input: consentFor(child) }),
      ]);
      for (const res of responses) {
        expect(res.status).toBe(401);
        const body = (await res.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
        expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
        expect(body.data ?? null).toBeNull();
      }
      expect(await h.accessLog(child.id)).toEqual([]);
      expect(await h.consentsOf(child.id)).toEqual([]);
    });

    it('shows another sector its data only with a consent it recorded itself, and refuses it again once withdrawn', async () => {
      const child = contractChild(4, '2010-01-16'); // 16 on CONTRACT_TODAY: the young person consents themselves
      await register(child);
      const reader = sector.otherSector.user;

      // Without a consent: every selected field refused, for the child the sector knows and one it does not alike.
      const refused = await read([child.id, unknownId], reader);
      expect(refused.errors?.map((e) => e.extensions?.['code'])).toEqual(Array(2 * fields.length).fill('CONSENT_REQUIRED'));
      expect(refused.data!._entities).toEqual([refusedAnswer(child.id), refusedAnswer(unknownId)]);
      for (const field of fields) {
        // Worded alike, or the refusal would tell whether the sector knows the child.
        expect(new Set(refused.errors!.filter((e) => e.path?.includes(field)).map((e) => e.message)).size).toBe(1);
      }
      const refusal = refused.errors![0]!;
      // What is needed, never who must give it (that depends on the child's age) nor what the owner holds.
      expect(refusal.extensions).toMatchObject({ recipientSector: sector.otherSector.sector, requiredConsentingParty: null });
      expect(refusal.message).toMatch(sector.child.refusal);
      expect(refusal.message).not.toMatch(/on record/);
      expect(JSON.stringify(refused.errors)).not.toContain(`"${owner.organisation}"`);
      expect(await h.loggedFor(refused.requestId)).toEqual([]);

      // Only the sector that discloses records the consent.
      const byOther = await recordConsent(consentFor(child), reader);
      expect(byOther.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(await h.consentsOf(child.id)).toEqual([]);

      const recorded = await recordConsent(consentFor(child));
      expect(recorded.errors).toBeUndefined();
      const consent = recorded.data![sector.consent.record]!;
      expect(consent).toMatchObject({ givenBy: 'YOUNG_PERSON', active: true });
      // One entry for the request: the change, in the consent's own transaction, with the read it guarded.
      expect((await h.loggedFor(recorded.requestId)).map((e) => [e.action, e.childId, e.actorSubject, e.parts])).toEqual([
        ['CHANGE', child.id, owner.subject, ['consents']],
      ]);

      const allowed = await read([child.id], reader);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!._entities).toEqual([{ id: child.id, ...sector.child.registered(child) }]);
      expect(await h.loggedFor(allowed.requestId)).toMatchObject([
        {
          action: 'READ',
          childId: child.id,
          actorSubject: other.subject,
          actorSector: other.sector,
          actorOrganisation: other.organisation,
          parts: [...sector.child.parts].sort(),
          purpose: 'CARE_COORDINATION',
        },
      ]);

      // The consent names one organisation and one purpose: another organisation, or another purpose, is refused.
      const otherOrganisation = await read([child.id], sector.otherSector.otherOrganisation);
      expect(otherOrganisation.errors?.[0]?.extensions?.['code']).toBe('CONSENT_REQUIRED');
      expect(otherOrganisation.errors?.[0]?.message).not.toMatch(/on record/);
      const otherPurpose = await read([child.id], reader, 'ASSESSMENT_AND_TREATMENT');
      expect(otherPurpose.errors?.[0]?.extensions?.['code']).toBe('CONSENT_REQUIRED');

      const withdraw = () => h.gql<Record<string, { id: string; withdrawnAt: string | null }>>(
        `mutation($id: ID!) { ${sector.consent.withdraw}(id: $id) { ${consentFields} } }`,
        { id: consent.id },
      );
      const withdrawn = await withdraw();
      expect(withdrawn.errors).toBeUndefined();
      expect(withdrawn.data![sector.consent.withdraw]).toMatchObject({ id: consent.id, withdrawnAt: expect.any(String) });
      // Withdrawing twice is a conflict, not a second change.
      expect((await withdraw()).errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

      const again = await read([child.id], reader);
      expect(again.errors?.map((e) => e.extensions?.['code'])).toEqual(Array(fields.length).fill('CONSENT_REQUIRED'));
      expect(again.data!._entities).toEqual([refusedAnswer(child.id)]);
      // Worded exactly as before the consent: another sector never learns what the owner has on record.
      expect(again.errors![0]!.message).toBe(refusal.message);

      // The owner sees the consents it holds, withdrawn ones included.
      const held = await h.children<Record<string, { id: string; active: boolean; withdrawnAt: string | null }[]>>(
        [child.id],
        `${sector.consent.list} { id active withdrawnAt }`,
      );
      expect(held.errors).toBeUndefined();
      expect(held.data!._entities[0]![sector.consent.list]).toEqual([{ id: consent.id, active: false, withdrawnAt: expect.any(String) }]);
    });

    it('refuses a consent given by the wrong party, saying who must give it, and stores nothing', async () => {
      const sixteen = contractChild(5, '2010-01-16');
      const eleven = contractChild(6, '2015-01-06');
      await register(sixteen, eleven);

      const byCustodyHolder = await recordConsent(consentFor(sixteen, { givenBy: 'CUSTODY_HOLDER' }));
      expect(byCustodyHolder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenBy', required: 'YOUNG_PERSON' });
      expect(byCustodyHolder.errors?.[0]?.message).toMatch(/young person is 15 or older on 2026-05-20 and must give consent themselves/);

      const byChild = await recordConsent(consentFor(eleven));
      expect(byChild.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenBy', required: 'CUSTODY_HOLDER' });
      expect(byChild.errors?.[0]?.message).toMatch(/under 15 on 2026-05-20; a custody holder .* must give the consent/);

      for (const child of [sixteen, eleven]) {
        expect(await h.consentsOf(child.id)).toEqual([]);
        expect((await h.accessLog(child.id)).filter((e) => e.action === 'CHANGE')).toEqual([]);
      }
    });

    it('lets administrators, and only them, read the access log', async () => {
      const child = contractChild(7, '2010-01-16');
      await register(child);
      for (let i = 0; i < 2; i++) expect((await read([child.id])).errors).toBeUndefined();

      const query = `query($c: ID!) { ${accessLogField}(childId: $c, first: 1) { entries { source action actorSubject parts childId } nextBefore } }`;
      const page = await h.gql<Record<string, { entries: Record<string, unknown>[]; nextBefore: string | null }>>(query, { c: child.id }, 'admin-region');
      expect(page.errors).toBeUndefined();
      expect(page.data![accessLogField]!.entries).toEqual([
        { source: sector.subgraph, action: 'READ', actorSubject: owner.subject, parts: [...sector.child.parts].sort(), childId: child.id },
      ]);
      expect(page.data![accessLogField]!.nextBefore).not.toBeNull();
      for (const who of [sector.owner, sector.otherSector.user, 'analyst-region']) {
        const refused = await h.gql(query, { c: child.id }, who);
        expect(refused.errors?.[0]?.extensions?.['code'], who).toBe('FORBIDDEN');
        expect(refused.data ?? null).toBeNull();
      }
    });

    it('keeps the access log append-only: rows can be neither updated nor deleted', async () => {
      const child = contractChild(8, '2010-01-16');
      await register(child);
      expect((await read([child.id])).errors).toBeUndefined();
      const before = await h.accessLog(child.id);
      expect(before).toHaveLength(1);
      const db = h.db as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> };
      const table = sql.raw(`${pgSchema}.access_log`);
      expect(await failure(db.execute(sql`update ${table} set purpose = 'EARLY_DETECTION'`))).toMatch(/append-only/);
      expect(await failure(db.execute(sql`delete from ${table}`))).toMatch(/append-only/);
      expect(await h.accessLog(child.id)).toEqual(before);
    });

    it('fails a read rather than release data when the access log cannot be written', async () => {
      const child = contractChild(9, '2010-01-16');
      await register(child);
      const db = h.db as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> };
      const table = sql.raw(`${pgSchema}.access_log`);
      // Every new access-log row now violates a constraint: the audit write fails.
      await db.execute(sql`alter table ${table} add constraint audit_down check (false) not valid`);
      try {
        const res = await read([child.id]);
        expect(res.errors?.map((e) => e.extensions?.['code'])).toContain('INTERNAL_SERVER_ERROR');
        // Nothing of the child's record in the answer: no entity, or every field of it null.
        const entity = res.data?._entities?.[0] ?? null;
        if (entity !== null) for (const field of fields) expect(entity[field] ?? null, field).toBeNull();
      } finally {
        await db.execute(sql`alter table ${table} drop constraint audit_down`);
      }
      expect(await h.accessLog(child.id)).toEqual([]);
    });

    it('leaves neither a consent nor its entry when the access log cannot be written', async () => {
      const child = contractChild(10, '2010-01-16');
      await register(child);
      const db = h.db as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> };
      const table = sql.raw(`${pgSchema}.access_log`);
      await db.execute(sql`alter table ${table} add constraint audit_down check (false) not valid`);
      try {
        const res = await recordConsent(consentFor(child));
        expect(res.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await db.execute(sql`alter table ${table} drop constraint audit_down`);
      }
      expect(await h.consentsOf(child.id)).toEqual([]);
      expect(await h.accessLog(child.id)).toEqual([]);
    });

    it('answers health and readiness probes', async () => {
      const base = h.url.replace('/graphql', '');
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    });

    it('seeds the demo data once: a second seed adds nothing', async () => {
      // A database of its own: seeding only ever happens into an empty one.
      const fresh = await startSubgraphAlone(backend, { start: sector.start, today: CONTRACT_TODAY });
      try {
        const { subgraph } = fresh;
        const seeded = harnessOf(() => subgraph, { tables: sector.tables, user: sector.owner });
        const consents = async () => (await subgraph.database.db.select().from(sector.tables.consents)).length;
        expect(sector.seed.expected).toBeGreaterThan(0);
        expect(await sector.seed.count(subgraph)).toBe(0);
        expect(await sector.seed.run(subgraph)).toBe(sector.seed.expected);
        expect(await sector.seed.count(subgraph)).toBe(sector.seed.expected);
        const consentsSeeded = await consents();
        expect(consentsSeeded).toBeGreaterThan(0);
        const others = async () => (await sector.seed.others?.(subgraph)) ?? {};
        expect(await others()).toEqual(sector.seed.expectedOthers ?? {});

        expect(await sector.seed.run(subgraph)).toBe(0);
        expect(await sector.seed.count(subgraph)).toBe(sector.seed.expected);
        expect(await consents()).toBe(consentsSeeded);
        expect(await others()).toEqual(sector.seed.expectedOthers ?? {});

        // Seeded under the shared pseudonym secret: the demo child resolves by the id every other subgraph computes.
        const demo = sector.seed.demoChild;
        const res = await seeded.children([childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET)], sector.child.selection);
        expect(res.errors).toBeUndefined();
        expect(res.data!._entities).toEqual([sector.seed.demoAnswer(demo)]);
      } finally {
        await fresh.close();
      }
    });
  });
}
