import type { SubgraphName } from '../config.ts';
import { describeErrorForLog, type Logger } from '../server/logger.ts';
import {
  checkPayload,
  checkResponse,
  isMessageKind,
  mayTransmit,
  MESSAGE_KINDS,
  type KindsTo,
  type MessageKind,
  type MessagePayload,
  type MessageResponse,
  type SendersOf,
} from './contract.ts';
import { isDeepStrictEqual } from 'node:util';
import { findReceivedMessage, MESSAGE_ID, recordResentPayload, recordResponse, storeReceivedOnce, type MessagingDb } from './outbox.ts';
import { findUnstorable } from './storable.ts';
import type { MessagingTables } from './tables.ts';

/** A message as a receiver's handler gets it: sender verified, kind allowed, payload parsed by the contract. */
export interface ReceivedMessage<K extends MessageKind = MessageKind> {
  messageId: string;
  kind: K;
  sender: SendersOf<K>;
  payload: MessagePayload<K>;
}

/**
 * Applies one message of kind K in the receiver's transaction (the one that recorded the message id as received) and
 * returns the answer for the sender. Throw `rejectMessage(...)` when the message can never be applied as sent (it then
 * leaves nothing behind and the sender marks it FAILED with the reason); any other error rolls back too and is
 * answered 500, so the sender retries.
 */
export type MessageHandler<K extends MessageKind, TDb> = (tx: TDb, message: ReceivedMessage<K>) => Promise<MessageResponse<K>>;

/** One handler for every kind the contract sends to R: a new kind for R fails the type-check until it is handled. */
export type MessageHandlers<R extends SubgraphName, TDb> = { [K in KindsTo<R>]: MessageHandler<K, TDb> };

/**
 * Runs when a message already applied arrives again in a new envelope: the same message id with another payload (a
 * MedCom resend, with a new Bundle.id and timestamp, after its sender got no acknowledgement). The message is not
 * applied again; the hook answers it as MedCom's reliable messaging asks, e.g. by sending the same acknowledgement
 * again. A redelivery of the same payload (the transport's retry) is a plain duplicate and runs nothing.
 */
export type ResentHandler<K extends MessageKind, TDb> = (tx: TDb, message: ReceivedMessage<K>) => Promise<void>;
export type ResentHandlers<R extends SubgraphName, TDb> = { [K in KindsTo<R>]?: ResentHandler<K, TDb> };

/** Thrown by a handler for a message that can never be applied: answered 422 with `code` and `message`. */
export class MessageRejection extends Error {
  constructor(
    /** A stable code the sender records, e.g. UNKNOWN_INBOX. */
    readonly code: string,
    /** For the person at the sending side: what is wrong and what to do; names fields, never values. */
    message: string,
  ) {
    super(message);
    this.name = 'MessageRejection';
    if (!/^[A-Z][A-Z_]{0,39}$/.test(code)) throw new TypeError(`MessageRejection: code must be UPPER_SNAKE, got ${code}`);
  }
}

export function rejectMessage(code: string, message: string): never {
  throw new MessageRejection(code, message);
}

/**
 * What the receiver makes of a message: stored (or already stored), or refused with an HTTP status and a stable code.
 * 400/403/422 are permanent (the sender stops retrying), 500 is not.
 */
export type ReceiveOutcome =
  | { ok: true; messageId: string; duplicate: boolean; response: unknown }
  | { ok: false; status: 400 | 403 | 422 | 500; error: string; message: string };

export interface MessageReceiverApi {
  readonly name: SubgraphName;
  /** Takes one message from a sender whose identity the caller has verified (the endpoint: by its signature). */
  receive(sender: string, message: unknown): Promise<ReceiveOutcome>;
}

export interface MessageReceiverOptions<R extends SubgraphName, TDb extends MessagingDb> {
  receiver: R;
  db: TDb;
  tables: MessagingTables;
  handlers: MessageHandlers<R, TDb>;
  resent?: ResentHandlers<R, TDb>;
  log: Logger;
}

const refused = (status: 400 | 403 | 422 | 500, error: string, message: string): ReceiveOutcome => ({ ok: false, status, error, message });

/**
 * The receiving side of the contract for one subgraph: checks the envelope, that the contract lets this sender send
 * this kind here, and the payload against the kind's schema; then, in one transaction, records the message id
 * (storeReceivedOnce) and runs the kind's handler only when the id is new, so a message is applied exactly once
 * however often it is delivered. A redelivery is answered with the answer recorded the first time.
 */
export function createMessageReceiver<R extends SubgraphName, TDb extends MessagingDb>(options: MessageReceiverOptions<R, TDb>): MessageReceiverApi {
  const { receiver, db, tables, log } = options;
  const handlers = options.handlers as unknown as Record<string, MessageHandler<MessageKind, TDb> | undefined>;
  const resentHandlers = (options.resent ?? {}) as unknown as Record<string, ResentHandler<MessageKind, TDb> | undefined>;

  async function receive(sender: string, message: unknown): Promise<ReceiveOutcome> {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return refused(400, 'MALFORMED_MESSAGE', 'The body must be a JSON object { messageId, kind, payload }.');
    }
    const { messageId, kind, payload } = message as Record<string, unknown>;
    if (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId)) {
      return refused(400, 'MALFORMED_MESSAGE', 'messageId must be 1 to 200 letters, digits, ".", "_", ":" or "-".');
    }
    if (!isMessageKind(kind)) {
      return refused(400, 'UNKNOWN_KIND', `kind must be one of the contract's message kinds (${MESSAGE_KINDS.join(', ')}).`);
    }
    if (!mayTransmit(kind, sender, receiver) || !handlers[kind]) {
      return refused(403, 'KIND_NOT_ALLOWED', `The contract does not let ${sender} send ${kind} messages to ${receiver}.`);
    }
    if (payload === undefined || payload === null) return refused(400, 'MALFORMED_MESSAGE', 'payload is required.');
    const unstorable = findUnstorable(payload);
    if (unstorable) return refused(400, 'MALFORMED_MESSAGE', `The message can never be stored: ${unstorable}.`);
    const checked = checkPayload(kind, payload);
    if (!checked.ok) return refused(422, 'PAYLOAD_INVALID', `The ${kind} payload breaks the message contract: ${checked.problems.join('; ')}.`);

    const fields = { messageId, kind, sender };
    const handler = handlers[kind]!;
    try {
      const result = await db.transaction(async (transaction) => {
        const tx = transaction as unknown as TDb;
        if (!(await storeReceivedOnce(tx, tables, { messageId, kind, sender, payload }))) {
          const stored = await findReceivedMessage(tx, tables, messageId);
          // The same id for a different message (another kind or sender) is no redelivery: never answer it as one.
          if (stored && (stored.kind !== kind || stored.sender !== sender)) {
            throw new MessageRejection('MESSAGE_ID_TAKEN', 'This messageId was already used for another message; send a new message with a new id.');
          }
          const resent = stored !== undefined && !isDeepStrictEqual(stored.payload, checked.value);
          if (resent) {
            await resentHandlers[kind]?.(tx, { messageId, kind, sender, payload: checked.value } as ReceivedMessage);
            await recordResentPayload(tx, tables, messageId, checked.value);
          }
          return { duplicate: true, resent, response: stored?.response ?? null };
        }
        const response = await handler(tx, { messageId, kind, sender, payload: checked.value } as ReceivedMessage);
        const answer = checkResponse(kind, response);
        if (!answer.ok) throw new Error(`the ${kind} handler's answer breaks the contract: ${answer.problems.join('; ')}`);
        await recordResponse(tx, tables, messageId, answer.value);
        return { duplicate: false, resent: false, response: answer.value };
      });
      const { resent, ...outcome } = result;
      log.info(
        { ...fields, duplicate: outcome.duplicate, ...(resent ? { resent } : {}) },
        resent ? 'message received again in a new envelope (resend)' : outcome.duplicate ? 'message received again (duplicate)' : 'message received',
      );
      return { ok: true, messageId, ...outcome };
    } catch (error) {
      if (error instanceof MessageRejection) {
        log.warn({ ...fields, error: error.code }, 'message rejected: it can never be applied as sent');
        return refused(422, error.code, error.message);
      }
      log.error({ ...fields, err: describeErrorForLog(error) }, 'storing a received message failed');
      return refused(500, 'NOT_STORED', 'The message could not be stored; send it again later.');
    }
  }

  return { name: receiver, receive };
}
