import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { AnyDatabase } from '../db/database.ts';
import { metricsOf } from '../observability/metrics.ts';
import { serviceOfSchema } from '../observability/statements.ts';
import type { AccessLogRow, ConsentRow, SectorTables } from './tables.ts';

// Any sector's database: these functions only touch the sector tables passed with it.
type Db = AnyDatabase<Record<string, unknown>>;

export async function findConsentsByChildIds(db: Db, { consents }: SectorTables, childIds: readonly string[]): Promise<ConsentRow[]> {
  return db.select().from(consents).where(inArray(consents.childId, [...childIds])).orderBy(consents.recordedAt);
}

export async function findConsentById(db: Db, { consents }: SectorTables, id: string): Promise<ConsentRow | undefined> {
  const [row] = await db.select().from(consents).where(eq(consents.id, id));
  return row;
}

export async function insertConsent(db: Db, { consents }: SectorTables, row: typeof consents.$inferInsert): Promise<ConsentRow> {
  const [inserted] = await db.insert(consents).values(row).returning();
  return inserted!;
}

/** Marks a consent withdrawn unless it already is; returns the row only when this call withdrew it. */
export async function markConsentWithdrawn(
  db: Db,
  { consents }: SectorTables,
  id: string,
  by: string,
  at: Date,
): Promise<ConsentRow | undefined> {
  const [row] = await db
    .update(consents)
    .set({ withdrawnAt: at.toISOString(), withdrawnBy: by })
    .where(and(eq(consents.id, id), isNull(consents.withdrawnAt)))
    .returning();
  return row;
}

export async function appendAccessLog(db: Db, { accessLog }: SectorTables, rows: (typeof accessLog.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(accessLog).values(rows);
  const { accessLogWrites } = metricsOf(serviceOfSchema(getTableConfig(accessLog).schema ?? ''));
  for (const row of rows) accessLogWrites.inc({ action: row.action });
}

/** Newest first; `before` is the id of the last entry of the previous page (ids are time-ordered UUIDv7). */
export async function listAccessLog(
  db: Db,
  { accessLog }: SectorTables,
  childId: string,
  limit: number,
  before: string | undefined,
): Promise<AccessLogRow[]> {
  return db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.childId, childId), before === undefined ? undefined : lt(accessLog.id, before)))
    .orderBy(desc(accessLog.id))
    .limit(limit);
}
