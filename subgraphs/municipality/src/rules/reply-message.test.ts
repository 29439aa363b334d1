import { buildCareCommunicationBundle, parseCareCommunicationBundle } from '@pathway-graph/shared';
import { newLetter } from '@pathway-graph/shared/fhir/fixtures/messages';
import { describe, expect, it } from 'vitest';
import { nameOf, replyAuthorPhone, replyMessage, type RepliedLetter } from './reply-message.ts';
import { validateReply } from './reply.ts';

const letter: RepliedLetter = {
  messageId: newLetter.messageId,
  conversationId: newLetter.conversationId,
  category: newLetter.category,
  topic: newLetter.topic ?? null,
  cpr: newLetter.patient.cpr!,
  replacementCprs: null,
  childGivenNames: 'Alma',
  childFamilyName: 'Testbarn',
  senderGln: newLetter.sender.gln,
  senderSorCode: newLetter.sender.sorCode,
  senderName: newLetter.sender.name ?? null,
  receiverGln: newLetter.receiver.gln,
  receiverSorCode: newLetter.receiver.sorCode,
  gpPractitioner: { name: { given: ['Mette'], family: 'Lund' } },
  segments: newLetter.payloads,
  sentAt: newLetter.sentAt,
  bundle: JSON.stringify(buildCareCommunicationBundle(newLetter)),
};
const reply = validateReply({ initiated: ['PPR_ASSESSMENT'], text: 'PPR ser på sagen.', contactCommitment: 'CONTACT_FAMILY' }, { knownToMunicipality: true });
const message = replyMessage({
  letter,
  reply,
  author: { displayName: 'Jonas Bo Kristensen', role: 'SOCIAL_WORKER', phone: '+4587131415' },
  inboxName: 'Aarhus Kommune – Børn og Unge',
  messageId: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a',
  ids: { bundleId: '5e6f7a8b-9c0d-4e1f-9a2b-3c4d5e6f7a8b', segmentId: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c' },
  now: '2026-03-05T13:00:00.000Z',
});

describe('replyMessage', () => {
  it('answers from the inbox the letter reached, to the practice that wrote, pointing at the letter', () => {
    expect(message).toMatchObject({
      activity: 'reply-message',
      inReplyTo: { messageId: newLetter.messageId },
      conversationId: newLetter.conversationId,
      patient: { cpr: newLetter.patient.cpr, name: { given: ['Alma'], family: 'Testbarn' } },
      sender: { gln: newLetter.receiver.gln, name: 'Aarhus Kommune – Børn og Unge' },
      receiver: { gln: newLetter.sender.gln },
      specificSender: { practitioner: { name: { given: ['Jonas', 'Bo'], family: 'Kristensen' }, role: { code: 'socialraadgiver' } } },
      specificRecipient: { practitioner: { name: { given: ['Mette'], family: 'Lund' } } },
    });
    expect(message.payloads[0]!.text).toMatch(/^Iværksat: PPR-vurdering\.\n\nPPR ser på sagen\.\n\nKommunen kontakter familien/);
    expect(message.quotedPayloads).toEqual(newLetter.payloads.map((s) => ({ ...s, from: 'receiver' })));
    // The reply's own text segment carries its author's telephone, and the reply the letter's own Provenance.
    expect(message.payloads[0]).toMatchObject({ id: 'urn:uuid:6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', authorContact: { system: 'phone', value: '+4587131415' } });
    expect(message.history).toEqual([
      expect.objectContaining({ messageId: newLetter.messageId, activity: 'new-message', occurredAt: newLetter.sentAt, by: 'receiver', segmentIds: newLetter.payloads.map((p) => p.id) }),
    ]);
  });

  it("takes the author's phone as + and digits, and refuses what cannot be called", () => {
    expect(replyAuthorPhone(' 87 13 14 15 ')).toBe('+4587131415');
    for (const bad of [undefined, '', 'ring til kontoret', '1234', '+45 87 13 14 15 16 17 18 19']) expect(() => replyAuthorPhone(bad), String(bad)).toThrow(/phone must be/);
  });

  it('is a MedCom reply-message the parser reads back unchanged, with the ids given', () => {
    expect(parseCareCommunicationBundle(buildCareCommunicationBundle(message)).message).toEqual(message);
    expect(message.bundleId).toBe('5e6f7a8b-9c0d-4e1f-9a2b-3c4d5e6f7a8b');
    const again = replyMessage({ letter, reply, author: { displayName: 'Jonas', role: 'CASEWORKER', phone: '+4587131415' }, inboxName: undefined, messageId: message.messageId, ids: { bundleId: message.bundleId, segmentId: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c' }, now: message.sentAt });
    expect(again.sender).not.toHaveProperty('name');
    // A caseworker has no code in MedCom's role list: the role travels as text only.
    expect(again.specificSender).toEqual({ practitioner: { name: { given: ['Jonas'] }, roleText: 'Sagsbehandler' } });
  });

  it('splits a one-word name into a given name only', () => {
    expect(nameOf(' Mette ')).toEqual({ given: ['Mette'] });
  });
});
