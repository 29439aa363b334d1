import { addWorkingDays, badUserInput } from '@pathway-graph/shared';

/**
 * Reply deadlines for correspondence letters. The agreement (6.2) says the GP always gets a reply; each
 * municipality sets how many working days it allows itself. Working days are Monday to Friday, without the days
 * Danish public offices are closed (shared/src/domain/working-days.ts).
 */

export const DEFAULT_REPLY_DEADLINE_WORKING_DAYS = 10;
export const MIN_REPLY_DEADLINE_WORKING_DAYS = 1;
export const MAX_REPLY_DEADLINE_WORKING_DAYS = 60;

/**
 * The last day a reply is on time: `workingDays` working days after the day of receipt (which itself does not count,
 * so a letter received on a Saturday or on a Friday with a 1-day deadline is due on Monday).
 */
export function replyDueDate(receivedOn: string, workingDays: number): string {
  assertReplyDeadline(workingDays);
  return addWorkingDays(receivedOn, workingDays);
}

/** A letter is overdue from the day after its due date until it is answered. */
export function isOverdue(letter: { replyDueOn: string; status: string }, today: string): boolean {
  return letter.status !== 'ANSWERED' && today > letter.replyDueOn;
}

/** The deadline a municipality may set: whole working days, 1 to 60. */
export function assertReplyDeadline(workingDays: number, field = 'workingDays'): number {
  if (!Number.isInteger(workingDays) || workingDays < MIN_REPLY_DEADLINE_WORKING_DAYS || workingDays > MAX_REPLY_DEADLINE_WORKING_DAYS) {
    throw badUserInput(
      `The reply deadline must be a whole number of working days from ${MIN_REPLY_DEADLINE_WORKING_DAYS} to ${MAX_REPLY_DEADLINE_WORKING_DAYS}; got ${workingDays}.`,
      { field },
    );
  }
  return workingDays;
}
