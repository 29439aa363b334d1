import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { MunicipalityDb } from './repository.ts';
import { municipalInterventions, referralsToBua, type MunicipalInterventionRow } from './schema.ts';

export async function insertIntervention(db: MunicipalityDb, row: typeof municipalInterventions.$inferInsert): Promise<MunicipalInterventionRow> {
  const [inserted] = await db.insert(municipalInterventions).values(row).returning();
  return inserted!;
}

export async function findInterventionById(db: MunicipalityDb, id: string, forUpdate = false): Promise<MunicipalInterventionRow | undefined> {
  const query = db.select().from(municipalInterventions).where(eq(municipalInterventions.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Every intervention of the children, oldest first: one statement for a whole request's children. */
export async function findInterventionsByChildIds(db: MunicipalityDb, childIds: readonly string[]): Promise<MunicipalInterventionRow[]> {
  return db
    .select()
    .from(municipalInterventions)
    .where(inArray(municipalInterventions.childId, [...childIds]))
    .orderBy(asc(municipalInterventions.startedOn), asc(municipalInterventions.id));
}

export async function updateIntervention(
  db: MunicipalityDb,
  id: string,
  changes: Pick<MunicipalInterventionRow, 'endedOn' | 'effect' | 'recordedAt' | 'sentToBuaAt'>,
): Promise<MunicipalInterventionRow> {
  const [row] = await db.update(municipalInterventions).set(changes).where(eq(municipalInterventions.id, id)).returning();
  return row!;
}

/**
 * Whether BUA holds an active (not closed) referral for the child that this municipality sent or BUA told it of: the
 * municipality knows BUA's course only from BUA's status messages, so this is its own record of it.
 */
export async function holdsActiveBuaReferral(db: MunicipalityDb, childId: string, municipalityCode: number): Promise<boolean> {
  const [row] = await db
    .select({ id: referralsToBua.id })
    .from(referralsToBua)
    .where(and(eq(referralsToBua.childId, childId), eq(referralsToBua.organisation, String(municipalityCode)), ne(referralsToBua.status, 'CLOSED')))
    .limit(1);
  return row !== undefined;
}
