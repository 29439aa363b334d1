import { and, asc, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { uuid7 } from '@pathway-graph/shared';
import { nextStatus, type LetterEvent, type LetterStatus } from '../rules/status.ts';
import type { GeneralPracticeDb } from './repository.ts';
import { children, letters, letterStatusHistory, replies, type LetterRow, type ReplyRow } from './schema.ts';

/** A database or an open transaction on it. */
type Db = GeneralPracticeDb;

export type NewLetter = typeof letters.$inferInsert;

/**
 * Inserts the letter unless its messageId is taken (ON CONFLICT DO NOTHING), then returns the row that holds the
 * messageId: `created` tells whether it is this call's. Concurrent inserts of one messageId wait on the unique index
 * for the first transaction; the SELECT that follows (a statement of its own, READ COMMITTED) then sees its row.
 */
export async function insertLetterOnce(tx: Db, row: NewLetter): Promise<{ letter: LetterRow; created: boolean }> {
  const [inserted] = await tx.insert(letters).values(row).onConflictDoNothing({ target: letters.messageId }).returning();
  if (inserted) return { letter: inserted, created: true };
  const [existing] = await tx.select().from(letters).where(eq(letters.messageId, row.messageId));
  if (!existing) throw new Error('letter insert conflicted but no letter holds the messageId');
  return { letter: existing, created: false };
}

export async function insertStatusChange(tx: Db, letterId: string, status: LetterStatus, note: string | null = null): Promise<void> {
  await tx.insert(letterStatusHistory).values({ id: uuid7(), letterId, status, note });
}

export async function findLetterById(db: Db, id: string): Promise<LetterRow | undefined> {
  const [row] = await db.select().from(letters).where(eq(letters.id, id));
  return row;
}

export async function findLettersByIds(db: Db, ids: readonly string[]): Promise<LetterRow[]> {
  return db.select().from(letters).where(inArray(letters.id, [...ids]));
}

/** The letter a MedCom message names by its MessageHeader.id (before header ids were kept apart: the client's id). */
const byHeaderId = (headerId: string) => or(eq(letters.headerId, headerId), and(isNull(letters.headerId), eq(letters.messageId, headerId)));

export async function findLetterByMessageId(db: Db, headerId: string): Promise<LetterRow | undefined> {
  const [row] = await db.select().from(letters).where(byHeaderId(headerId));
  return row;
}

/** The child's official name from the practice's record, or undefined when the record has none. */
export async function findChildNameByCpr(db: Db, cpr: string): Promise<{ givenNames: string | null; familyName: string } | undefined> {
  const [row] = await db.select({ givenNames: children.givenNames, familyName: children.familyName }).from(children).where(eq(children.cpr, cpr));
  return row?.familyName ? { givenNames: row.givenNames, familyName: row.familyName } : undefined;
}

/** The bytes of the letter's bundle as now delivered (a resend's new envelope). */
export async function setLetterBundle(tx: Db, headerId: string, bundle: string): Promise<void> {
  await tx.update(letters).set({ bundle }).where(byHeaderId(headerId));
}

/** One page of a practice's letters, newest first (ids are UUIDv7); fetches `limit` rows. */
export async function listLetters(
  db: Db,
  practice: string,
  status: LetterStatus | undefined,
  limit: number,
  beforeId: string | undefined,
): Promise<LetterRow[]> {
  return db
    .select()
    .from(letters)
    .where(
      and(
        eq(letters.practice, practice),
        status === undefined ? undefined : eq(letters.status, status),
        beforeId === undefined ? undefined : lt(letters.id, beforeId),
      ),
    )
    .orderBy(desc(letters.id))
    .limit(limit);
}

export async function findHistoryByLetterIds(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(letterStatusHistory)
    .where(inArray(letterStatusHistory.letterId, [...ids]))
    .orderBy(asc(letterStatusHistory.id));
}

export async function findRepliesByLetterIds(db: Db, ids: readonly string[]): Promise<ReplyRow[]> {
  return db.select().from(replies).where(inArray(replies.letterId, [...ids])).orderBy(asc(replies.receivedAt));
}

/**
 * Applies an event to the letter with this message id, under a row lock so concurrent receipts are serialised; a
 * status change is recorded in the history. Returns the letter (changed or not), or undefined when there is none.
 */
export async function applyLetterEvent(
  tx: Db,
  messageId: string,
  event: LetterEvent,
  note: string | null = null,
): Promise<LetterRow | undefined> {
  const [letter] = await tx.select().from(letters).where(byHeaderId(messageId)).for('update');
  if (!letter) return undefined;
  const status = nextStatus(letter.status, event);
  if (status === null) return letter;
  const [updated] = await tx.update(letters).set({ status }).where(eq(letters.id, letter.id)).returning();
  await insertStatusChange(tx, letter.id, status, note);
  return updated;
}

/** Takes over the due date the receiving municipality computed from its own deadline setting. */
export async function setReplyDueOn(tx: Db, headerId: string, replyDueOn: string): Promise<void> {
  await tx.update(letters).set({ replyDueOn }).where(byHeaderId(headerId));
}

export async function insertReplyOnce(tx: Db, row: typeof replies.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(replies).values(row).onConflictDoNothing({ target: replies.messageId }).returning({ id: replies.id });
  return inserted.length > 0;
}

/** A reply received again in a new envelope: its latest bytes are what its export returns. */
export async function setReplyBundle(tx: Db, messageId: string, bundleText: string): Promise<void> {
  await tx.update(replies).set({ bundleText }).where(eq(replies.messageId, messageId));
}

/** What the pathway's timeline needs of the letters sent about a batch of children (never their text): one statement. */
export async function findLetterStepsByChildIds(db: Db, childIds: readonly string[]) {
  return db
    .select({ id: letters.id, childId: letters.childId, sentAt: letters.sentAt, step: letters.step, practice: letters.practice, recipientMunicipalityCode: letters.recipientMunicipalityCode })
    .from(letters)
    .where(inArray(letters.childId, [...childIds]))
    .orderBy(asc(letters.id));
}
