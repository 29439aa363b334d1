import { uuidV5 } from '@pathway-graph/shared/fhir/uuid';
import type { CareCommunicationCategory, CareCommunicationMessage, MessageSegment, PersonName, PractitionerInRole } from '@pathway-graph/shared';
import type { LetterHandlerRole } from './triage.ts';
import { replyLetterText, type ValidReply } from './reply.ts';

/**
 * The municipality's reply to a letter as a MedCom CareCommunication reply-message (agreement 6.2): from the inbox
 * the letter reached, to the practice that wrote, pointing at the letter's MessageHeader, quoting its segments as
 * MedCom replies do. Pure: ids derive from the reply's message id, so the same inputs give the same message.
 */

/** What of the received letter the reply needs. */
export interface RepliedLetter {
  messageId: string;
  conversationId: string;
  category: string;
  topic: string | null;
  cpr: string;
  senderGln: string;
  senderSorCode: string;
  senderName: string | null;
  receiverGln: string;
  receiverSorCode: string;
  gpPractitioner: PractitionerInRole | null;
  segments: MessageSegment[];
}

/** Danish wording of the handler roles, as the GP reads the reply's signature. */
export const ROLE_TEXT: Record<LetterHandlerRole, string> = {
  PPR_PSYCHOLOGIST: 'PPR-psykolog',
  HEALTH_VISITOR: 'Sundhedsplejerske',
  SOCIAL_WORKER: 'Socialrådgiver',
  CASEWORKER: 'Sagsbehandler',
};

/** "Jonas Bo Kristensen" -> given [Jonas, Bo], family Kristensen; one word -> given only. */
export function nameOf(displayName: string): PersonName {
  const words = displayName.trim().split(/\s+/);
  return words.length > 1 ? { given: words.slice(0, -1), family: words.at(-1)! } : { given: words };
}

export interface ReplyAuthor {
  displayName: string;
  role: LetterHandlerRole;
}

export function replyMessage(input: {
  letter: RepliedLetter;
  reply: ValidReply;
  author: ReplyAuthor;
  /** The name of the inbox that replies, when known. */
  inboxName: string | undefined;
  messageId: string;
  /** ISO 8601 instant of the reply. */
  now: string;
}): CareCommunicationMessage {
  const { letter, reply, messageId, now } = input;
  const author: PractitionerInRole = { name: nameOf(input.author.displayName), roleText: ROLE_TEXT[input.author.role] };
  return {
    bundleId: uuidV5(`${messageId}/Bundle`),
    messageId,
    sentAt: now,
    activity: 'reply-message',
    inReplyTo: { messageId: letter.messageId },
    conversationId: letter.conversationId,
    category: letter.category as CareCommunicationCategory,
    ...(letter.topic ? { topic: letter.topic } : {}),
    patient: { cpr: letter.cpr },
    sender: { sorCode: letter.receiverSorCode, gln: letter.receiverGln, ...(input.inboxName ? { name: input.inboxName } : {}) },
    receiver: { sorCode: letter.senderSorCode, gln: letter.senderGln, ...(letter.senderName ? { name: letter.senderName } : {}) },
    specificSender: { practitioner: author },
    ...(letter.gpPractitioner ? { specificRecipient: { practitioner: letter.gpPractitioner } } : {}),
    payloads: [{ id: `urn:uuid:${uuidV5(`${messageId}/payload/0`)}`, text: replyLetterText(reply), writtenAt: now, author }],
    quotedPayloads: letter.segments.map((s) => ({ ...s, from: 'receiver' as const })),
  };
}
