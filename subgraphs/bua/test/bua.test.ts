import { childPseudonym, createLogger } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countChildren, insertChildren, type NewChild } from '../src/db/repository.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { startBuaSubgraph, type RunningBuaSubgraph } from '../src/subgraph.ts';

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

type EntityChild = { id: string; knownToBua: boolean; buaPatient: { registeredOn: string; synthetic: boolean } | null };
const CHILD_ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id knownToBua buaPatient { registeredOn synthetic } } } }';

function expected(id: string): EntityChild {
  const patient = PATIENTS.find((p) => p.id === id);
  return patient
    ? { id, knownToBua: true, buaPatient: { registeredOn: patient.registeredOn, synthetic: true } }
    : { id, knownToBua: false, buaPatient: null };
}

describeWithDatabases('bua subgraph', (backend) => {
  let subgraph: RunningBuaSubgraph;
  let dispose: () => Promise<void>;
  const entities = (ids: string[]) =>
    postGraphQL<{ _entities: EntityChild[] }>(subgraph.url, CHILD_ENTITIES, {
      r: ids.map((id) => ({ __typename: 'Child', id })),
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

  it('resolves 3 and 50 Child entities in exactly one SQL statement each', async () => {
    const run = async (ids: string[]) => {
      subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = subgraph.database.statements.total;
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual(ids.map(expected));
      return statements;
    };
    const three = await run([PATIENTS[1]!.id, UNKNOWN_IDS[1]!, PATIENTS[2]!.id]);
    const fifty = await run([...PATIENTS.slice(3, 50).map((p) => p.id), ...UNKNOWN_IDS]);
    expect(three).toBe(1);
    expect(fifty).toBe(three);
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
      const res = await postGraphQL<{ _entities: EntityChild[] }>(fresh.url, CHILD_ENTITIES, {
        r: [demoPatients[0]!, notPatient].map((c) => ({ __typename: 'Child', id: childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET) })),
      });
      expect(res.data?._entities.map((c) => c.knownToBua)).toEqual([true, false]);
      expect(res.data?._entities[0]?.buaPatient?.registeredOn).toBe(demoPatients[0]!.buaRegisteredOn);
    } finally {
      await fresh.close();
      await created.dispose();
    }
  });
});
