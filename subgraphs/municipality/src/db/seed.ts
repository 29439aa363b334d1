import { childPseudonym, seedDemoConsents } from '@pathway-graph/shared';
import { accessLog, consents } from './schema.ts';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { countChildren, insertChildren, type MunicipalityDb } from './repository.ts';

/** Seeds the synthetic demo children on first start only; a restart keeps whatever is there. */
export async function seedDemoData(db: MunicipalityDb, pseudonymSecret: string): Promise<number> {
  if ((await countChildren(db)) > 0) return 0;
  await insertChildren(
    db,
    DEMO_CHILDREN.map((c) => ({
      id: childPseudonym(c.cpr, pseudonymSecret),
      cpr: c.cpr,
      birthDate: c.birthDate,
      residenceMunicipalityCode: c.municipalityCode,
      synthetic: true,
      openCaseSince: c.hasOpenMunicipalCase ? '2025-10-01' : null,
    })),
  );
  const ids = new Set(DEMO_CHILDREN.map((c) => childPseudonym(c.cpr, pseudonymSecret)));
  await seedDemoConsents(db, { consents, accessLog }, ['MUNICIPALITY'], ids, pseudonymSecret);
  return DEMO_CHILDREN.length;
}
