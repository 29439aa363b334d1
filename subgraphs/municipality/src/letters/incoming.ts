import { childPseudonym, rejectMessage, uuid7, type MessageHandler } from '@pathway-graph/shared';
import { insertLetterOnce } from '../db/letters.ts';
import { findMunicipalityByLocationNumber, type MunicipalityDb } from '../db/repository.ts';
import { replyDueDate } from '../rules/deadline.ts';
import { readIncomingLetter } from '../rules/incoming-letter.ts';

export interface IncomingDeps {
  pseudonymSecret: string;
  /** Today's date in Denmark: the day of receipt, from which the reply deadline counts. */
  today: () => string;
}

/**
 * Receives a correspondence letter from general practice, in the transaction in which the receiver records the
 * message id (so a redelivery is applied once): parse (the contract has checked the payload; rules/incoming-letter.ts
 * reads the bundle), route (to the municipality whose inbox has the location number the GP addressed), store.
 * Answers with the reply due date this municipality set itself, so both sides flag the same letters as overdue.
 */
export function receiveLetter(deps: IncomingDeps): MessageHandler<'correspondence-letter', MunicipalityDb> {
  return async (tx, { messageId, payload }) => {
    const letter = readIncomingLetter(messageId, payload);
    const municipality = await findMunicipalityByLocationNumber(tx, letter.receiverGln);
    if (!municipality) {
      rejectMessage('UNKNOWN_INBOX', `No municipal inbox has location number ${letter.receiverGln}; look the inbox up in the municipality directory.`);
    }
    const receivedOn = deps.today();
    const replyDueOn = replyDueDate(receivedOn, municipality.replyDeadlineWorkingDays);
    const { cpr, birthDate, ...rest } = letter;
    await insertLetterOnce(
      tx,
      {
        ...rest,
        id: uuid7(),
        municipalityCode: municipality.code,
        department: municipality.receivingDepartment,
        childId: childPseudonym(cpr, deps.pseudonymSecret),
        cpr,
        birthDate,
        receivedAt: new Date().toISOString(),
        receivedOn,
        replyDueOn,
      },
      uuid7(),
    );
    return { replyDueOn };
  };
}
