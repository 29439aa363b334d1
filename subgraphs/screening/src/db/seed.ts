import { childPseudonym, seedDemoConsents } from '@pathway-graph/shared';
import { accessLog, consents } from './schema.ts';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { countChildren, insertChildren, type ScreeningDb } from './repository.ts';

/** Seeds the synthetic demo children on first start only; a restart keeps whatever is there. */
export async function seedDemoData(db: ScreeningDb, pseudonymSecret: string): Promise<number> {
  if ((await countChildren(db)) > 0) return 0;
  // Screening only learns of a child through a track; the CPR number is used here for the pseudonym and dropped.
  const screened = DEMO_CHILDREN.filter((c) => c.screeningTracks.length > 0).map((c) => ({
    id: childPseudonym(c.cpr, pseudonymSecret),
    birthDate: c.birthDate,
    synthetic: true,
    tracks: c.screeningTracks,
  }));
  await insertChildren(db, screened);
  await seedDemoConsents(
    db,
    { consents, accessLog },
    ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'],
    new Set(screened.map((c) => c.id)),
    pseudonymSecret,
  );
  return screened.length;
}
