import type { CareCommunicationCategory, CareCommunicationMessage, PersonName, PractitionerInRole } from '@pathway-graph/shared';
import { createHash } from 'node:crypto';

/**
 * The MedCom CareCommunication message of a stored letter: what the outbox delivers and what `exportBundle` returns.
 * Deterministic (ids derived from the letter), so the same letter always gives the same bundle.
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

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1) for ids derived from the letter. */
export function derivedUuid(name: string): string {
  const hash = createHash('sha1').update(`pathway-graph/general-practice/${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "Mette Lund" -> given [Mette], family Lund; one word -> family only. */
export function personName(full: string): PersonName {
  const words = full.trim().split(/\s+/);
  const family = words.pop()!;
  return words.length > 0 ? { given: [words.join(' ')], family } : { given: [], family };
}

export function letterMessage(letter: LetterForMessage, practice: SendingPractice): CareCommunicationMessage {
  const author: PractitionerInRole = { name: personName(letter.signatureName), roleText: letter.signatureTitle };
  return {
    bundleId: derivedUuid(`${letter.id}/bundle`),
    messageId: letter.messageId,
    sentAt: letter.sentAt,
    activity: 'new-message',
    conversationId: `urn:uuid:${letter.id}`,
    category: letter.category as CareCommunicationCategory,
    topic: letter.topic,
    patient: { cpr: letter.cpr },
    sender: { sorCode: practiceSorCode(practice.ydernummer), gln: practice.locationNumber, name: practice.name },
    receiver: {
      sorCode: municipalityInboxSorCode(letter.recipientMunicipalityCode),
      gln: letter.recipientInboxGln,
      name: letter.recipientInboxName,
    },
    specificSender: { practitioner: author },
    payloads: [
      {
        id: `urn:uuid:${derivedUuid(`${letter.id}/segment`)}`,
        text: letter.text,
        writtenAt: letter.sentAt,
        author,
        authorContact: { system: 'phone', value: letter.signaturePhone },
      },
    ],
    quotedPayloads: [],
  };
}
