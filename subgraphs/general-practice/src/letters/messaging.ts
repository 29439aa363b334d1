import {
  badUserInput,
  createDeliveryWorker,
  storeReceivedOnce,
  type DeliveryWorker,
  type Destination,
  type Logger,
  type MessagingDb,
  type OutboxRow,
  type ReceivedMessage,
} from '@pathway-graph/shared';
import { applyLetterEvent, setReplyDueOn } from '../db/letters.ts';
import type { GeneralPracticeDb } from '../db/repository.ts';
import { readReplyEnvelope, storeReply } from './reply.ts';
import { messagingTables } from './service.ts';

/**
 * General practice's side of the GP <-> municipality channel (agreement 6.2): the delivery worker that sends queued
 * letters and moves them to DELIVERED or FAILED, and the handler of what the municipality sends back (a read receipt,
 * a reply).
 */

export interface GeneralPracticeMessagingOptions {
  /** Shared with the municipality: signs what we send, verifies what we receive. */
  signingSecret: string;
  endpoints: Record<Destination, string>;
  workerPollMs?: number;
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
}

const asDb = (tx: MessagingDb) => tx as unknown as GeneralPracticeDb;

export function createLetterDeliveryWorker(db: GeneralPracticeDb, options: GeneralPracticeMessagingOptions, log: Logger): DeliveryWorker {
  return createDeliveryWorker({
    db: db as unknown as MessagingDb,
    tables: messagingTables,
    endpoints: options.endpoints,
    signingSecret: options.signingSecret,
    sender: 'general-practice',
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    ...(options.workerPollMs === undefined ? {} : { pollIntervalMs: options.workerPollMs }),
    onDelivered: async (tx: MessagingDb, row: OutboxRow, response: unknown) => {
      if (row.kind !== 'care-communication') return;
      const ack = acknowledgement(response);
      // A municipality that can never store the letter says so instead of failing forever: the GP must act.
      if (ack.rejected) {
        await applyLetterEvent(asDb(tx), row.messageId, 'FAILED', `refused by the municipality: ${ack.reason}`);
        return;
      }
      await applyLetterEvent(asDb(tx), row.messageId, 'DELIVERED');
      if (ack.replyDueOn) await setReplyDueOn(asDb(tx), row.messageId, ack.replyDueOn);
    },
    onFailed: async (tx: MessagingDb, row: OutboxRow) => {
      if (row.kind !== 'care-communication') return;
      const note = `delivery failed after ${row.attempts} attempts${row.lastError ? ` (${row.lastError})` : ''}`;
      await applyLetterEvent(asDb(tx), row.messageId, 'FAILED', note);
    },
    log,
  });
}

/**
 * Applies one message from the municipality, exactly once per message id:
 * - kind `status`, payload `{ letterMessageId, status: 'READ' }`: the letter is READ;
 * - kind `care-communication`: a MedCom reply-message (plain, or `{ bundle, initiatedItems, contactCommitment }`)
 *   whose Provenance names the letter's MessageHeader: the reply is stored and the letter is ANSWERED.
 * Throws (the endpoint answers 500, the sender retries) when the message names no letter of ours.
 */
export function receiveFromMunicipality(db: GeneralPracticeDb) {
  return (m: ReceivedMessage): Promise<{ duplicate: boolean; response?: unknown }> =>
    db.transaction(async (tx) => {
      if (!(await storeReceivedOnce(tx as unknown as MessagingDb, messagingTables, m))) return { duplicate: true };
      if (m.kind === 'status') {
        const payload = (m.payload ?? {}) as { letterMessageId?: unknown; status?: unknown };
        if (typeof payload.letterMessageId !== 'string' || payload.status !== 'READ') {
          throw badUserInput('A status message must be { letterMessageId, status: "READ" }.', { field: 'payload' });
        }
        const letter = await applyLetterEvent(tx, payload.letterMessageId, 'READ');
        if (!letter) throw badUserInput('No letter has this message id.', { field: 'letterMessageId' });
        return { duplicate: false, response: { letterStatus: letter.status } };
      }
      const result = await storeReply(tx, readReplyEnvelope(m.payload));
      if (!result) throw badUserInput('The reply answers no letter of ours.', { field: 'Provenance.entity' });
      return { duplicate: false, response: { letterStatus: result.letter.status } };
    });
}

/** What the municipality's acknowledgement says: its own reply due date, or why it refused the letter. */
export function acknowledgement(response: unknown): { rejected: false; replyDueOn?: string } | { rejected: true; reason: string } {
  const r = (response ?? {}) as { status?: unknown; reason?: unknown; replyDueOn?: unknown };
  if (r.status === 'REJECTED') return { rejected: true, reason: typeof r.reason === 'string' ? r.reason.slice(0, 300) : 'no reason given' };
  return typeof r.replyDueOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.replyDueOn) ? { rejected: false, replyDueOn: r.replyDueOn } : { rejected: false };
}
