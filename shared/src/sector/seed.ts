import type { Sector } from '../auth/principal.ts';
import type { AnyDatabase } from '../db/database.ts';
import { DEMO_CHILDREN, demoConsentsFor } from '../demo/demo-data.ts';
import { childPseudonym } from '../domain/pseudonym.ts';
import { uuid7 } from '../uuid7.ts';
import type { SectorTables } from './tables.ts';

/** Seeds the synthetic consents a sector holds for the demo children it knows (called from each sector's seed). */
export async function seedDemoConsents(
  db: AnyDatabase<Record<string, unknown>>,
  { consents }: SectorTables,
  ownerSectors: readonly Sector[],
  knownChildIds: ReadonlySet<string>,
  pseudonymSecret: string,
): Promise<void> {
  const rows = DEMO_CHILDREN.flatMap((child) => {
    const childId = childPseudonym(child.cpr, pseudonymSecret);
    if (!knownChildIds.has(childId)) return [];
    return demoConsentsFor(child, ownerSectors).map((c) => ({
      ...c,
      id: uuid7(),
      childId,
      recordedBy: 'demo:seed',
      recordedByOrganisation: 'synthetic demo data',
    }));
  });
  if (rows.length > 0) await db.insert(consents).values(rows);
}
