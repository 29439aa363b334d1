import {
  acknowledgementOf,
  buildAcknowledgementBundle,
  childPseudonym,
  issueDetail,
  newMedComId,
  parseCareCommunicationBundle,
  uuid7,
  type AcknowledgementVerdict,
  type CareCommunicationMessage,
  type MessageHandler,
  type MessagingDb,
} from '@pathway-graph/shared';
import { insertLetterOnce } from '../db/letters.ts';
import { findMunicipalityByLocationNumber, type MunicipalityDb } from '../db/repository.ts';
import { replyDueDate } from '../rules/deadline.ts';
import { readLetterMessage } from '../rules/incoming-letter.ts';
import { outbox } from './outbox.ts';

export interface IncomingDeps {
  pseudonymSecret: string;
  /** Today's date in Denmark: the day of receipt, from which the reply deadline counts. */
  today: () => string;
}

/** Queues the municipality's MedCom Acknowledgement of a letter, in the transaction that applies (or refuses) it. */
async function acknowledgeLetter(
  tx: MessagingDb,
  message: CareCommunicationMessage,
  childId: string,
  verdict: AcknowledgementVerdict,
  replyDueOn: string | null,
): Promise<void> {
  const ack = acknowledgementOf(message, verdict, { messageId: newMedComId(), bundleId: newMedComId(), sentAt: new Date().toISOString() });
  await outbox.enqueue(tx, {
    kind: 'letter-acknowledgement',
    to: 'general-practice',
    messageId: ack.messageId,
    childId,
    respondsTo: message.messageId,
    payload: { bundle: JSON.stringify(buildAcknowledgementBundle(ack)), replyDueOn },
  });
}

/**
 * Receives a correspondence letter from general practice, in the transaction in which the receiver records the
 * message id (so a redelivery is applied once): parse (the contract has checked the payload; rules/incoming-letter.ts
 * reads the bundle), route (to the municipality whose inbox has the location number the GP addressed), store, and
 * acknowledge it in a MedCom Acknowledgement: ok, with the reply due date this municipality set itself (so both sides
 * flag the same letters as overdue), or fatal-error when no inbox has the location number (nothing is stored).
 */
export function receiveLetter(deps: IncomingDeps): MessageHandler<'correspondence-letter', MunicipalityDb> {
  return async (tx, { messageId, payload }) => {
    const { message } = parseCareCommunicationBundle(JSON.parse(payload.bundle));
    const letter = readLetterMessage(messageId, payload, message);
    const { cpr, birthDate, ...rest } = letter;
    const childId = childPseudonym(cpr, deps.pseudonymSecret);
    const municipality = await findMunicipalityByLocationNumber(tx, letter.receiverGln);
    if (!municipality) {
      const text = `No municipal inbox has location number ${letter.receiverGln}; look the inbox up in the municipality directory.`;
      const verdict: AcknowledgementVerdict = {
        code: 'fatal-error',
        issues: [{ severity: 'error', code: 'not-found', detail: issueDetail('MSG_Receiver_Identifier_UNKNOWN'), text }],
      };
      await acknowledgeLetter(tx, message, childId, verdict, null);
      return {};
    }
    const receivedOn = deps.today();
    const replyDueOn = replyDueDate(receivedOn, municipality.replyDeadlineWorkingDays);
    await insertLetterOnce(
      tx,
      {
        ...rest,
        id: uuid7(),
        municipalityCode: municipality.code,
        department: municipality.receivingDepartment,
        childId,
        cpr,
        birthDate,
        receivedAt: new Date().toISOString(),
        receivedOn,
        replyDueOn,
      },
      uuid7(),
    );
    await acknowledgeLetter(tx, message, childId, { code: 'ok', issues: [] }, replyDueOn);
    return {};
  };
}
