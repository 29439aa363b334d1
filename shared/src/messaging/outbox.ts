import { context, propagation } from '@opentelemetry/api';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { SubgraphName } from '../config.ts';
import type { AnyDatabase } from '../db/database.ts';
import { checkPayload, isMessageKind, mayTransmit, type KindsFrom, type MessageKind, type MessagePayload, type ReceiversOf } from './contract.ts';
import { findUnstorable, MAX_MESSAGE_BYTES } from './storable.ts';
import type { MessagingTables, OutboxRow } from './tables.ts';
import { announceQueued } from './wake.ts';

/** A subgraph's database or an open transaction on it; messaging needs only its own two tables. */
export type MessagingDb = AnyDatabase<Record<string, unknown>>;

/** A message about to be queued by `from`: one of the kinds it may send, to one of that kind's receivers. */
export interface OutgoingMessage<K extends MessageKind = MessageKind> {
  kind: K;
  to: ReceiversOf<K>;
  /** Chosen by the sender and kept across retries: the recipient stores each id once. */
  messageId: string;
  /** The child's pseudonym; messages about one child to one recipient are delivered in the order they were queued. */
  childId: string;
  payload: MessagePayload<K>;
  /** The message this one answers (an acknowledgement: the message it acknowledges), so it can be resent for it. */
  respondsTo?: string;
}

/** A message the contract refuses: a bug in the sending sector's code, so nothing is stored. */
export class MessageContractError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}: ${problems.join('; ')}` : message);
    this.name = 'MessageContractError';
  }
}

/** Message ids: what a FHIR id, a UUID or a URN allows, bounded; the receivers refuse anything else. */
export const MESSAGE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** The text a waiting message shows while an earlier FAILED message for the same child and recipient holds it back. */
export const waitingFor = (messageId: string) => `waiting for message ${messageId}, which FAILED: retry it or give it up`;

/**
 * Checks a message against the contract, exactly as its receiver will (kind allowed from this sender to that
 * receiver, payload schema, storable JSON within the body limit). Returns the payload to store.
 */
export function assertSendable(from: SubgraphName, m: OutgoingMessage): unknown {
  if (!isMessageKind(m.kind)) throw new MessageContractError(`No message kind ${String(m.kind)} in the contract`);
  if (!mayTransmit(m.kind, from, m.to)) throw new MessageContractError(`The contract does not let ${from} send ${m.kind} to ${m.to}`);
  if (typeof m.messageId !== 'string' || !MESSAGE_ID.test(m.messageId)) {
    throw new MessageContractError('messageId must be 1 to 200 letters, digits, ".", "_", ":" or "-"');
  }
  if (typeof m.childId !== 'string' || m.childId.length === 0) throw new MessageContractError('childId (the pseudonym) is required');
  const checked = checkPayload(m.kind, m.payload);
  if (!checked.ok) throw new MessageContractError(`The ${m.kind} payload breaks the contract`, checked.problems);
  const unstorable = findUnstorable(checked.value);
  if (unstorable) throw new MessageContractError(`The ${m.kind} payload cannot be delivered`, [unstorable]);
  if (Buffer.byteLength(JSON.stringify(checked.value)) > MAX_MESSAGE_BYTES - 1024) {
    throw new MessageContractError(`The ${m.kind} payload is over the message size limit (${MAX_MESSAGE_BYTES} bytes)`);
  }
  return checked.value;
}

/** The active span's W3C `traceparent`, or null outside a trace (and whenever tracing is off). */
function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/**
 * Queues a message for delivery. Call it with the transaction that writes the sender's own record, so both commit or
 * neither does; a message the contract refuses throws MessageContractError and so rolls that transaction back. A
 * second message with the same id is refused (unique violation): reusing an id would make the recipient drop the
 * second message as a duplicate.
 */
export async function enqueueMessage<S extends SubgraphName, K extends KindsFrom<S>>(
  tx: MessagingDb,
  tables: MessagingTables,
  from: S,
  m: OutgoingMessage<K>,
): Promise<void> {
  const payload = assertSendable(from, m as OutgoingMessage);
  const { outbox } = tables;
  // Two transactions enqueueing for the same child could otherwise commit in the opposite order of their sequence
  // numbers, and a worker would send the later one before the earlier one is visible. Holding a per-child lock until
  // commit makes sequence order equal commit order. The key includes the schema: every subgraph's outbox may share
  // one database.
  const lockKey = `pathway-graph:outbox:${getTableConfig(outbox).schema ?? 'public'}:${m.childId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
  // Queued behind a FAILED message, it says so from the start (the worker marks those already queued).
  const [blocking] = await tx
    .select({ messageId: outbox.messageId })
    .from(outbox)
    .where(and(eq(outbox.childId, m.childId), eq(outbox.destination, m.to), eq(outbox.status, 'FAILED')))
    .orderBy(asc(outbox.sequence))
    .limit(1);
  await tx.insert(outbox).values({
    messageId: m.messageId,
    childId: m.childId,
    destination: m.to,
    kind: m.kind,
    payload,
    respondsTo: m.respondsTo ?? null,
    lastError: blocking ? waitingFor(blocking.messageId) : null,
    traceparent: currentTraceparent(),
  });
  announceQueued(tables);
}

/** The later messages a FAILED message holds back: same child, same recipient, still queued. */
/** Per destination: the messages waiting to be delivered (QUEUED) and the age of the oldest, for the metrics. */
export async function outboxBacklog(db: MessagingDb, { outbox }: MessagingTables): Promise<{ destination: string; pending: number; oldestPendingSeconds: number }[]> {
  const rows = await db
    .select({
      destination: outbox.destination,
      pending: sql<number>`count(*)::int`,
      oldest: sql<number>`coalesce(extract(epoch from now() - min(${outbox.createdAt})), 0)::float8`,
    })
    .from(outbox)
    .where(eq(outbox.status, 'QUEUED'))
    .groupBy(outbox.destination);
  return rows.map((r) => ({ destination: r.destination, pending: Number(r.pending), oldestPendingSeconds: Math.max(0, Number(r.oldest)) }));
}

export function successorsOf(tables: MessagingTables, row: Pick<OutboxRow, 'childId' | 'destination' | 'sequence'>) {
  const { outbox } = tables;
  return and(eq(outbox.childId, row.childId), eq(outbox.destination, row.destination), eq(outbox.status, 'QUEUED'), gt(outbox.sequence, row.sequence));
}

/** A payload built again (a new envelope) must still satisfy the contract, exactly as when it was first queued. */
export function assertResendable(kind: MessageKind, payload: unknown): unknown {
  const checked = checkPayload(kind, payload);
  if (!checked.ok) throw new MessageContractError(`The new envelope of a ${kind} message breaks the contract`, checked.problems);
  return checked.value;
}

/**
 * Builds the payload of a message sent again after it had reached its recipient: the same message in a new envelope
 * (for a MedCom message, a new Bundle.id and timestamp). Runs in the transaction that queues the resend.
 */
export type Reenvelope = (tx: MessagingDb, row: OutboxRow) => Promise<unknown>;

/**
 * Puts a FAILED message back in the queue with a fresh set of attempts (and of resends); its successors keep waiting
 * behind it, and then follow in order. A message that had reached its recipient before (it failed for want of an
 * acknowledgement, or by the acknowledgement's refusal) goes in the new envelope `reenvelope` builds, when given: a
 * person's re-dispatch is a new send. False when it is not FAILED (or unknown).
 */
export async function retryFailedMessage(db: MessagingDb, tables: MessagingTables, messageId: string, reenvelope?: Reenvelope): Promise<boolean> {
  const { outbox } = tables;
  const [row] = await db.select().from(outbox).where(and(eq(outbox.messageId, messageId), eq(outbox.status, 'FAILED'))).for('update');
  if (!row) return false;
  const payload = row.deliveredAt !== null && reenvelope ? assertResendable(row.kind, await reenvelope(db, row)) : undefined;
  const rows = await db
    .update(outbox)
    .set({ status: 'QUEUED', attempts: 0, resends: 0, nextAttemptAt: sql`now()`, ...(payload === undefined ? {} : { payload }) })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'FAILED')))
    .returning({ id: outbox.id });
  if (rows.length > 0) announceQueued(tables);
  return rows.length > 0;
}

/** What the recipient's acknowledgement (a message of its own) says about a message that awaits it. */
export type AcknowledgementOutcome = { ok: true } | { ok: false; permanent: true; reason: string } | { ok: false; permanent: false };

/**
 * Records a recipient's acknowledgement of message `messageId`, in the transaction that applies the acknowledgement:
 * ok makes it DELIVERED (also when it had been given up for want of one: it got through after all, and no longer
 * holds anything back); a permanent refusal makes it FAILED with the reason, holding back its successors like any
 * FAILED message; a temporary one has it resent (in a new envelope, counted as a resend) on the worker's next pass.
 * Returns the message as it was, or undefined when this outbox has no such message.
 */
export async function acknowledgeMessage(
  tx: MessagingDb,
  tables: MessagingTables,
  messageId: string,
  outcome: AcknowledgementOutcome,
): Promise<OutboxRow | undefined> {
  const { outbox } = tables;
  const [row] = await tx.select().from(outbox).where(eq(outbox.messageId, messageId)).for('update');
  if (!row) return undefined;
  if (outcome.ok) {
    if (row.status === 'DELIVERED' || row.status === 'GIVEN_UP') return row;
    await tx
      .update(outbox)
      .set({ status: 'DELIVERED', deliveredAt: sql`coalesce(${outbox.deliveredAt}, now())`, lastError: null })
      .where(eq(outbox.id, row.id));
    if (row.status === 'FAILED') {
      await tx.update(outbox).set({ lastError: null }).where(and(successorsOf(tables, row), eq(outbox.lastError, waitingFor(row.messageId))));
      // Its successors may go now.
      announceQueued(tables);
    }
    return row;
  }
  if (outcome.permanent) {
    if (row.status !== 'QUEUED' && row.status !== 'AWAITING_ACKNOWLEDGEMENT') return row;
    const reason = `refused by the recipient's acknowledgement: ${outcome.reason}`.slice(0, 500);
    await tx.update(outbox).set({ status: 'FAILED', lastError: reason, nextAttemptAt: sql`now()` }).where(eq(outbox.id, row.id));
    await tx.update(outbox).set({ lastError: waitingFor(row.messageId) }).where(successorsOf(tables, row));
    return row;
  }
  if (row.status === 'AWAITING_ACKNOWLEDGEMENT') {
    await tx
      .update(outbox)
      .set({ nextAttemptAt: sql`now()`, lastError: 'the recipient acknowledged a temporary error; resending' })
      .where(eq(outbox.id, row.id));
    announceQueued(tables);
  }
  return row;
}

/**
 * Sends a message once more in the envelope `reenvelope` builds, whatever became of it (a recipient answering a
 * resent message sends its acknowledgement again: MedCom's reliable messaging, "the same acknowledgement content").
 * Leaves a message that is still queued alone: it is on its way. False when there is none.
 */
export async function resendMessage(tx: MessagingDb, tables: MessagingTables, messageId: string, reenvelope: Reenvelope): Promise<boolean> {
  const { outbox } = tables;
  const [row] = await tx.select().from(outbox).where(eq(outbox.messageId, messageId)).for('update');
  if (!row || row.status === 'QUEUED') return false;
  const payload = assertResendable(row.kind, await reenvelope(tx, row));
  await tx
    .update(outbox)
    .set({ payload, status: 'QUEUED', attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(eq(outbox.id, row.id));
  announceQueued(tables);
  return true;
}

/** The message queued in answer to `messageId` (e.g. its acknowledgement), if any. */
export async function findResponseTo(db: MessagingDb, tables: MessagingTables, messageId: string): Promise<OutboxRow | undefined> {
  const { outbox } = tables;
  const [row] = await db.select().from(outbox).where(eq(outbox.respondsTo, messageId)).orderBy(asc(outbox.sequence)).limit(1);
  return row;
}

/**
 * A person's decision that a FAILED message will never be sent (`note` says who and why; no personal data): it is
 * GIVEN_UP and no longer holds back the later messages for its child and recipient, which then go in order. False
 * when it is not FAILED (or unknown).
 */
export async function giveUpFailedMessage(db: MessagingDb, tables: MessagingTables, messageId: string, note: string): Promise<boolean> {
  const { outbox } = tables;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ status: 'GIVEN_UP', lastError: sql`${`given up (${note.slice(0, 200)}) after: `} || coalesce(${outbox.lastError}, 'no error recorded')` })
      .where(and(eq(outbox.messageId, messageId), eq(outbox.status, 'FAILED')))
      .returning();
    if (!row) return false;
    await tx.update(outbox).set({ lastError: null }).where(and(successorsOf(tables, row), eq(outbox.lastError, waitingFor(messageId))));
    announceQueued(tables);
    return true;
  });
}

/** A message as the receiving side stores it. */
export interface StoredMessage {
  messageId: string;
  kind: MessageKind;
  sender: string;
  payload: unknown;
}

/**
 * Records a received message unless its id is already recorded. True when it is new: the caller then applies it, in
 * the same transaction, so a message is applied exactly once however often it is delivered. A concurrent delivery of
 * the same id waits on the primary key until this transaction ends, then sees it as a duplicate.
 */
export async function storeReceivedOnce(tx: MessagingDb, tables: MessagingTables, m: StoredMessage): Promise<boolean> {
  const { receivedMessages } = tables;
  const rows = await tx
    .insert(receivedMessages)
    .values({ messageId: m.messageId, kind: m.kind, sender: m.sender, payload: m.payload })
    .onConflictDoNothing({ target: receivedMessages.messageId })
    .returning({ messageId: receivedMessages.messageId });
  return rows.length > 0;
}

/** The stored record of a received message id (a redelivery is answered from it). */
export async function findReceivedMessage(db: MessagingDb, tables: MessagingTables, messageId: string) {
  const { receivedMessages } = tables;
  const [row] = await db.select().from(receivedMessages).where(eq(receivedMessages.messageId, messageId));
  return row;
}

/** A message received again in a new envelope (a resend): the envelope recorded is the latest. */
export async function recordResentPayload(tx: MessagingDb, tables: MessagingTables, messageId: string, payload: unknown): Promise<void> {
  const { receivedMessages } = tables;
  await tx.update(receivedMessages).set({ payload }).where(eq(receivedMessages.messageId, messageId));
}

export async function recordResponse(tx: MessagingDb, tables: MessagingTables, messageId: string, response: unknown): Promise<void> {
  const { receivedMessages } = tables;
  await tx.update(receivedMessages).set({ response }).where(eq(receivedMessages.messageId, messageId));
}
