import { newLetter, reply } from '@pathway-graph/shared/fhir/fixtures/messages';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { answeredMessageId, replyProblem, type AnsweredLetter } from './reply.ts';

const letter: AnsweredLetter = {
  cpr: newLetter.patient.cpr!,
  recipientInboxGln: newLetter.receiver.gln,
  recipientInboxName: 'Aarhus Kommune – Børn og Unge',
};

describe('replyProblem', () => {
  it('accepts a reply about the letter’s child from the inbox the letter was sent to', () => {
    expect(replyProblem(letter, reply)).toBeNull();
  });

  it('refuses a reply from any other location number, naming the inbox that may answer', () => {
    const forged = { ...reply, sender: { ...reply.sender, gln: '5790000000005' } };
    expect(replyProblem(letter, forged)).toMatchObject({ code: 'WRONG_SENDER', field: 'MessageHeader.sender' });
    expect(replyProblem(letter, forged)?.message).toMatch(/comes from location number 5790000000005.*sent to Aarhus Kommune – Børn og Unge \(location number 5790001890124\)/);
    // The GP's own practice answering its own letter is no reply either.
    expect(replyProblem(letter, { ...reply, sender: newLetter.sender })?.code).toBe('WRONG_SENDER');
  });

  it('refuses a reply about another child without naming either CPR number', () => {
    const problem = replyProblem(letter, { ...reply, patient: { cpr: '0101104123' } });
    expect(problem).toMatchObject({ code: 'PATIENT_MISMATCH', field: 'Patient.identifier' });
    expect(problem?.message).not.toMatch(/\d{10}/);
  });
});

describe('answeredMessageId', () => {
  it('is the MessageHeader id the reply’s Provenance names', () => {
    expect(answeredMessageId(reply)).toBe(newLetter.messageId);
  });

  it('refuses a new message with BAD_USER_INPUT naming the Provenance', () => {
    expect(() => answeredMessageId(newLetter)).toThrow(GraphQLError);
    try {
      answeredMessageId(newLetter);
    } catch (error) {
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Provenance.entity' });
    }
  });
});
