import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { uuid7 } from '../uuid7.ts';

/** The sectors a message can be addressed to; each has one message endpoint, configured per deployment. */
export const DESTINATIONS = ['municipality', 'general-practice'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** A MedCom-shaped CareCommunication (a letter and its reply), or a status update about earlier messages. */
export const MESSAGE_KINDS = ['care-communication', 'status'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const OUTBOX_STATUSES = ['QUEUED', 'DELIVERED', 'FAILED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The two tables of cross-sector messaging, defined once for every subgraph's own Postgres schema (as the sector
 * tables are), so the outbox a worker claims from and the inbox an endpoint writes to cannot drift between sectors.
 *
 * - `outbox`: written in the same transaction as the sender's own record, so a message exists exactly when the
 *   record does; the delivery worker sends it afterwards.
 * - `received_messages`: the recipient's record of every message id it has stored, which makes redelivery harmless.
 */
export function defineMessagingTables(schema: PgSchema) {
  const outbox = schema.table(
    'outbox',
    {
      id: uuid()
        .primaryKey()
        .$defaultFn(() => uuid7()),
      /** Insertion order. Delivery follows it per child, so a reply never overtakes the letter it answers. */
      sequence: bigserial({ mode: 'number' }).notNull(),
      /** Chosen by the sender and kept across retries: the recipient deduplicates on it. */
      messageId: text().notNull().unique('outbox_message_id_unique'),
      /** The child's pseudonym (never the CPR number); the unit of ordering. */
      childId: text().notNull(),
      destination: text({ enum: DESTINATIONS }).notNull(),
      kind: text({ enum: MESSAGE_KINDS }).notNull(),
      payload: jsonb().notNull(),
      status: text({ enum: OUTBOX_STATUSES }).notNull().default('QUEUED'),
      /** Delivery attempts started so far, the successful one included. */
      attempts: integer().notNull().default(0),
      /**
       * When a worker may (next) try to send it. While a worker is sending, this is the end of its lease: should the
       * worker die mid-send, the message becomes due again then.
       */
      nextAttemptAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      /** Why the last attempt failed: an error code or HTTP status, never payload content. */
      lastError: text(),
      createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      deliveredAt: timestamp({ withTimezone: true, mode: 'string' }),
    },
    (t) => [
      // The claim query: due queued messages in sequence order, and "is there an earlier queued one for this child?".
      // Partial, so delivered history (the bulk of the table) costs the claim nothing.
      index('outbox_due_idx').on(t.nextAttemptAt, t.sequence).where(sql`status = 'QUEUED'`),
      index('outbox_queued_child_idx').on(t.childId, t.sequence).where(sql`status = 'QUEUED'`),
    ],
  );

  const receivedMessages = schema.table('received_messages', {
    messageId: text().primaryKey(),
    kind: text({ enum: MESSAGE_KINDS }).notNull(),
    /** The sending sector, as stated in the signed request's x-message-sender header. */
    sender: text().notNull(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    payload: jsonb().notNull(),
  });

  return { outbox, receivedMessages };
}

export type MessagingTables = ReturnType<typeof defineMessagingTables>;
export type OutboxRow = MessagingTables['outbox']['$inferSelect'];
export type ReceivedMessageRow = MessagingTables['receivedMessages']['$inferSelect'];
