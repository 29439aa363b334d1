import { childPseudonym, seedDemoConsents } from '@pathway-graph/shared';
import { accessLog, consents } from './schema.ts';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { countChildren, insertChildren, type BuaDb } from './repository.ts';

/** Seeds the synthetic demo patients on first start only; a restart keeps whatever is there. */
export async function seedDemoData(db: BuaDb, pseudonymSecret: string): Promise<number> {
  if ((await countChildren(db)) > 0) return 0;
  // Only the demo children BUA knows, so that the gateway shows a mix of known and unknown children.
  const patients = DEMO_CHILDREN.flatMap((c) =>
    c.buaRegisteredOn === null
      ? []
      : [{ id: childPseudonym(c.cpr, pseudonymSecret), cpr: c.cpr, registeredOn: c.buaRegisteredOn, synthetic: true }],
  );
  await insertChildren(db, patients);
  await seedDemoConsents(db, { consents, accessLog }, ['BUA'], new Set(patients.map((p) => p.id)), pseudonymSecret);
  return patients.length;
}
