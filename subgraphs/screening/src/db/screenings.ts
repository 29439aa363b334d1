import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';
import { screeningResults, type ScreeningResultRow, type ScreeningTrack } from './schema.ts';

export async function insertResult(tx: ScreeningDb, row: typeof screeningResults.$inferInsert): Promise<ScreeningResultRow> {
  const [inserted] = await tx.insert(screeningResults).values(row).returning();
  return inserted!;
}

export async function findResultsByIds(db: ScreeningDb, ids: readonly string[]): Promise<ScreeningResultRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(screeningResults).where(inArray(screeningResults.id, [...ids]));
}

/** Every result of a batch of children, oldest first per child (trends read them in that order). */
export async function findResultsByChildIds(db: ScreeningDb, childIds: readonly string[]): Promise<ScreeningResultRow[]> {
  if (childIds.length === 0) return [];
  return db
    .select()
    .from(screeningResults)
    .where(inArray(screeningResults.childId, [...childIds]))
    .orderBy(asc(screeningResults.childId), asc(screeningResults.screeningDate), asc(screeningResults.id));
}

export async function findResultForUpdate(tx: ScreeningDb, id: string): Promise<ScreeningResultRow | null> {
  const [row] = await tx.select().from(screeningResults).where(eq(screeningResults.id, id)).for('update');
  return row ?? null;
}

export interface RecordedFilter {
  sector: string;
  organisation: string;
  track?: ScreeningTrack | null;
  positive?: boolean | null;
}

/** One page of the results an organisation recorded, newest first; fetches `limit` rows (callers ask for one extra). */
export async function listRecordedResults(db: ScreeningDb, f: RecordedFilter, limit: number, beforeId: string | undefined): Promise<ScreeningResultRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(screeningResults.recordedBySector, f.sector as ScreeningResultRow['recordedBySector']),
    eq(screeningResults.recordedByOrganisation, f.organisation),
    f.track ? eq(screeningResults.track, f.track) : undefined,
    f.positive == null ? undefined : eq(screeningResults.positive, f.positive),
    beforeId === undefined ? undefined : lt(screeningResults.id, beforeId),
  ];
  return db
    .select()
    .from(screeningResults)
    .where(and(...conditions))
    .orderBy(desc(screeningResults.id))
    .limit(limit);
}

export async function setResultParties(tx: ScreeningDb, id: string, parties: string[]): Promise<void> {
  await tx.update(screeningResults).set({ parties }).where(eq(screeningResults.id, id));
}
