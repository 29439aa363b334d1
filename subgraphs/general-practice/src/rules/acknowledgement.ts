import type { AcknowledgementMessage } from '@pathway-graph/shared';

/**
 * Which MedCom Acknowledgements may settle a letter: only one from the inbox (location number) the letter was sent
 * to. Anyone can write an Acknowledgement naming a letter's MessageHeader.id; only its receiver acknowledges it.
 */
export interface AcknowledgedLetter {
  recipientInboxGln: string;
}

export function acknowledgementProblem(letter: AcknowledgedLetter, ack: Pick<AcknowledgementMessage, 'sender'>): { code: 'WRONG_SENDER'; message: string } | null {
  if (ack.sender.gln === letter.recipientInboxGln) return null;
  return {
    code: 'WRONG_SENDER',
    message: `The Acknowledgement comes from location number ${ack.sender.gln}, but the letter was sent to location number ${letter.recipientInboxGln}; only that inbox acknowledges it.`,
  };
}
