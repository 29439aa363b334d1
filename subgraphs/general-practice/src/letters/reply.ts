import { badUserInput, parseCareCommunicationBundle, uuid7, type CareCommunicationMessage } from '@pathway-graph/shared';
import { applyLetterEvent, findLetterByMessageId, insertReplyOnce } from '../db/letters.ts';
import type { GeneralPracticeDb } from '../db/repository.ts';
import type { LetterRow } from '../db/schema.ts';

/**
 * A municipality's reply as it arrives: the MedCom reply-message bundle, optionally wrapped with what MedCom has no
 * element for (`{ bundle, initiatedItems, contactCommitment }`; the plain bundle is accepted too).
 */
export interface ReplyEnvelope {
  bundle: unknown;
  initiatedItems: string[];
  contactCommitment: string | null;
}

export function readReplyEnvelope(payload: unknown): ReplyEnvelope {
  if (payload !== null && typeof payload === 'object' && 'bundle' in payload) {
    const p = payload as { bundle: unknown; initiatedItems?: unknown; contactCommitment?: unknown };
    const items = Array.isArray(p.initiatedItems) ? p.initiatedItems.filter((i): i is string => typeof i === 'string') : [];
    const commitment = typeof p.contactCommitment === 'string' && p.contactCommitment.trim() !== '' ? p.contactCommitment : null;
    return { bundle: p.bundle, initiatedItems: items, contactCommitment: commitment };
  }
  return { bundle: payload, initiatedItems: [], contactCommitment: null };
}

/** Which letter a reply answers, or a refusal naming the element. */
export function answeredMessageId(message: CareCommunicationMessage): string {
  if (message.activity !== 'reply-message' || !('messageId' in message.inReplyTo)) {
    throw badUserInput('Only a reply-message whose Provenance names the letter\'s MessageHeader can answer a letter.', {
      field: 'Provenance.entity',
    });
  }
  return message.inReplyTo.messageId;
}

/**
 * Stores a municipality's reply to a letter and marks the letter ANSWERED, in the caller's transaction. The reply's
 * patient must be the letter's. Storing the same reply again changes nothing. Returns the letter, or undefined when
 * no letter has the message id the reply answers (`expectPractice` narrows to one practice's letters).
 */
export async function storeReply(
  tx: GeneralPracticeDb,
  envelope: ReplyEnvelope,
  check?: (letter: LetterRow) => Promise<void>,
): Promise<{ letter: LetterRow; stored: boolean } | undefined> {
  const { message } = parseCareCommunicationBundle(envelope.bundle);
  const letterMessageId = answeredMessageId(message);
  const letter = await findLetterByMessageId(tx, letterMessageId);
  if (!letter) return undefined;
  await check?.(letter);
  if (message.patient.cpr !== letter.cpr) {
    throw badUserInput("The reply's patient is not the child the letter is about.", { field: 'Patient.identifier' });
  }
  const stored = await insertReplyOnce(tx, {
    id: uuid7(),
    letterId: letter.id,
    messageId: message.messageId,
    text: message.payloads.map((p) => p.text).join('\n\n'),
    initiatedItems: envelope.initiatedItems,
    contactCommitment: envelope.contactCommitment,
    bundle: envelope.bundle,
  });
  const updated = stored ? await applyLetterEvent(tx, letter.messageId, 'ANSWERED') : letter;
  return { letter: updated ?? letter, stored };
}
