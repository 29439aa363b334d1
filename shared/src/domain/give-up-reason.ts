import { badUserInput } from '../errors.ts';
import { containsCprLikeNumber } from './cpr-like.ts';
import { requiredText } from './input.ts';

/** The longest reason a person may give for giving up a message's delivery (the outbox keeps it in its error note). */
export const MAX_GIVE_UP_REASON_LENGTH = 200;

/**
 * Why a person gives up a FAILED message: one line of 1-200 characters. It is written to the outbox's error note,
 * which is logged and shown beside the message's delivery, so it must not carry personal data: text that looks like
 * a CPR number is refused (a name cannot be told apart from other words; the field's description asks for none).
 */
export function giveUpReason(value: unknown, field = 'reason'): string {
  const reason = requiredText(value, field, MAX_GIVE_UP_REASON_LENGTH, { what: 'The reason for giving up', singleLine: true });
  if (containsCprLikeNumber(reason)) {
    throw badUserInput('The reason for giving up must not contain a CPR number: it is logged with the message; say why without personal data.', {
      field,
      rule: 'CPR_NUMBER',
    });
  }
  return reason;
}
