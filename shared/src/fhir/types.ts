/**
 * A correspondence letter (korrespondancemeddelelse, agreement 6.2) or its reply, as the app sees it: no FHIR in
 * sight. `buildCareCommunicationBundle` turns it into a MedCom CareCommunication message Bundle and
 * `parseCareCommunicationBundle` turns such a Bundle back into it; for everything this type can hold the two are exact
 * inverses, so what a subgraph stores is what the other subgraph sent.
 *
 * Ids of the resources the app never addresses (Patient, Organization, PractitionerRole, Provenance, ...) are not
 * kept here: build derives them from `messageId`, and parse ignores the sender's.
 */

/** MedComCareCommunicationCategories (a required binding; the code system is case-insensitive). */
export const CARE_COMMUNICATION_CATEGORIES = [
  'alcohol-and-drug-treatment',
  'assistive-devices',
  'carecoordination',
  'decease',
  'discharge',
  'examination-results',
  'healthcare',
  'home-care-assessment',
  'medicine',
  'nursing',
  'outpatient',
  'psychiatry-social-disability',
  'regarding-referral',
  'telemedicine',
  'training',
  'acute-ambulant',
  'extended-care-responsibility',
  'other',
] as const;
export type CareCommunicationCategory = (typeof CARE_COMMUNICATION_CATEGORIES)[number];

/** The Provenance activities this app sends and accepts; forward, modify and retract are not part of agreement 6.2. */
export type CareCommunicationActivity = 'new-message' | 'reply-message';

export interface PersonName {
  /** Given names as the sender wrote them: "Elmer Bruno" may be one entry. */
  given: string[];
  family?: string;
}

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** A MedCom messaging Organization: the sending or receiving system's organisation, addressed by SOR and GLN. */
export interface MessagingOrganization {
  /** SOR code; MessageHeader endpoints are the SOR look-up URL of this code. */
  sorCode: string;
  /** Location number (lokationsnummer, GLN/EAN), the inbox the letter is routed by. */
  gln: string;
  name?: string;
}

/** A PractitionerRole with its Practitioner: who wrote a segment, or a named sender or recipient. */
export interface PractitionerInRole {
  name: PersonName;
  /** PractitionerRole.code, e.g. SKS administrativ `sygeplejerske` or Autorisationsregistret `laege`. */
  role?: Coding;
  /** PractitionerRole.code.text, MedCom's alternative to a coded role. */
  roleText?: string;
}

/** A more specific party than the organisation: a named practitioner or a care team (e.g. a municipal department). */
export type SpecificParty = { practitioner: PractitionerInRole } | { careTeam: { name: string } };

export interface ContactPoint {
  /** FHIR ContactPoint.system; MedCom senders use `phone`. */
  system: string;
  value: string;
}

/** One message segment (Communication.payload with text). */
export interface MessageSegment {
  /** The segment's identifier (payload identifier extension), e.g. `urn:uuid:...`; Provenance names it. */
  id: string;
  text: string;
  /** When the author wrote it (payload date extension), as sent. */
  writtenAt: string;
  author?: PractitionerInRole;
  /** How to reach the author (payload contact extension). */
  authorContact?: ContactPoint;
}

/**
 * A segment of an earlier message in the conversation, carried along because MedCom replies repeat the history for
 * receivers that do not keep it.
 */
export interface QuotedSegment extends MessageSegment {
  /** Which of this message's two organisations issued the segment's identifier, when the bundle tells. */
  from?: 'sender' | 'receiver';
}

/** What a reply answers: a FHIR message by its MessageHeader.id, or an EDIFACT/OIOXML letter (`lokationsnummer#brevid`). */
export type PreviousMessage = { messageId: string } | { legacyLetterId: string };

/**
 * A replacement CPR number (erstatnings-CPR, DK Core's eCPR): given to a patient without a CPR number (X-eCPR) or by
 * a region or municipality before the CPR number is known (D-eCPR). MedCom's receive test protocol wants it kept and
 * shown beside the CPR number, and a reply repeats it.
 */
export interface ReplacementCpr {
  kind: 'x-ecpr' | 'd-ecpr';
  /** The identifier system: X-eCPR's, or the issuing authority's D-eCPR system. */
  system: string;
  value: string;
}

/** The patient a message is about. */
export interface MessagePatient {
  /** The CPR number, 10 digits; absent only for a patient identified by a replacement CPR number. */
  cpr?: string;
  replacementCprs?: ReplacementCpr[];
  /** The official name (MedComCorePatient: Patient.name:official with a family name is required). */
  name?: PersonName;
}

/**
 * An earlier message of the conversation, as its Provenance describes it. A reply carries the Provenance of every
 * message exchange the conversation has been through (MedCom Messaging governance, 050 section 4.1), so a receiver
 * that keeps no history can tell who wrote which segment when.
 */
export interface EarlierMessage {
  /** Its MessageHeader.id (Provenance.target). */
  messageId: string;
  /** The Provenance's own id, as the message carried it; build derives one from `messageId` when absent. */
  provenanceId?: string;
  /** Its Provenance.activity: new-message, reply-message or forward-message. */
  activity: string;
  /** Provenance.occurredDateTime, as sent. */
  occurredAt: string;
  /** Provenance.recorded, as sent, when it differs from occurredAt. */
  recordedAt?: string;
  /** Which of this message's two organisations sent it (Provenance.agent.who). */
  by: 'sender' | 'receiver';
  /** The segments it added (entity payload, by identifier). */
  segmentIds: string[];
  /** The message it answered (entity preceedingMessage), if any. */
  inReplyTo?: PreviousMessage;
}

interface CareCommunicationFields {
  /** Bundle.id. */
  bundleId: string;
  /** MessageHeader.id: what an acknowledgement and a reply point at, and the idempotency key for delivery. */
  messageId: string;
  /** Bundle.timestamp, as sent (an instant with time zone): when this envelope was assembled. */
  sentAt: string;
  /**
   * When the message was first sent (its own Provenance.occurredDateTime and recorded), when that differs from
   * `sentAt`: a resend has a new Bundle.timestamp but is otherwise the message as first sent (MedCom reliable
   * messaging, scenario 3).
   */
  firstSentAt?: string;
  /**
   * Communication.identifier: MedCom keeps it unchanged across a new message and all replies to it, so it names the
   * conversation (the letter and its replies).
   */
  conversationId: string;
  category: CareCommunicationCategory;
  /** Only allowed with category `regarding-referral` (MedCom invariant careCommunication-5). */
  priority?: 'routine' | 'asap';
  /** Communication.topic.text (emne); required with category `other` (MedCom invariant careCommunication-6). */
  topic?: string;
  patient: MessagePatient;
  /** MessageHeader.sender. */
  sender: MessagingOrganization;
  /** MessageHeader.destination[primary].receiver. */
  receiver: MessagingOrganization;
  /** Communication sender extension: the person or team within `sender` who sends. */
  specificSender?: SpecificParty;
  /** Communication.recipient: the person or team within `receiver` it is meant for. */
  specificRecipient?: SpecificParty;
  /** The segments this message adds (those its Provenance names); at least one. */
  payloads: MessageSegment[];
  /** Earlier segments of the conversation, repeated in this message. */
  quotedPayloads: QuotedSegment[];
  /** The Provenance of the earlier messages of the conversation, repeated in this message; empty for a new message. */
  history?: EarlierMessage[];
}

export type CareCommunicationMessage =
  | (CareCommunicationFields & { activity: 'new-message' })
  | (CareCommunicationFields & { activity: 'reply-message'; inReplyTo: PreviousMessage });

/** A departure from the MedCom standard that real vendors make and that parse accepts after normalising it. */
export type DeviationCode = 'cpr-system-without-urn-oid' | 'sor-system-missing-colon' | 'message-definition-4.0';

export interface AcceptedDeviation {
  code: DeviationCode;
  /** Where in the Bundle it was found (FHIR path). */
  element: string;
  description: string;
}

export interface ParsedCareCommunication {
  message: CareCommunicationMessage;
  /** Empty for a message that follows the standard. */
  deviations: AcceptedDeviation[];
}
