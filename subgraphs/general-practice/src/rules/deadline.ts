import { addWorkingDays } from '@pathway-graph/shared';
import type { LetterStatus } from './status.ts';

/**
 * Reply deadlines. The agreement (6.2) promises the GP a reply about what has been initiated but sets no deadline;
 * each municipality sets its own. Counted in working days: Monday to Friday, without the days Danish public offices
 * are closed.
 */
export const DEFAULT_REPLY_WORKING_DAYS = 10;

/**
 * Per-municipality reply deadlines in working days, by municipality code. Configuration, not law: the values here are
 * illustrative placeholders until each municipality states its own; a municipality not listed gets
 * DEFAULT_REPLY_WORKING_DAYS. (Herning ran the pilot with a short deadline; Samsø and Lemvig route letters through
 * their health and elderly area and get a longer one.) Belongs with the municipality's inbox data once that is shared.
 */
export const REPLY_WORKING_DAYS_BY_MUNICIPALITY: Readonly<Record<number, number>> = {
  657: 5,
  741: 15,
  665: 15,
};

/**
 * The sender's estimate until the municipality acknowledges the letter with its own due date (which then replaces
 * it): the municipality's deadline setting is the one that counts.
 */
export function replyWorkingDays(municipalityCode: number): number {
  return REPLY_WORKING_DAYS_BY_MUNICIPALITY[municipalityCode] ?? DEFAULT_REPLY_WORKING_DAYS;
}

/** The last day a reply is on time: `workingDays` working days after the day the letter was sent. */
export function replyDueDate(sentOn: string, workingDays: number): string {
  return addWorkingDays(sentOn, workingDays);
}

/**
 * Overdue: no reply yet and the due day has passed. A failed letter never reached the municipality, so it is not
 * the municipality's overdue reply (its FAILED status is what the GP must act on); nor does one given up.
 */
export function isOverdue(status: LetterStatus, replyDueOn: string, today: string): boolean {
  if (status === 'ANSWERED' || status === 'FAILED' || status === 'GIVEN_UP') return false;
  return today > replyDueOn;
}
