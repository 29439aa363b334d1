import { asc, eq, inArray } from 'drizzle-orm';
import type { MunicipalityDb } from './repository.ts';
import { children, municipalInterventions, type MunicipalInterventionRow } from './schema.ts';

/** The child's CPR number, which a referral message must carry (never returned by the API). */
export async function findChildCpr(db: MunicipalityDb, childId: string): Promise<string | null> {
  const [row] = await db.select({ cpr: children.cpr }).from(children).where(eq(children.id, childId));
  return row?.cpr ?? null;
}

/** The municipality's own interventions for a batch of children, oldest first: one statement for all of them. */
export async function findInterventionsByChildIds(db: MunicipalityDb, childIds: readonly string[]): Promise<MunicipalInterventionRow[]> {
  return db
    .select()
    .from(municipalInterventions)
    .where(inArray(municipalInterventions.childId, [...childIds]))
    .orderBy(asc(municipalInterventions.startedOn), asc(municipalInterventions.id));
}
