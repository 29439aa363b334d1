import {
  badUserInput,
  exchangeOf,
  medcomPhoneNumber,
  parseCareCommunicationBundle,
  ROLE_SYSTEM,
  type CareCommunicationCategory,
  type CareCommunicationMessage,
  type Coding,
  type EarlierMessage,
  type MessageSegment,
  type PersonName,
  type PractitionerInRole,
  type ReplacementCpr,
} from '@pathway-graph/shared';
import type { LetterHandlerRole } from './triage.ts';
import { replyLetterText, type ValidReply } from './reply.ts';

/**
 * The municipality's reply to a letter as a MedCom CareCommunication reply-message (agreement 6.2): from the inbox
 * the letter reached, to the practice that wrote, pointing at the letter's MessageHeader, quoting its segments as
 * MedCom replies do, and carrying the letter's Provenance (MedCom's messaging governance: a reply repeats the
 * Provenance of the conversation's earlier messages). Pure: the fresh UUIDs (version 4) come in `ids`.
 */

/** What of the received letter the reply needs. */
export interface RepliedLetter {
  messageId: string;
  conversationId: string;
  category: string;
  topic: string | null;
  cpr: string;
  replacementCprs: ReplacementCpr[] | null;
  childGivenNames: string | null;
  childFamilyName: string | null;
  senderGln: string;
  senderSorCode: string;
  senderName: string | null;
  receiverGln: string;
  receiverSorCode: string;
  gpPractitioner: PractitionerInRole | null;
  segments: MessageSegment[];
  sentAt: string;
  /** The letter's bundle bytes as received, when kept: its Provenance is read from them exactly as sent. */
  bundle: string | null;
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

/**
 * The handler roles as MedCom's coded list (SKS administrative roles) has them; a caseworker (sagsbehandler) has no
 * code there, so that role travels as text only.
 */
export const ROLE_CODE: Record<LetterHandlerRole, Coding | undefined> = {
  PPR_PSYCHOLOGIST: { system: ROLE_SYSTEM.sksAdministrative, code: 'psykolog', display: 'Psykolog' },
  HEALTH_VISITOR: { system: ROLE_SYSTEM.sksAdministrative, code: 'sundhedsplejerske', display: 'Sundhedsplejerske' },
  SOCIAL_WORKER: { system: ROLE_SYSTEM.sksAdministrative, code: 'socialraadgiver', display: 'Socialrådgiver' },
  CASEWORKER: undefined,
};

export interface ReplyAuthor {
  displayName: string;
  role: LetterHandlerRole;
  /** As MedCom writes it: + and digits (medcomPhoneNumber). */
  phone: string;
}

/** The letter's own Provenance, as the reply carries it: read from the bytes received, else from what was stored. */
export function letterExchange(letter: RepliedLetter): EarlierMessage {
  if (letter.bundle !== null) return exchangeOf(parseCareCommunicationBundle(JSON.parse(letter.bundle)).message);
  return { messageId: letter.messageId, activity: 'new-message', occurredAt: letter.sentAt, by: 'receiver', segmentIds: letter.segments.map((s) => s.id) };
}

export function replyMessage(input: {
  letter: RepliedLetter;
  reply: ValidReply;
  author: ReplyAuthor;
  /** The name of the inbox that replies, when known. */
  inboxName: string | undefined;
  messageId: string;
  /** Fresh UUIDs (version 4) for the Bundle and the reply's text segment. */
  ids: { bundleId: string; segmentId: string };
  /** ISO 8601 instant of the reply. */
  now: string;
}): CareCommunicationMessage {
  const { letter, reply, messageId, now } = input;
  const role = ROLE_CODE[input.author.role];
  // A role is a code or a text, never both (medcom-careCommunication-7): the code where MedCom's list has one.
  const author: PractitionerInRole = { name: nameOf(input.author.displayName), ...(role ? { role } : { roleText: ROLE_TEXT[input.author.role] }) };
  return {
    bundleId: input.ids.bundleId,
    messageId,
    sentAt: now,
    activity: 'reply-message',
    inReplyTo: { messageId: letter.messageId },
    conversationId: letter.conversationId,
    category: letter.category as CareCommunicationCategory,
    ...(letter.topic ? { topic: letter.topic } : {}),
    patient: {
      cpr: letter.cpr,
      ...(letter.replacementCprs ? { replacementCprs: letter.replacementCprs } : {}),
      ...(letter.childFamilyName ? { name: { given: letter.childGivenNames ? [letter.childGivenNames] : [], family: letter.childFamilyName } } : {}),
    },
    sender: { sorCode: letter.receiverSorCode, gln: letter.receiverGln, ...(input.inboxName ? { name: input.inboxName } : {}) },
    receiver: { sorCode: letter.senderSorCode, gln: letter.senderGln, ...(letter.senderName ? { name: letter.senderName } : {}) },
    specificSender: { practitioner: author },
    ...(letter.gpPractitioner ? { specificRecipient: { practitioner: letter.gpPractitioner } } : {}),
    payloads: [
      {
        id: `urn:uuid:${input.ids.segmentId}`,
        text: replyLetterText(reply),
        writtenAt: now,
        author,
        authorContact: { system: 'phone', value: input.author.phone },
      },
    ],
    quotedPayloads: letter.segments.map((s) => ({ ...s, from: 'receiver' as const })),
    history: [letterExchange(letter)],
  };
}

/** At most this many characters in the phone field (what people type: spaces, dashes, a +). */
export const MAX_PHONE_INPUT = 20;

/**
 * The replying professional's phone number as MedCom writes it (+ and digits): every text segment of a MedCom
 * message carries its author's telephone, so the GP can call back. Refused with BAD_USER_INPUT naming `phone`.
 */
export function replyAuthorPhone(phone: string | null | undefined): string {
  const given = (phone ?? '').trim();
  const written = given.length <= MAX_PHONE_INPUT ? medcomPhoneNumber(given) : null;
  if (written === null) {
    throw badUserInput(
      `phone must be the number the GP can call you on: 8 digits, or + and the country code with 8 to 15 digits (spaces allowed), at most ${MAX_PHONE_INPUT} characters. ` +
        "MedCom's reply carries the author's telephone with the text.",
      { field: 'phone' },
    );
  }
  return written;
}
