import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { SubgraphName } from '../config.ts';
import { uuid7 } from '../uuid7.ts';
import type { MessageKind } from './contract.ts';

/**
 * QUEUED: waiting to be sent (or being sent, or waiting for its retry). DELIVERED: the recipient stored it.
 * FAILED: refused for good by the recipient, or out of attempts; it holds back the later messages for the same child
 * and recipient until it is retried or given up. GIVEN_UP: a person decided it will never be sent; it no longer
 * holds anything back.
 */
export const OUTBOX_STATUSES = ['QUEUED', 'DELIVERED', 'FAILED', 'GIVEN_UP'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The two tables of cross-sector messaging, defined once for every subgraph's own Postgres schema (as the sector
 * tables are), so the outbox a worker claims from and the inbox an endpoint writes to cannot drift between sectors.
 *
 * - `outbox`: written in the same transaction as the sender's own record, so a message exists exactly when the
 *   record does; the delivery worker sends it afterwards.
 * - `received_messages`: the recipient's record of every message id it has stored, which makes redelivery harmless.
 *
 * Kinds and subgraph names are plain text: the contract (kinds.ts) is the list of valid values, so a new message kind
 * or sector needs no migration.
 */
export function defineMessagingTables(schema: PgSchema) {
  const outbox = schema.table(
    'outbox',
    {
      id: uuid()
        .primaryKey()
        .$defaultFn(() => uuid7()),
      /** Insertion order. Delivery follows it per child and recipient, so a reply never overtakes the letter it answers. */
      sequence: bigserial({ mode: 'number' }).notNull(),
      /** Chosen by the sender and kept across retries: the recipient deduplicates on it. */
      messageId: text().notNull().unique('outbox_message_id_unique'),
      /** The child's pseudonym (never the CPR number); with the destination, the unit of ordering. */
      childId: text().notNull(),
      /** The receiving subgraph. */
      destination: text().$type<SubgraphName>().notNull(),
      kind: text().$type<MessageKind>().notNull(),
      payload: jsonb().notNull(),
      status: text({ enum: OUTBOX_STATUSES }).notNull().default('QUEUED'),
      /** Delivery attempts started so far, the successful one included. */
      attempts: integer().notNull().default(0),
      /**
       * When a worker may (next) try to send it. While a worker is sending, this is the end of its lease: should the
       * worker die mid-send, the message becomes due again then.
       */
      nextAttemptAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      /**
       * Why the last attempt failed (an error code or HTTP status and the recipient's reason, never payload content),
       * or which earlier message this one waits for.
       */
      lastError: text(),
      createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      deliveredAt: timestamp({ withTimezone: true, mode: 'string' }),
    },
    (t) => [
      // The claim query: due queued messages in sequence order ...
      index('outbox_due_idx').on(t.nextAttemptAt, t.sequence).where(sql`status = 'QUEUED'`),
      // ... and "is an earlier message for this child and recipient still queued or failed?". Partial, so delivered
      // history (the bulk of the table) costs the claim nothing.
      index('outbox_pending_child_idx').on(t.childId, t.destination, t.sequence).where(sql`status in ('QUEUED', 'FAILED')`),
    ],
  );

  const receivedMessages = schema.table('received_messages', {
    messageId: text().primaryKey(),
    kind: text().$type<MessageKind>().notNull(),
    /** The sending subgraph, as stated in the x-message-sender header and proven by its signature. */
    sender: text().notNull(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    payload: jsonb().notNull(),
    /** What the receiver answered; a redelivery of the message gets the same answer. */
    response: jsonb(),
  });

  return { outbox, receivedMessages };
}

export type MessagingTables = ReturnType<typeof defineMessagingTables>;
export type OutboxRow = MessagingTables['outbox']['$inferSelect'];
export type ReceivedMessageRow = MessagingTables['receivedMessages']['$inferSelect'];
