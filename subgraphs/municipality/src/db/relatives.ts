import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { MunicipalityDb } from './repository.ts';
import { relativeRegistrations, type RelativeRegistrationRow, type RelativeRegistrationStatus } from './schema.ts';

/** A received track-3 registration with whether the child is known to the municipality (an open case there), at read time. */
export type RelativeRegistrationRecord = RelativeRegistrationRow & { knownToMunicipality: boolean };

// Qualified by hand: inside a select list drizzle renders columns unqualified, and both tables have child_id and
// municipality_code, so the correlation would compare each column with itself.
const knownToMunicipality = sql<boolean>`exists (select 1 from "municipality"."municipal_cases" open_case where open_case.child_id = "relative_registrations"."child_id" and open_case.municipality_code = "relative_registrations"."municipality_code" and open_case.closed_on is null)`;

const toRecord = ({ row, known }: { row: RelativeRegistrationRow; known: boolean }): RelativeRegistrationRecord => ({
  ...row,
  knownToMunicipality: known === true || (known as unknown) === 't',
});

/** Stores a registration unless its message id is stored already; true when this call stored it. */
export async function insertRelativeRegistrationOnce(tx: MunicipalityDb, row: typeof relativeRegistrations.$inferInsert): Promise<boolean> {
  const inserted = await tx
    .insert(relativeRegistrations)
    .values(row)
    .onConflictDoNothing({ target: relativeRegistrations.messageId })
    .returning({ id: relativeRegistrations.id });
  return inserted.length > 0;
}

/** One page of a municipality's worklist in receipt order; fetches `limit` rows (callers ask for one extra). */
export async function listRelativeRegistrations(
  db: MunicipalityDb,
  filter: { municipalityCode: number; status: RelativeRegistrationStatus | null },
  limit: number,
  afterId: string | undefined,
): Promise<RelativeRegistrationRecord[]> {
  const rows = await db
    .select({ row: relativeRegistrations, known: knownToMunicipality })
    .from(relativeRegistrations)
    .where(
      and(
        eq(relativeRegistrations.municipalityCode, filter.municipalityCode),
        filter.status ? eq(relativeRegistrations.status, filter.status) : undefined,
        afterId === undefined ? undefined : gt(relativeRegistrations.id, afterId),
      ),
    )
    .orderBy(asc(relativeRegistrations.id))
    .limit(limit);
  return rows.map(toRecord);
}

export async function findRelativeRegistrationsByIds(db: MunicipalityDb, ids: readonly string[]): Promise<RelativeRegistrationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: relativeRegistrations, known: knownToMunicipality })
    .from(relativeRegistrations)
    .where(inArray(relativeRegistrations.id, [...ids]));
  return rows.map(toRecord);
}

/** Locks the registration for a change (taking it). */
export async function findRelativeRegistrationForUpdate(tx: MunicipalityDb, id: string): Promise<RelativeRegistrationRow | undefined> {
  const [row] = await tx.select().from(relativeRegistrations).where(eq(relativeRegistrations.id, id)).for('update');
  return row;
}

export async function markRelativeRegistrationTaken(
  tx: MunicipalityDb,
  id: string,
  by: { subject: string; name: string; role: string; at: string },
): Promise<void> {
  await tx
    .update(relativeRegistrations)
    .set({ status: 'TAKEN', takenBySubject: by.subject, takenByName: by.name, takenByRole: by.role, takenAt: by.at })
    .where(eq(relativeRegistrations.id, id));
}
