import { badUserInput, type CareCommunicationMessage } from '@pathway-graph/shared';

/**
 * Which replies may answer a letter (agreement 6.2: the municipality the GP wrote to replies). Pure: the same rule for
 * a reply delivered by the municipality's system and for one imported by the GP from a file.
 */

/** What of a sent letter the rule needs. */
export interface AnsweredLetter {
  cpr: string;
  recipientInboxGln: string;
  recipientInboxName: string;
}

export interface ReplyProblem {
  /** A stable code (also the message endpoint's refusal code). */
  code: 'PATIENT_MISMATCH' | 'WRONG_SENDER';
  /** The element of the bundle to look at. */
  field: string;
  message: string;
}

/** Which letter a reply answers, or a refusal naming the element. */
export function answeredMessageId(message: CareCommunicationMessage): string {
  if (message.activity !== 'reply-message' || !('messageId' in message.inReplyTo)) {
    throw badUserInput("Only a reply-message whose Provenance names the letter's MessageHeader can answer a letter.", {
      field: 'Provenance.entity',
    });
  }
  return message.inReplyTo.messageId;
}

/**
 * Why `reply` cannot be stored as the answer to `letter`, or null when it can: it must be about the letter's child,
 * and come from the municipality inbox (location number) the letter was sent to. Anyone can write a bundle naming a
 * letter's MessageHeader; only the inbox that received the letter answers it.
 */
export function replyProblem(letter: AnsweredLetter, reply: CareCommunicationMessage): ReplyProblem | null {
  if (reply.patient.cpr !== letter.cpr) {
    return { code: 'PATIENT_MISMATCH', field: 'Patient.identifier', message: "The reply's patient is not the child the letter is about." };
  }
  if (reply.sender.gln !== letter.recipientInboxGln) {
    return {
      code: 'WRONG_SENDER',
      field: 'MessageHeader.sender',
      message:
        `The reply comes from location number ${reply.sender.gln}, but the letter was sent to ${letter.recipientInboxName} ` +
        `(location number ${letter.recipientInboxGln}); only that inbox can answer it. Use the reply that inbox sent.`,
    };
  }
  return null;
}
