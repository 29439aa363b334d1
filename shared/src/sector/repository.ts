import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Sector } from '../auth/principal.ts';
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

/** `recordedBySector` only for a consents table that has the column (screening's, sector/tables.ts). */
export async function insertConsent(
  db: Db,
  { consents }: SectorTables,
  row: typeof consents.$inferInsert & { recordedBySector?: Sector },
): Promise<ConsentRow> {
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

/**
 * Appends the entries in one statement whose text never changes with the number of rows: the rows travel as one JSON
 * parameter that the database unpacks (`jsonb_to_recordset`). Drizzle's multi-row insert builds and the driver binds
 * thirteen parameters per row, which made the log the largest single cost of reading a page of children; this costs
 * one JSON.stringify. The entries are the same rows as before, in the same table, written before the response leaves.
 */
export async function appendAccessLog(db: Db, { accessLog }: SectorTables, rows: (typeof accessLog.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`insert into ${accessLog} (${ACCESS_LOG_COLUMN_LIST}) select ${ACCESS_LOG_SOURCE_LIST} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${ACCESS_LOG_RECORD})`,
  );
  const { accessLogWrites } = metricsOf(serviceOfSchema(getTableConfig(accessLog).schema ?? ''));
  for (const row of rows) accessLogWrites.inc({ action: row.action });
}

/**
 * The access log's columns as `jsonb_to_recordset` reads them: the JSON keys are the rows' own (camelCase) property
 * names, quoted, written to the table's snake_case columns (a test checks the list against the table's columns).
 */
export const ACCESS_LOG_COLUMNS = [
  ['id', 'uuid'],
  ['at', 'timestamptz'],
  ['action', 'text'],
  ['actorSubject', 'text'],
  ['actorName', 'text'],
  ['actorSector', 'text'],
  ['actorOrganisation', 'text'],
  ['actorRoles', 'text[]'],
  ['childId', 'text'],
  ['operation', 'text'],
  ['parts', 'text[]'],
  ['purpose', 'text'],
  ['requestId', 'text'],
  ['callerRequestId', 'text'],
] as const;
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const ACCESS_LOG_COLUMN_LIST = sql.raw(ACCESS_LOG_COLUMNS.map(([key]) => `"${snake(key)}"`).join(', '));
const ACCESS_LOG_SOURCE_LIST = sql.raw(ACCESS_LOG_COLUMNS.map(([key]) => `"${key}"`).join(', '));
const ACCESS_LOG_RECORD = sql.raw(ACCESS_LOG_COLUMNS.map(([key, type]) => `"${key}" ${type}`).join(', '));

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
