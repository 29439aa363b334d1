import { letterMessage, type LetterForMessage } from '../../subgraphs/general-practice/src/rules/message.ts';
import { replyMessage, type RepliedLetter } from '../../subgraphs/municipality/src/rules/reply-message.ts';
import { validateReply } from '../../subgraphs/municipality/src/rules/reply.ts';
import type { LetterHandlerRole } from '../../subgraphs/municipality/src/rules/triage.ts';
import { glnFromPrefix } from '@pathway-graph/shared/domain/gln';
import { MUNICIPALITY_INBOXES } from '@pathway-graph/shared/domain/municipality-inboxes';
import { acknowledgementOf, buildAcknowledgementBundle, issueDetail } from '@pathway-graph/shared/fhir/acknowledgement';
import { buildCareCommunicationBundle } from '@pathway-graph/shared/fhir/build';
import { parseCareCommunicationBundle } from '@pathway-graph/shared/fhir/parse';
import { newMedComId } from '@pathway-graph/shared/fhir/uuid';

/**
 * The bundles this system sends, built by the same functions the subgraphs call (general practice's letterMessage,
 * the municipality's replyMessage and the Acknowledgements both sides send), from synthetic inputs: for the
 * conformance tests in bundles.test.ts. What actually travelled is checked end to end in test/e2e/medcom.test.ts.
 */

const AARHUS = MUNICIPALITY_INBOXES.find((m) => m.code === 751)!;

/** A letter row as general practice's sendLetter stores it (synthetic child; a phone number as a GP types it). */
export const letterRow: LetterForMessage = {
  id: '0197a1c2-0000-7000-8000-0000000000aa',
  messageId: 'client-key-0001',
  cpr: '0403154321',
  category: 'psychiatry-social-disability',
  topic: 'Mistrivsel',
  text: 'Kære kommune,\nAlma (11 år) har ondt i maven og vil ikke i skole.',
  sentAt: '2026-06-01T08:00:00.000Z',
  recipientMunicipalityCode: 751,
  recipientInboxGln: AARHUS.inboxLocationNumber,
  recipientInboxName: AARHUS.inboxName,
  signatureName: 'Mette Marie Lund',
  signatureTitle: 'Praktiserende læge',
  signaturePhone: '86 12 34 56',
};
export const practice = { ydernummer: '107510', name: 'Lægehuset', locationNumber: glnFromPrefix('579000997510') };
export const childName = { givenNames: 'Alma', familyName: 'Testbarn' };

const wire = (bundle: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;
const freshIds = () => ({ headerId: newMedComId(), bundleId: newMedComId(), conversationId: newMedComId(), segmentId: newMedComId() });

/** general practice: letters/service.ts sendLetter. */
export const letter = () => wire(buildCareCommunicationBundle(letterMessage(letterRow, practice, freshIds(), childName)));

/** The municipality's reply, as letters/service.ts replyToLetter builds it from the letter it stored on receipt. */
export function reply(role: LetterHandlerRole = 'SOCIAL_WORKER'): Record<string, unknown> {
  const bytes = JSON.stringify(letter());
  const received = parseCareCommunicationBundle(JSON.parse(bytes)).message;
  const stored: RepliedLetter = {
    messageId: received.messageId,
    conversationId: received.conversationId,
    category: received.category,
    topic: received.topic ?? null,
    cpr: received.patient.cpr!,
    replacementCprs: null,
    childGivenNames: received.patient.name?.given.join(' ') ?? null,
    childFamilyName: received.patient.name?.family ?? null,
    senderGln: received.sender.gln,
    senderSorCode: received.sender.sorCode,
    senderName: received.sender.name ?? null,
    receiverGln: received.receiver.gln,
    receiverSorCode: received.receiver.sorCode,
    gpPractitioner: received.specificSender && 'practitioner' in received.specificSender ? received.specificSender.practitioner : null,
    segments: received.payloads,
    sentAt: received.sentAt,
    bundle: bytes,
  };
  const valid = validateReply({ initiated: ['PPR_ASSESSMENT'], text: 'Vi kontakter familien.', contactCommitment: 'CONTACT_FAMILY' }, { knownToMunicipality: true });
  const message = replyMessage({
    letter: stored,
    reply: valid,
    author: { displayName: 'Jonas Kristensen', role, phone: '+4587131415' },
    inboxName: AARHUS.inboxName,
    messageId: newMedComId(),
    ids: { bundleId: newMedComId(), segmentId: newMedComId() },
    now: '2026-06-03T10:00:00.000Z',
  });
  return wire(buildCareCommunicationBundle(message));
}

/** The Acknowledgement either side sends for a CareCommunication it received: ok, or refused with the reason. */
export function acknowledgement(of: Record<string, unknown>, code: 'ok' | 'fatal-error' = 'ok'): Record<string, unknown> {
  const message = parseCareCommunicationBundle(of).message;
  const issues =
    code === 'ok'
      ? []
      : [{ severity: 'error' as const, code: 'not-found', detail: issueDetail('MSG_Receiver_Identifier_UNKNOWN'), text: 'No municipal inbox has the location number.' }];
  const ack = acknowledgementOf(message, { code, issues }, { messageId: newMedComId(), bundleId: newMedComId(), sentAt: '2026-06-01T08:00:05.000Z' });
  return wire(buildAcknowledgementBundle(ack));
}
