import { medcomPhoneNumber, ROLE_SYSTEM, type CareCommunicationCategory, type CareCommunicationMessage, type PersonName, type PractitionerInRole } from '@pathway-graph/shared';

/**
 * The MedCom CareCommunication message of a letter: built once, when it is sent; its bytes are kept and are what the
 * outbox delivers and `exportBundle` returns. The identifiers MedCom wants drawn fresh (MessageHeader.id, Bundle.id,
 * Communication.identifier, the segment's identifier: UUIDs of version 4) come in `ids`.
 */

/** What of a letter the message needs. */
export interface LetterForMessage {
  id: string;
  messageId: string;
  cpr: string;
  category: string;
  topic: string;
  text: string;
  /** ISO 8601 instant. */
  sentAt: string;
  recipientMunicipalityCode: number;
  recipientInboxGln: string;
  recipientInboxName: string;
  signatureName: string;
  signatureTitle: string;
  signaturePhone: string;
}

/** The UUIDs (version 4) a new letter is known by in MedCom. */
export interface LetterIds {
  headerId: string;
  bundleId: string;
  conversationId: string;
  segmentId: string;
}

/** The child's official name from the practice's record. */
export interface ChildName {
  givenNames: string | null;
  familyName: string;
}

export interface SendingPractice {
  ydernummer: string;
  name: string;
  locationNumber: string;
}

/**
 * Placeholder SOR codes. The demo practices and the municipality inboxes have no registered SOR code yet; these are
 * made up in the shape of SOR ids (digits ending in the Danish namespace `1000016` and a check part), stable per
 * practice and municipality. Replace with the SOR register's codes before real traffic.
 */
export const practiceSorCode = (ydernummer: string): string => `${ydernummer.padStart(6, '0')}1000016004`;
export const municipalityInboxSorCode = (code: number): string => `${String(code).padStart(3, '0')}9991000016003`;

/** "Mette Lund" -> given [Mette], family Lund; one word -> family only. */
export function personName(full: string): PersonName {
  const words = full.trim().split(/\s+/);
  const family = words.pop()!;
  return words.length > 0 ? { given: [words.join(' ')], family } : { given: [], family };
}

/**
 * The signing GP: a physician, coded as Autorisationsregistret `laege`. A role is a code or a text, never both
 * (medcom-careCommunication-7), so the title the GP signed with stays with the letter, not in the bundle.
 */
export function gpAuthor(signatureName: string): PractitionerInRole {
  return { name: personName(signatureName), role: { system: ROLE_SYSTEM.authorisation, code: 'laege', display: 'Læge' } };
}

export function letterMessage(letter: LetterForMessage, practice: SendingPractice, ids: LetterIds, child: ChildName): CareCommunicationMessage {
  const author = gpAuthor(letter.signatureName);
  const phone = medcomPhoneNumber(letter.signaturePhone);
  // validateLetter accepts only numbers this can write; a stored letter from before keeps what it had.
  const authorContact = { system: 'phone', value: phone ?? letter.signaturePhone };
  return {
    bundleId: ids.bundleId,
    messageId: ids.headerId,
    sentAt: letter.sentAt,
    activity: 'new-message',
    conversationId: `urn:uuid:${ids.conversationId}`,
    category: letter.category as CareCommunicationCategory,
    topic: letter.topic,
    patient: { cpr: letter.cpr, name: { given: child.givenNames ? [child.givenNames.trim()] : [], family: child.familyName } },
    sender: { sorCode: practiceSorCode(practice.ydernummer), gln: practice.locationNumber, name: practice.name },
    receiver: {
      sorCode: municipalityInboxSorCode(letter.recipientMunicipalityCode),
      gln: letter.recipientInboxGln,
      name: letter.recipientInboxName,
    },
    specificSender: { practitioner: author },
    payloads: [{ id: `urn:uuid:${ids.segmentId}`, text: letter.text, writtenAt: letter.sentAt, author, authorContact }],
    quotedPayloads: [],
  };
}
