import { replyLetterText } from '../../subgraphs/municipality/src/rules/reply.ts';
import { letterMessage, type LetterForMessage } from '../../subgraphs/general-practice/src/rules/message.ts';
import { glnFromPrefix } from '@pathway-graph/shared/domain/gln';
import { MUNICIPALITY_INBOXES } from '@pathway-graph/shared/domain/municipality-inboxes';
import { buildCareCommunicationBundle } from '@pathway-graph/shared/fhir/build';
import { parseCareCommunicationBundle } from '@pathway-graph/shared/fhir/parse';
import type { CareCommunicationMessage, PractitionerInRole } from '@pathway-graph/shared/fhir/types';
import { uuidV5 } from '@pathway-graph/shared/fhir/uuid';

/**
 * The bundles this system sends today, built from the same code and inputs as the subgraphs: for the conformance
 * tests (todays-bundles.test.ts), and for phase 2 of issue 14 to check its repaired builders with.
 */

const AARHUS = MUNICIPALITY_INBOXES.find((m) => m.code === 751)!;
export const wire = (bundle: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;

/** A letter row as general practice's sendLetter stores it (synthetic child; a phone number its validation accepts). */
export const letterRow: LetterForMessage = {
  id: '0197a1c2-0000-7000-8000-0000000000aa',
  messageId: '0197a1c2-0000-7000-8000-000000000001',
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

/** general practice: letters/service.ts sendLetter and letterBundle. */
export const todaysLetter = () => wire(buildCareCommunicationBundle(letterMessage(letterRow, practice)));

/**
 * The municipality's reply, built with the same inputs as subgraphs/municipality/src/resolvers/inbox.ts replyToLetter
 * (which builds it inline, so it is repeated here): the letter as incoming.ts stores it from the parsed bundle, the
 * handler's name split like nameOf, the role text of ROLE_TEXT, ids derived with uuidV5 from a random message id.
 */
export function todaysReply(): Record<string, unknown> {
  const letter = parseCareCommunicationBundle(todaysLetter()).message;
  const gp: PractitionerInRole | undefined =
    letter.specificSender && 'practitioner' in letter.specificSender ? letter.specificSender.practitioner : letter.payloads[0]?.author;
  const messageId = '3f2b7c1e-9d4a-4e8b-a6c5-2d1f0e9b8a7c';
  const now = '2026-06-03T10:00:00.000Z';
  const author = { name: { given: ['Jonas'], family: 'Kristensen' }, roleText: 'Socialrådgiver' };
  const message: CareCommunicationMessage = {
    bundleId: uuidV5(`${messageId}/Bundle`),
    messageId,
    sentAt: now,
    activity: 'reply-message',
    inReplyTo: { messageId: letter.messageId },
    conversationId: letter.conversationId,
    category: letter.category,
    ...(letter.topic ? { topic: letter.topic } : {}),
    patient: { cpr: letter.patient.cpr },
    sender: { sorCode: letter.receiver.sorCode, gln: letter.receiver.gln, name: AARHUS.inboxName },
    receiver: { sorCode: letter.sender.sorCode, gln: letter.sender.gln, ...(letter.sender.name ? { name: letter.sender.name } : {}) },
    specificSender: { practitioner: author },
    ...(gp ? { specificRecipient: { practitioner: gp } } : {}),
    payloads: [
      {
        id: `urn:uuid:${uuidV5(`${messageId}/payload/0`)}`,
        text: replyLetterText({ initiated: ['PPR_ASSESSMENT'], text: 'Vi kontakter familien.', contactCommitment: 'CONTACT_FAMILY', contactOptions: null }),
        writtenAt: now,
        author,
      },
    ],
    quotedPayloads: letter.payloads.map((s) => ({ ...s, from: 'receiver' as const })),
  };
  return wire(buildCareCommunicationBundle(message));
}

