import { badUserInput } from '@pathway-graph/shared';

/**
 * Reply deadlines for correspondence letters. The agreement (6.2) says the GP always gets a reply; each
 * municipality sets how many working days it allows itself. Working days are Monday to Friday; public holidays are
 * not subtracted (a municipality that wants slack for them sets a longer deadline).
 */

export const DEFAULT_REPLY_DEADLINE_WORKING_DAYS = 10;
export const MIN_REPLY_DEADLINE_WORKING_DAYS = 1;
export const MAX_REPLY_DEADLINE_WORKING_DAYS = 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new TypeError(`Expected an ISO date YYYY-MM-DD, got ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const fromUtcDate = (d: Date): string => d.toISOString().slice(0, 10);

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(iso: string): number {
  return toUtcDate(iso).getUTCDay();
}

export function isWorkingDay(iso: string): boolean {
  const day = weekday(iso);
  return day !== 0 && day !== 6;
}

/**
 * The last day a reply is on time: `workingDays` working days after the day of receipt (which itself does not count,
 * so a letter received on a Saturday or on a Friday with a 1-day deadline is due on Monday).
 */
export function replyDueDate(receivedOn: string, workingDays: number): string {
  assertReplyDeadline(workingDays);
  const d = toUtcDate(receivedOn);
  let counted = 0;
  while (counted < workingDays) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) counted += 1;
  }
  return fromUtcDate(d);
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
