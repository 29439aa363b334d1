import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { SubgraphName } from '../config.ts';
import { uuid7 } from '../uuid7.ts';
import type { MessageKind } from './contract.ts';

/**
 * QUEUED: waiting to be sent (or being sent, or waiting for its retry). AWAITING_ACKNOWLEDGEMENT: the recipient stored
 * a message of a kind that its recipient acknowledges in a message of its own (a MedCom Acknowledgement), which has
 * not come yet; without it in time the message is resent in a new envelope. DELIVERED: the recipient stored it (and,
 * for an acknowledged kind, acknowledged it positively). FAILED: refused for good by the recipient (by its HTTP answer
 * or its acknowledgement), out of attempts, or never acknowledged; it holds back the later messages for the same
 * child and recipient until it is retried or given up. GIVEN_UP: a person decided it will never be sent; it no
 * longer holds anything back.
 */
export const OUTBOX_STATUSES = ['QUEUED', 'AWAITING_ACKNOWLEDGEMENT', 'DELIVERED', 'FAILED', 'GIVEN_UP'] as const;
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
      /** Delivery attempts started so far (of the current envelope), the successful one included. */
      attempts: integer().notNull().default(0),
      /**
       * How often it was resent in a new envelope because its acknowledgement did not come (MedCom reliable
       * messaging: at most twice); a person's retry starts over.
       */
      resends: integer().notNull().default(0),
      /** The message this one answers (an acknowledgement names the message it acknowledges), so it can be resent. */
      respondsTo: text(),
      /**
       * When a worker may (next) try to send it. While a worker is sending, this is the end of its lease: should the
       * worker die mid-send, the message becomes due again then. While it awaits its acknowledgement, when it is
       * resent if none has come.
       */
      nextAttemptAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      /**
       * Why the last attempt failed (an error code or HTTP status and the recipient's reason, never payload content),
       * or which earlier message this one waits for.
       */
      lastError: text(),
      createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      /** When the recipient last stored it (its HTTP answer); an acknowledged kind is DELIVERED only with its acknowledgement. */
      deliveredAt: timestamp({ withTimezone: true, mode: 'string' }),
      /**
       * The W3C trace context (`traceparent`) of the request that queued it, null when it was not traced: its delivery
       * continues that trace, so one trace follows a letter from the sender's request into the recipient.
       */
      traceparent: text(),
    },
    (t) => [
      // The claim query: due queued messages in sequence order ...
      index('outbox_due_idx').on(t.nextAttemptAt, t.sequence).where(sql`status = 'QUEUED'`),
      // ... and "is an earlier message for this child and recipient still queued or failed?". Partial, so delivered
      // history (the bulk of the table) costs the claim nothing.
      index('outbox_pending_child_idx').on(t.childId, t.destination, t.sequence).where(sql`status in ('QUEUED', 'FAILED')`),
      // Messages whose acknowledgement is awaited, by when they are resent without one.
      index('outbox_awaiting_idx').on(t.nextAttemptAt).where(sql`status = 'AWAITING_ACKNOWLEDGEMENT'`),
      index('outbox_responds_to_idx').on(t.respondsTo).where(sql`responds_to is not null`),
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
