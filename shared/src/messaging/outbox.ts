import { and, eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { AnyDatabase } from '../db/database.ts';
import type { Destination, MessageKind, MessagingTables } from './tables.ts';

/** A subgraph's database or an open transaction on it; messaging needs only its own two tables. */
export type MessagingDb = AnyDatabase<Record<string, unknown>>;

export interface OutgoingMessage {
  messageId: string;
  /** The child's pseudonym; messages about one child are delivered in the order they were enqueued. */
  childId: string;
  destination: Destination;
  kind: MessageKind;
  payload: unknown;
}

/**
 * Queues a message for delivery. Call it with the transaction that writes the sender's own record, so both commit or
 * neither does. A second message with the same id is refused (unique violation): reusing an id would make the
 * recipient drop the second message as a duplicate.
 */
export async function enqueueMessage(tx: MessagingDb, tables: MessagingTables, m: OutgoingMessage): Promise<void> {
  if (m.payload === undefined) throw new TypeError('enqueueMessage: payload is required');
  const { outbox } = tables;
  // Two transactions enqueueing for the same child could otherwise commit in the opposite order of their sequence
  // numbers, and a worker would send the later one before the earlier one is visible. Holding a per-child lock until
  // commit makes sequence order equal commit order. The key includes the schema: every subgraph's outbox may share
  // one database.
  const lockKey = `pathway-graph:outbox:${getTableConfig(outbox).schema ?? 'public'}:${m.childId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
  await tx.insert(outbox).values({
    messageId: m.messageId,
    childId: m.childId,
    destination: m.destination,
    kind: m.kind,
    payload: m.payload,
  });
}

/** Puts a FAILED message back in the queue with a fresh set of attempts. False when it is not FAILED (or unknown). */
export async function retryFailedMessage(db: MessagingDb, tables: MessagingTables, messageId: string): Promise<boolean> {
  const { outbox } = tables;
  const rows = await db
    .update(outbox)
    .set({ status: 'QUEUED', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.messageId, messageId), eq(outbox.status, 'FAILED')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export interface ReceivedMessage {
  messageId: string;
  kind: MessageKind;
  sender: string;
  payload: unknown;
}

/**
 * Records a received message unless its id is already recorded. True when it is new: the caller then applies it, in
 * the same transaction, so a message is applied exactly once however often it is delivered.
 */
export async function storeReceivedOnce(tx: MessagingDb, tables: MessagingTables, m: ReceivedMessage): Promise<boolean> {
  const { receivedMessages } = tables;
  const rows = await tx
    .insert(receivedMessages)
    .values({ messageId: m.messageId, kind: m.kind, sender: m.sender, payload: m.payload })
    .onConflictDoNothing({ target: receivedMessages.messageId })
    .returning({ messageId: receivedMessages.messageId });
  return rows.length > 0;
}
