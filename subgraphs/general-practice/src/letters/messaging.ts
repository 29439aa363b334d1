import {
  acknowledgementOf,
  buildAcknowledgementBundle,
  inNewEnvelope,
  messageOutbox,
  newMedComId,
  parseAcknowledgementBundle,
  parseCareCommunicationBundle,
  rejectMessage,
  type AcknowledgementVerdict,
  type CareCommunicationMessage,
  type DeliveryHooks,
  type MessageHandlers,
  type MessagingConfig,
  type MessagingDb,
  type OutboxRow,
  type ResentHandlers,
} from '@pathway-graph/shared';
import { applyLetterEvent, findLetterByMessageId, setLetterBundle, setReplyBundle, setReplyDueOn } from '../db/letters.ts';
import type { GeneralPracticeDb } from '../db/repository.ts';
import { outbox as outboxTable, receivedMessages } from '../db/schema.ts';
import { acknowledgementProblem } from '../rules/acknowledgement.ts';
import { answeredMessageId, replyProblem } from '../rules/reply.ts';
import { storeReply } from './reply.ts';

/**
 * General practice's side of the GP <-> municipality channel (agreement 6.2), through the message contract
 * (shared/src/messaging/kinds.ts): it sends `correspondence-letter` and `reply-acknowledgement`, and receives
 * `letter-acknowledgement`, `correspondence-reply` and `letter-receipt`.
 *
 * A letter is DELIVERED when the municipality's MedCom Acknowledgement says ok (not when its endpoint stored the
 * message), FAILED with the reason when the Acknowledgement refuses it; without an Acknowledgement the worker resends
 * it in a new envelope (MedCom reliable messaging) and the new bytes become the letter's bundle.
 */

export const messagingTables = { outbox: outboxTable, receivedMessages };
export const outbox = messageOutbox('general-practice', messagingTables);

export interface GeneralPracticeMessagingOptions extends MessagingConfig {
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  acknowledgementTimeoutMs?: number;
}

const asDb = (tx: MessagingDb) => tx as unknown as GeneralPracticeDb;

/** A letter sent again: the same bytes in a new envelope, kept as the letter's bundle. */
export async function reenvelopeLetter(tx: MessagingDb, row: OutboxRow): Promise<unknown> {
  const payload = row.payload as { bundle: string };
  const bundle = inNewEnvelope(payload.bundle);
  await setLetterBundle(asDb(tx), row.messageId, bundle);
  return { ...payload, bundle };
}

/** An Acknowledgement sent again (its message came again): the same content in a new envelope. */
async function reenvelopeAcknowledgement(_tx: MessagingDb, row: OutboxRow): Promise<unknown> {
  const payload = row.payload as { bundle: string };
  return { ...payload, bundle: inNewEnvelope(payload.bundle) };
}

/** What delivery means for a letter: awaiting the municipality's Acknowledgement, or FAILED with why. */
export const letterDelivery: DeliveryHooks<'general-practice'> = {
  acknowledged: { 'correspondence-letter': { reenvelope: reenvelopeLetter } },
  onFailed: async (tx, row, failure) => {
    if (row.kind !== 'correspondence-letter') return;
    const note = failure.unacknowledged
      ? `no MedCom Acknowledgement from the municipality (${failure.error})`
      : failure.permanent
        ? `refused by the municipality: ${failure.error}`
        : `delivery failed after ${row.attempts} attempts (${failure.error})`;
    await applyLetterEvent(asDb(tx), row.messageId, 'FAILED', note);
  },
};

/** Queues general practice's MedCom Acknowledgement of a reply, in the transaction that applies (or refuses) it. */
async function acknowledgeReply(tx: GeneralPracticeDb, message: CareCommunicationMessage, childId: string, verdict: AcknowledgementVerdict) {
  const ack = acknowledgementOf(message, verdict, { messageId: newMedComId(), bundleId: newMedComId(), sentAt: new Date().toISOString() });
  await outbox.enqueue(tx, {
    kind: 'reply-acknowledgement',
    to: 'municipality',
    messageId: ack.messageId,
    childId,
    respondsTo: message.messageId,
    payload: { bundle: JSON.stringify(buildAcknowledgementBundle(ack)) },
  });
}

const refusal = (code: string, text: string): AcknowledgementVerdict => ({ code: 'fatal-error', issues: [{ severity: 'error', code, text }] });

/** What the municipality sends back, applied exactly once per message (the receiver records the id in `tx`). */
export const messageHandlers: Pick<
  MessageHandlers<'general-practice', GeneralPracticeDb>,
  'letter-acknowledgement' | 'letter-receipt' | 'correspondence-reply'
> = {
  'letter-acknowledgement': async (tx, { payload }) => {
    const ack = parseAcknowledgementBundle(JSON.parse(payload.bundle));
    const letter = await findLetterByMessageId(tx, ack.acknowledged.messageId);
    if (!letter) rejectMessage('UNKNOWN_LETTER', "The Acknowledgement's MessageHeader.response names no letter general practice sent.");
    const problem = acknowledgementProblem(letter, ack);
    if (problem) rejectMessage(problem.code, problem.message);
    const headerId = ack.acknowledged.messageId;
    if (ack.code === 'ok') {
      await outbox.acknowledge(tx, headerId, { ok: true });
      await applyLetterEvent(tx, headerId, 'DELIVERED', 'acknowledged by the municipality (MedCom Acknowledgement: ok)');
      // The municipality's own deadline, so both sides flag the same letters as overdue.
      if (payload.replyDueOn) await setReplyDueOn(tx, headerId, payload.replyDueOn);
    } else if (ack.code === 'fatal-error') {
      const reason = ack.issues.map((i) => i.text ?? i.detail?.code ?? i.code).join('; ');
      await outbox.acknowledge(tx, headerId, { ok: false, permanent: true, reason });
      await applyLetterEvent(tx, headerId, 'FAILED', `refused by the municipality's MedCom Acknowledgement: ${reason}`.slice(0, 500));
    } else {
      await outbox.acknowledge(tx, headerId, { ok: false, permanent: false });
    }
    return {};
  },
  'letter-receipt': async (tx, { payload }) => {
    const letter = await applyLetterEvent(tx, payload.letterMessageId, 'READ');
    if (!letter) rejectMessage('UNKNOWN_LETTER', 'The receipt names no letter general practice sent (letterMessageId).');
    return {};
  },
  'correspondence-reply': async (tx, { messageId, payload }) => {
    // Parsed already by the contract; this gives the app's view of the bundle.
    const { message } = parseCareCommunicationBundle(JSON.parse(payload.bundle));
    const letter = await findLetterByMessageId(tx, answeredMessageId(message));
    // Refused in a MedCom Acknowledgement, so the municipality's reply is FAILED with the reason; nothing is stored.
    if (!letter) {
      await acknowledgeReply(tx, message, `reply:${messageId}`, refusal('not-found', "The reply's Provenance names no letter this practice sent."));
      return {};
    }
    const problem = replyProblem(letter, message);
    if (problem) {
      await acknowledgeReply(tx, message, letter.childId, refusal('business-rule', problem.message));
      return {};
    }
    await storeReply(tx, letter, {
      bundle: payload.bundle,
      message,
      initiatedItems: payload.initiatedItems,
      contactCommitment: payload.contactCommitment,
    });
    await acknowledgeReply(tx, message, letter.childId, { code: 'ok', issues: [] });
    return {};
  },
};

/**
 * A reply that comes again in a new envelope (the municipality got no Acknowledgement): not stored again; its bytes
 * become the latest, and the same Acknowledgement goes again in a new envelope (MedCom reliable messaging).
 */
export const resentHandlers: ResentHandlers<'general-practice', GeneralPracticeDb> = {
  'correspondence-reply': async (tx, { messageId, payload }) => {
    await setReplyBundle(tx, messageId, payload.bundle);
    const ack = await outbox.responseTo(tx, messageId);
    if (ack) await outbox.resend(tx, ack.messageId, reenvelopeAcknowledgement);
  },
};

/** Everything general practice's sectorMessaging needs for letters. */
export function letterMessaging(options: Pick<GeneralPracticeMessagingOptions, 'maxAttempts' | 'backoffMs' | 'acknowledgementTimeoutMs'> = {}) {
  return {
    handlers: messageHandlers,
    resent: resentHandlers,
    delivery: {
      ...letterDelivery,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
      ...(options.acknowledgementTimeoutMs === undefined ? {} : { acknowledgementTimeoutMs: options.acknowledgementTimeoutMs }),
    },
  };
}
