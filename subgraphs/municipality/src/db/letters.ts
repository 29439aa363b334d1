import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { OutboxStatus } from '@pathway-graph/shared';
import type { MunicipalityDb } from './repository.ts';
import {
  letterEvents,
  letterReplies,
  municipalities,
  outbox,
  receivedLetters,
  type MunicipalityRow,
  type LetterEventRow,
  type LetterReplyRow,
  type LetterStatus,
  type ReceivedLetterRow,
} from './schema.ts';

/** A received letter with whether its child is known to the receiving municipality (an open case there), at read time. */
export type LetterRecord = ReceivedLetterRow & { knownToMunicipality: boolean };

/** Decided at read time, so a case opened or closed after receipt shows at once. */
// Written out with explicit qualifiers: inside a select list drizzle renders columns unqualified, and both tables have
// child_id and municipality_code, so the correlation would silently compare each column with itself.
// Probed per letter through the partial index of open cases (a scalar subquery with LIMIT 1): an EXISTS here was planned
// as a hashed subplan that read every open case of the region for each inbox page.
const knownToMunicipality = sql<boolean>`coalesce((select true from "municipality"."municipal_cases" open_case where open_case.child_id = "received_letters"."child_id" and open_case.municipality_code = "received_letters"."municipality_code" and open_case.closed_on is null limit 1), false)`;

function selectLetters(db: MunicipalityDb) {
  return db
    .select({ letter: receivedLetters, known: knownToMunicipality })
    .from(receivedLetters)
    .$dynamic();
}

const toRecord = ({ letter, known }: { letter: ReceivedLetterRow; known: boolean }): LetterRecord => ({
  ...letter,
  knownToMunicipality: known === true || (known as unknown) === 't',
});

/** Stores a letter unless its message id is already stored; true when this call stored it (then also logs RECEIVED). */
export async function insertLetterOnce(tx: MunicipalityDb, row: typeof receivedLetters.$inferInsert, eventId: string): Promise<boolean> {
  const inserted = await tx
    .insert(receivedLetters)
    .values(row)
    .onConflictDoNothing({ target: receivedLetters.messageId })
    .returning({ id: receivedLetters.id });
  if (inserted.length === 0) return false;
  await tx.insert(letterEvents).values({ id: eventId, letterId: row.id, kind: 'RECEIVED', at: row.receivedAt });
  return true;
}

export interface InboxFilter {
  municipalityCode: number;
  status?: LetterStatus | null;
  department?: 'CHILDREN_AND_YOUTH' | 'HEALTH_AND_ELDERLY' | null;
  /** Only letters received before this instant. */
  receivedBefore?: string | null;
  /** Only letters received on or before this day (the age filter, resolved against today). */
  receivedOnOrBefore?: string | null;
  assigneeSubject?: string | null;
  unassigned?: boolean | null;
  /** true: only overdue letters; false: only those that are not. Needs `today`. */
  overdue?: boolean | null;
  today: string;
}

/** One page of a municipality's inbox, newest first; fetches `limit` rows (callers ask for one extra). */
export async function listInbox(db: MunicipalityDb, f: InboxFilter, limit: number, beforeId: string | undefined): Promise<LetterRecord[]> {
  const overdue = and(lt(receivedLetters.replyDueOn, f.today), ne(receivedLetters.status, 'ANSWERED'));
  const conditions: (SQL | undefined)[] = [
    eq(receivedLetters.municipalityCode, f.municipalityCode),
    f.status ? eq(receivedLetters.status, f.status) : undefined,
    f.department ? eq(receivedLetters.department, f.department) : undefined,
    f.receivedBefore ? lt(receivedLetters.receivedAt, f.receivedBefore) : undefined,
    f.receivedOnOrBefore ? lte(receivedLetters.receivedOn, f.receivedOnOrBefore) : undefined,
    f.assigneeSubject ? eq(receivedLetters.assigneeSubject, f.assigneeSubject) : undefined,
    f.unassigned === true ? isNull(receivedLetters.assigneeSubject) : undefined,
    f.unassigned === false ? sql`${receivedLetters.assigneeSubject} is not null` : undefined,
    f.overdue === true ? overdue : undefined,
    f.overdue === false ? sql`not (${overdue})` : undefined,
    beforeId === undefined ? undefined : lt(receivedLetters.id, beforeId),
  ];
  const rows = await selectLetters(db)
    .where(and(...conditions))
    .orderBy(desc(receivedLetters.id))
    .limit(limit);
  return rows.map(toRecord);
}

export async function findLettersByIds(db: MunicipalityDb, ids: readonly string[]): Promise<LetterRecord[]> {
  const rows = await selectLetters(db).where(inArray(receivedLetters.id, [...ids]));
  return rows.map(toRecord);
}

export async function findLetterForUpdate(tx: MunicipalityDb, id: string): Promise<LetterRecord | undefined> {
  const [row] = await selectLetters(tx).where(eq(receivedLetters.id, id)).for('update');
  return row ? toRecord(row) : undefined;
}

export async function updateLetter(tx: MunicipalityDb, id: string, set: Partial<typeof receivedLetters.$inferInsert>): Promise<void> {
  await tx.update(receivedLetters).set(set).where(eq(receivedLetters.id, id));
}

export async function insertLetterEvent(tx: MunicipalityDb, row: typeof letterEvents.$inferInsert): Promise<void> {
  await tx.insert(letterEvents).values(row);
}

export async function insertReply(tx: MunicipalityDb, row: typeof letterReplies.$inferInsert): Promise<LetterReplyRow> {
  const [inserted] = await tx.insert(letterReplies).values(row).returning();
  return inserted!;
}

export async function findEventsByLetterIds(db: MunicipalityDb, ids: readonly string[]): Promise<LetterEventRow[]> {
  return db.select().from(letterEvents).where(inArray(letterEvents.letterId, [...ids])).orderBy(asc(letterEvents.id));
}

/** A reply with how its message fares in the outbox (null only if the outbox row were gone). */
export type ReplyRecord = LetterReplyRow & { outboxStatus: OutboxStatus | null; outboxError: string | null; deliveredAt: string | null };

/** The replies of many letters, each with its outbox row's delivery state, in one statement. */
export async function findRepliesByLetterIds(db: MunicipalityDb, ids: readonly string[]): Promise<ReplyRecord[]> {
  return db
    .select({ ...getTableColumns(letterReplies), outboxStatus: outbox.status, outboxError: outbox.lastError, deliveredAt: outbox.deliveredAt })
    .from(letterReplies)
    .leftJoin(outbox, eq(outbox.messageId, letterReplies.messageId))
    .where(inArray(letterReplies.letterId, [...ids]));
}

/** Sets a municipality's reply deadline; the updated row, or undefined when the code is not in the reference data. */
export async function updateReplyDeadline(db: MunicipalityDb, municipalityCode: number, workingDays: number): Promise<MunicipalityRow | undefined> {
  const [row] = await db
    .update(municipalities)
    .set({ replyDeadlineWorkingDays: workingDays })
    .where(eq(municipalities.code, municipalityCode))
    .returning();
  return row;
}

/** A letter received again in a new envelope (a resend): its latest bytes are kept. */
export async function setLetterBundle(tx: MunicipalityDb, messageId: string, bundle: string): Promise<void> {
  await tx.update(receivedLetters).set({ bundle }).where(eq(receivedLetters.messageId, messageId));
}

/** The bytes of a reply as now sent (a resend's new envelope). */
export async function setReplyBundle(tx: MunicipalityDb, messageId: string, bundle: string): Promise<void> {
  await tx.update(letterReplies).set({ bundle }).where(eq(letterReplies.messageId, messageId));
}

/**
 * The names of the children whose letters this municipality received (given names and family name, as the MedCom
 * letters carried them), for the anonymity check of BUA's advisory service. One statement; never logged.
 */
export async function findKnownChildNames(db: MunicipalityDb, municipalityCode: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ given: receivedLetters.childGivenNames, family: receivedLetters.childFamilyName })
    .from(receivedLetters)
    .where(and(eq(receivedLetters.municipalityCode, municipalityCode), sql`${receivedLetters.childFamilyName} is not null`));
  return rows.map((r) => [r.given, r.family].filter(Boolean).join(' '));
}

/**
 * What the pathway's timeline needs of the letters received about a batch of children (never their text or who
 * handled them): when each arrived, was read and was answered. One statement, the reply joined.
 */
export async function findLetterCoursesByChildIds(db: MunicipalityDb, childIds: readonly string[]) {
  return db
    .select({
      id: receivedLetters.id,
      childId: receivedLetters.childId,
      municipalityCode: receivedLetters.municipalityCode,
      step: receivedLetters.step,
      receivedAt: receivedLetters.receivedAt,
      readAt: receivedLetters.readAt,
      repliedAt: letterReplies.repliedAt,
    })
    .from(receivedLetters)
    .leftJoin(letterReplies, eq(letterReplies.letterId, receivedLetters.id))
    .where(inArray(receivedLetters.childId, [...childIds]))
    .orderBy(asc(receivedLetters.id));
}
