import {
  parseCareCommunicationBundle,
  parseCpr,
  rejectMessage,
  type CareCommunicationMessage,
  type MessagePayload,
  type PractitionerInRole,
  type ReplacementCpr,
} from '@pathway-graph/shared';

/**
 * A correspondence letter as the municipality reads it from general practice's message (agreement 6.2): what the
 * inbox stores, before it knows which municipality's inbox it is for. Pure; refusals are message rejections with a
 * stable code, answered to the sender, which then marks the letter FAILED with the reason.
 */
export interface IncomingLetter {
  messageId: string;
  cpr: string;
  replacementCprs: ReplacementCpr[] | null;
  /** The official name the letter's Patient carries (personal data: never logged). */
  childGivenNames: string | null;
  childFamilyName: string | null;
  birthDate: string;
  /** The inbox the GP addressed: the location number the letter is routed by. */
  receiverGln: string;
  receiverSorCode: string;
  senderGln: string;
  senderSorCode: string;
  senderName: string | null;
  /** MedCom identifies the practice by location number only; our senders give the ydernummer beside the bundle. */
  senderYdernummer: string;
  gpSignature: string | null;
  gpPractitioner: PractitionerInRole | null;
  conversationId: string;
  category: string;
  topic: string | null;
  subject: string;
  text: string;
  segments: CareCommunicationMessage['payloads'];
  step: MessagePayload<'correspondence-letter'>['step'];
  sentAt: string;
  /** The bundle's bytes as received. */
  bundle: string;
}

export function personName(p: PractitionerInRole | undefined): string | null {
  if (!p) return null;
  const name = [...p.name.given, p.name.family ?? ''].join(' ').trim();
  return name || null;
}

/** The GP who wrote: the named sender, else the author of the first segment. */
function gpOf(message: CareCommunicationMessage): PractitionerInRole | undefined {
  if (message.specificSender && 'practitioner' in message.specificSender) return message.specificSender.practitioner;
  return message.payloads[0]?.author;
}

/** Reads the letter of a `correspondence-letter` message whose payload the contract has accepted. */
export function readIncomingLetter(messageId: string, payload: MessagePayload<'correspondence-letter'>): IncomingLetter {
  return readLetterMessage(messageId, payload, parseCareCommunicationBundle(JSON.parse(payload.bundle)).message);
}

/** The same, from the bundle already parsed (the handler acknowledges the message it parsed). */
export function readLetterMessage(messageId: string, payload: MessagePayload<'correspondence-letter'>, message: CareCommunicationMessage): IncomingLetter {
  if (message.messageId !== messageId) {
    rejectMessage('MESSAGE_ID_MISMATCH', "The message's messageId differs from the id of the Bundle's MessageHeader; they must be the same.");
  }
  let cpr: ReturnType<typeof parseCpr>;
  try {
    cpr = parseCpr(message.patient.cpr ?? '', 'Patient.identifier');
  } catch {
    rejectMessage('IMPOSSIBLE_CPR', "The patient's CPR number (Patient.identifier) is not a possible CPR number.");
  }
  const gp = gpOf(message);
  return {
    messageId,
    cpr: cpr.normalized,
    replacementCprs: message.patient.replacementCprs?.length ? message.patient.replacementCprs : null,
    childGivenNames: message.patient.name?.given.join(' ') || null,
    childFamilyName: message.patient.name?.family ?? null,
    birthDate: cpr.birthDate,
    receiverGln: message.receiver.gln,
    receiverSorCode: message.receiver.sorCode,
    senderGln: message.sender.gln,
    senderSorCode: message.sender.sorCode,
    senderName: message.sender.name ?? null,
    senderYdernummer: payload.ydernummer,
    gpSignature: personName(gp),
    gpPractitioner: gp ?? null,
    conversationId: message.conversationId,
    category: message.category,
    topic: message.topic ?? null,
    subject: payload.subject,
    text: message.payloads.map((p) => p.text).join('\n\n'),
    segments: message.payloads,
    step: payload.step,
    sentAt: message.sentAt,
    bundle: payload.bundle,
  };
}
