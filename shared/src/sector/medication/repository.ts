import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AnyDatabase } from '../../db/database.ts';
import type { MedicationAgreementRow, MedicationAgreementTables } from './tables.ts';

type Db = AnyDatabase<Record<string, unknown>>;

export async function findAgreementsByChildIds(db: Db, { medicationAgreements: t }: MedicationAgreementTables, childIds: readonly string[]) {
  return db.select().from(t).where(inArray(t.childId, [...childIds])).orderBy(asc(t.proposedAt), asc(t.id));
}

export async function findAgreementById(db: Db, { medicationAgreements: t }: MedicationAgreementTables, id: string, forUpdate = false) {
  const query = db.select().from(t).where(eq(t.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The newest agreement on this medicine for the child, which a new proposal supersedes (if still open or in force). */
export async function findLatestOnMedicine(db: Db, { medicationAgreements: t }: MedicationAgreementTables, childId: string, atcCode: string) {
  const [row] = await db.select().from(t).where(and(eq(t.childId, childId), eq(t.atcCode, atcCode))).orderBy(desc(t.proposedAt), desc(t.id)).limit(1).for('update');
  return row;
}

export async function insertAgreement(db: Db, { medicationAgreements: t }: MedicationAgreementTables, row: typeof t.$inferInsert): Promise<MedicationAgreementRow> {
  const [inserted] = await db.insert(t).values(row).returning();
  return inserted!;
}

export async function updateAgreement(
  db: Db,
  { medicationAgreements: t }: MedicationAgreementTables,
  id: string,
  changes: Partial<typeof t.$inferInsert>,
): Promise<MedicationAgreementRow> {
  const [row] = await db.update(t).set(changes).where(eq(t.id, id)).returning();
  return row!;
}
