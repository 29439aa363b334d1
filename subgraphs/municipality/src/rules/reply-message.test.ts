import { buildCareCommunicationBundle, parseCareCommunicationBundle } from '@pathway-graph/shared';
import { newLetter } from '@pathway-graph/shared/fhir/fixtures/messages';
import { describe, expect, it } from 'vitest';
import { nameOf, replyMessage, type RepliedLetter } from './reply-message.ts';
import { validateReply } from './reply.ts';

const letter: RepliedLetter = {
  messageId: newLetter.messageId,
  conversationId: newLetter.conversationId,
  category: newLetter.category,
  topic: newLetter.topic ?? null,
  cpr: newLetter.patient.cpr,
  senderGln: newLetter.sender.gln,
  senderSorCode: newLetter.sender.sorCode,
  senderName: newLetter.sender.name ?? null,
  receiverGln: newLetter.receiver.gln,
  receiverSorCode: newLetter.receiver.sorCode,
  gpPractitioner: { name: { given: ['Mette'], family: 'Lund' } },
  segments: newLetter.payloads,
};
const reply = validateReply({ initiated: ['PPR_ASSESSMENT'], text: 'PPR ser på sagen.', contactCommitment: 'CONTACT_FAMILY' }, { knownToMunicipality: true });
const message = replyMessage({
  letter,
  reply,
  author: { displayName: 'Jonas Bo Kristensen', role: 'SOCIAL_WORKER' },
  inboxName: 'Aarhus Kommune – Børn og Unge',
  messageId: '0197a1c2-0000-7000-8000-00000000aaaa',
  now: '2026-03-05T13:00:00.000Z',
});

describe('replyMessage', () => {
  it('answers from the inbox the letter reached, to the practice that wrote, pointing at the letter', () => {
    expect(message).toMatchObject({
      activity: 'reply-message',
      inReplyTo: { messageId: newLetter.messageId },
      conversationId: newLetter.conversationId,
      patient: { cpr: newLetter.patient.cpr },
      sender: { gln: newLetter.receiver.gln, name: 'Aarhus Kommune – Børn og Unge' },
      receiver: { gln: newLetter.sender.gln },
      specificSender: { practitioner: { name: { given: ['Jonas', 'Bo'], family: 'Kristensen' }, roleText: 'Socialrådgiver' } },
      specificRecipient: { practitioner: { name: { given: ['Mette'], family: 'Lund' } } },
    });
    expect(message.payloads[0]!.text).toMatch(/^Iværksat: PPR-vurdering\.\n\nPPR ser på sagen\.\n\nKommunen kontakter familien/);
    expect(message.quotedPayloads).toEqual(newLetter.payloads.map((s) => ({ ...s, from: 'receiver' })));
  });

  it('is a MedCom reply-message the parser reads back unchanged, with ids derived from its message id', () => {
    expect(parseCareCommunicationBundle(buildCareCommunicationBundle(message)).message).toEqual(message);
    const again = replyMessage({ letter, reply, author: { displayName: 'Jonas Bo Kristensen', role: 'SOCIAL_WORKER' }, inboxName: undefined, messageId: message.messageId, now: message.sentAt });
    expect(again.bundleId).toBe(message.bundleId);
    expect(again.sender).not.toHaveProperty('name');
  });

  it('splits a one-word name into a given name only', () => {
    expect(nameOf(' Mette ')).toEqual({ given: ['Mette'] });
  });
});
