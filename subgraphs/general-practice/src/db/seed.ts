import { childPseudonym, seedDemoConsents } from '@pathway-graph/shared';
import { accessLog, consents } from './schema.ts';
import { DEMO_CHILDREN, DEMO_PRACTICES } from '@pathway-graph/shared/demo/demo-data';
import { countPractices, insertPracticesAndChildren, type GeneralPracticeDb } from './repository.ts';

/** Made-up names for the synthetic demo children (the family name says so): MedCom letters carry the child's name. */
const GIVEN = ['Alma', 'Noah', 'Ida', 'Oscar', 'Freja', 'William', 'Ella', 'Karl', 'Agnes', 'Aksel'];
export const syntheticChildName = (index: number) => ({ givenNames: GIVEN[index % GIVEN.length]!, familyName: `Testbarn${index + 1}` });

/**
 * Seeds the fictitious demo practices and the synthetic children listed with them, on first start only; a restart
 * keeps whatever is there.
 */
export async function seedDemoData(
  db: GeneralPracticeDb,
  pseudonymSecret: string,
): Promise<{ practices: number; children: number }> {
  if ((await countPractices(db)) > 0) return { practices: 0, children: 0 };
  await insertPracticesAndChildren(
    db,
    DEMO_PRACTICES.map((p) => ({ ...p, synthetic: true })),
    DEMO_CHILDREN.map((c, i) => ({
      ...syntheticChildName(i),
      id: childPseudonym(c.cpr, pseudonymSecret),
      cpr: c.cpr,
      birthDate: c.birthDate,
      listedPractice: c.practiceYdernummer,
      synthetic: true,
    })),
  );
  const ids = new Set(DEMO_CHILDREN.map((c) => childPseudonym(c.cpr, pseudonymSecret)));
  await seedDemoConsents(db, { consents, accessLog }, ['GENERAL_PRACTICE'], ids, pseudonymSecret);
  return { practices: DEMO_PRACTICES.length, children: DEMO_CHILDREN.length };
}
