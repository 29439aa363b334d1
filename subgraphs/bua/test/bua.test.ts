import { childPseudonym } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { sectorContract, sectorUnderTest, type SectorDefinition } from '@pathway-graph/test/support/sector-contract';
import { beforeAll, expect, it } from 'vitest';
import { countChildren, insertChildren, type NewChild } from '../src/db/repository.ts';
import { accessLog, consents } from '../src/db/schema.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { startBuaSubgraph, type RunningBuaSubgraph } from '../src/subgraph.ts';

const DEMO_PATIENTS = DEMO_CHILDREN.filter((c) => c.buaRegisteredOn !== null);

/** BUA as the sector contract sees it: one department, its clinicians the owners of every patient record. */
const BUA: SectorDefinition<RunningBuaSubgraph> = {
  subgraph: 'bua',
  start: startBuaSubgraph,
  tables: { consents, accessLog },
  owner: 'bua-clinician',
  otherSector: { user: 'caseworker-751', sector: 'MUNICIPALITY', organisation: '751', otherOrganisation: 'caseworker-657' },
  register: (subgraph, children) =>
    insertChildren(subgraph.database.db, children.map((c) => ({ id: c.id, cpr: c.cpr, registeredOn: '2026-04-01', synthetic: true }))),
  consent: { record: 'recordBuaConsent', withdraw: 'withdrawBuaConsent', list: 'buaConsents' },
  child: {
    selection: 'knownToBua buaPatient { registeredOn synthetic }',
    parts: ['buaPatient', 'knownToBua'],
    registered: () => ({ knownToBua: true, buaPatient: { registeredOn: '2026-04-01', synthetic: true } }),
    refusal: /belongs to BUA/,
  },
  seed: {
    run: (subgraph) => seedDemoData(subgraph.database.db, TEST_PSEUDONYM_SECRET),
    count: (subgraph) => countChildren(subgraph.database.db),
    expected: DEMO_PATIENTS.length,
    demoChild: DEMO_PATIENTS[0]!,
    demoAnswer: (c) => ({ knownToBua: true, buaPatient: { registeredOn: c.buaRegisteredOn, synthetic: true } }),
  },
};

/** Synthetic CPR number DDMMYY4NNN: 7th digit 4 with YY 10-24 places the birth in 2010-2024. */
function syntheticCpr(i: number): string {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(10 + (i % 15));
  return `${dd}${mm}${yy}4${String(i % 1000).padStart(3, '0')}`;
}

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

function expected(id: string): EntityChild {
  const patient = PATIENTS.find((p) => p.id === id);
  return patient
    ? { id, knownToBua: true, buaPatient: { registeredOn: patient.registeredOn, synthetic: true } }
    : { id, knownToBua: false, buaPatient: null };
}

describeWithDatabases('bua subgraph', (backend) => {
  const bua = sectorUnderTest(backend, BUA);
  sectorContract(backend, bua, BUA);

  beforeAll(async () => {
    await insertChildren(bua.db, PATIENTS);
  });
  const entities = (ids: string[], user?: string) => bua.children<EntityChild>(ids, 'id knownToBua buaPatient { registeredOn synthetic }', user);

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
      bua.subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = bua.subgraph.database.statements.total;
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

    const logged = await bua.loggedFor(three.requestId);
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
    expect((await bua.loggedFor(fifty.requestId)).map((e) => e.childId).sort()).toEqual(PATIENTS.slice(3, 50).map((p) => p.id).sort());
  });

  it('refuses BUA advisers (anonymous cases) and analysts child-level data', async () => {
    for (const user of ['bua-adviser', 'analyst-region']) {
      const res = await entities([PATIENTS[5]!.id], user);
      expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(res.data!._entities[0]).toEqual({ id: PATIENTS[5]!.id, knownToBua: null, buaPatient: null });
      expect(await bua.loggedFor(res.requestId)).toEqual([]);
    }
  });
});
