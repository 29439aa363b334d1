import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { AnyDatabase } from '../../db/database.ts';
import type { ContactPersonEventRow, CoordinationTables, NetworkMeetingRow, StoredAgreedAction } from './tables.ts';

// Any sector's database: these functions only touch the coordination tables passed with it.
type Db = AnyDatabase<Record<string, unknown>>;

/**
 * Serialises changes to one child's records of one kind until the transaction ends, so two people recording at the
 * same moment cannot both pass a rule that looks at the history (one active contact person per sector). The key
 * includes the table's schema: every subgraph's tables may share one database.
 */
export async function lockChildRecords(tx: Db, table: PgTable, childId: string): Promise<void> {
  const config = getTableConfig(table);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pathway-graph:${config.schema ?? 'public'}.${config.name}:${childId}`}))`);
}

export async function findContactPersonEventsByChildIds(
  db: Db,
  { contactPersonEvents }: CoordinationTables,
  childIds: readonly string[],
): Promise<ContactPersonEventRow[]> {
  return db.select().from(contactPersonEvents).where(inArray(contactPersonEvents.childId, [...childIds])).orderBy(asc(contactPersonEvents.id));
}

export async function insertContactPersonEvent(
  db: Db,
  { contactPersonEvents }: CoordinationTables,
  row: typeof contactPersonEvents.$inferInsert,
): Promise<ContactPersonEventRow> {
  const [inserted] = await db.insert(contactPersonEvents).values(row).returning();
  return inserted!;
}

export async function findNetworkMeetingsByChildIds(db: Db, { networkMeetings }: CoordinationTables, childIds: readonly string[]): Promise<NetworkMeetingRow[]> {
  return db.select().from(networkMeetings).where(inArray(networkMeetings.childId, [...childIds])).orderBy(asc(networkMeetings.id));
}

export async function findNetworkMeetingById(db: Db, { networkMeetings }: CoordinationTables, id: string): Promise<NetworkMeetingRow | undefined> {
  const [row] = await db.select().from(networkMeetings).where(eq(networkMeetings.id, id));
  return row;
}

export async function insertNetworkMeeting(
  db: Db,
  { networkMeetings }: CoordinationTables,
  row: typeof networkMeetings.$inferInsert,
): Promise<NetworkMeetingRow> {
  const [inserted] = await db.insert(networkMeetings).values(row).returning();
  return inserted!;
}

export async function updateNetworkMeetingActions(
  db: Db,
  { networkMeetings }: CoordinationTables,
  id: string,
  actions: StoredAgreedAction[],
): Promise<NetworkMeetingRow> {
  const [row] = await db.update(networkMeetings).set({ actions }).where(eq(networkMeetings.id, id)).returning();
  return row!;
}
