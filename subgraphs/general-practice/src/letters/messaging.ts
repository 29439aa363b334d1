import {
  messageOutbox,
  parseCareCommunicationBundle,
  rejectMessage,
  type DeliveryHooks,
  type MessageHandlers,
  type MessagingConfig,
  type MessagingDb,
} from '@pathway-graph/shared';
import { applyLetterEvent, findLetterByMessageId, setReplyDueOn } from '../db/letters.ts';
import type { GeneralPracticeDb } from '../db/repository.ts';
import { outbox as outboxTable, receivedMessages } from '../db/schema.ts';
import { answeredMessageId, replyProblem } from '../rules/reply.ts';
import { storeReply } from './reply.ts';

/**
 * General practice's side of the GP <-> municipality channel (agreement 6.2), through the message contract
 * (shared/src/messaging/kinds.ts): it sends `correspondence-letter` and receives `correspondence-reply` and
 * `letter-receipt`.
 */

export const messagingTables = { outbox: outboxTable, receivedMessages };
export const outbox = messageOutbox('general-practice', messagingTables);

export interface GeneralPracticeMessagingOptions extends MessagingConfig {
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
}

const asDb = (tx: MessagingDb) => tx as unknown as GeneralPracticeDb;

/** What delivery means for a letter: DELIVERED with the municipality's own due date, or FAILED with why. */
export const letterDelivery: DeliveryHooks<'general-practice'> = {
  onDelivered: {
    'correspondence-letter': async (tx, row, response) => {
      await applyLetterEvent(asDb(tx), row.messageId, 'DELIVERED');
      // The municipality's own deadline, so both sides flag the same letters as overdue.
      if (response) await setReplyDueOn(asDb(tx), row.messageId, response.replyDueOn);
    },
  },
  onFailed: async (tx, row, failure) => {
    if (row.kind !== 'correspondence-letter') return;
    const note = failure.permanent
      ? `refused by the municipality: ${failure.error}`
      : `delivery failed after ${row.attempts} attempts (${failure.error})`;
    await applyLetterEvent(asDb(tx), row.messageId, 'FAILED', note);
  },
};

/** What the municipality sends back, applied exactly once per message (the receiver records the id in `tx`). */
export const messageHandlers: Pick<MessageHandlers<'general-practice', GeneralPracticeDb>, 'letter-receipt' | 'correspondence-reply'> = {
  'letter-receipt': async (tx, { payload }) => {
    const letter = await applyLetterEvent(tx, payload.letterMessageId, 'READ');
    if (!letter) rejectMessage('UNKNOWN_LETTER', 'The receipt names no letter general practice sent (letterMessageId).');
    return {};
  },
  'correspondence-reply': async (tx, { payload }) => {
    // Parsed already by the contract; this gives the app's view of the bundle.
    const { message } = parseCareCommunicationBundle(payload.bundle);
    const letter = await findLetterByMessageId(tx, answeredMessageId(message));
    if (!letter) rejectMessage('UNKNOWN_LETTER', "The reply's Provenance names no letter general practice sent.");
    const problem = replyProblem(letter, message);
    if (problem) rejectMessage(problem.code, problem.message);
    await storeReply(tx, letter, {
      bundle: payload.bundle,
      message,
      initiatedItems: payload.initiatedItems,
      contactCommitment: payload.contactCommitment,
    });
    return {};
  },
};
