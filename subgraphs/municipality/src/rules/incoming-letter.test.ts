import { buildCareCommunicationBundle, MessageRejection } from '@pathway-graph/shared';
import { newLetter } from '@pathway-graph/shared/fhir/fixtures/messages';
import { describe, expect, it } from 'vitest';
import { personName, readIncomingLetter } from './incoming-letter.ts';

const payload = (message = newLetter) => ({ bundle: JSON.stringify(buildCareCommunicationBundle(message)), ydernummer: '107510', step: 'TRIN_2' as const, subject: 'Bekymring' });

function rejection(fn: () => unknown): MessageRejection {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MessageRejection);
    return error as MessageRejection;
  }
  throw new Error('expected a rejection');
}

describe('readIncomingLetter', () => {
  it('reads the letter, its sender and the facts that travel beside the bundle', () => {
    expect(readIncomingLetter(newLetter.messageId, payload())).toMatchObject({
      messageId: newLetter.messageId,
      cpr: '0707161234',
      // Digit 7 is 1: born in the 1900s (the parser's century rule), whatever the fixture's story says.
      birthDate: '1916-07-07',
      receiverGln: newLetter.receiver.gln,
      senderGln: newLetter.sender.gln,
      senderName: 'Lægerne på Testvej',
      senderYdernummer: '107510',
      gpSignature: 'Mette Lund',
      category: 'psychiatry-social-disability',
      topic: 'Bekymring for trivsel',
      subject: 'Bekymring',
      step: 'TRIN_2',
      text: newLetter.payloads[0]!.text,
    });
  });

  it("keeps the child's official name, the replacement CPR numbers and the bytes as received", () => {
    const named = {
      ...newLetter,
      patient: { cpr: newLetter.patient.cpr!, name: { given: ['Alma Marie'], family: 'Testbarn' }, replacementCprs: [{ kind: 'x-ecpr' as const, system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0707169AB1' }] },
    };
    const sent = payload(named);
    const letter = readIncomingLetter(newLetter.messageId, sent);
    expect(letter).toMatchObject({ childGivenNames: 'Alma Marie', childFamilyName: 'Testbarn', replacementCprs: named.patient.replacementCprs });
    expect(letter.bundle).toBe(sent.bundle);
  });

  it('rejects a message whose id is not the bundle’s MessageHeader id', () => {
    expect(rejection(() => readIncomingLetter('another-id', payload())).code).toBe('MESSAGE_ID_MISMATCH');
  });

  it('rejects an impossible CPR number without repeating it', () => {
    const impossible = { ...newLetter, patient: { cpr: '3102154001' } };
    const refused = rejection(() => readIncomingLetter(newLetter.messageId, payload(impossible)));
    expect(refused.code).toBe('IMPOSSIBLE_CPR');
    expect(refused.message).not.toContain('3102154001');
  });

  it('names the GP from the named sender, else from the first segment’s author', () => {
    expect(personName({ name: { given: ['Elmer', 'Bruno'], family: 'Fudd' } })).toBe('Elmer Bruno Fudd');
    expect(personName(undefined)).toBeNull();
    const { specificSender: _omitted, ...withoutSender } = newLetter;
    expect(readIncomingLetter(newLetter.messageId, payload(withoutSender)).gpSignature).toBe('Mette Lund');
  });
});
