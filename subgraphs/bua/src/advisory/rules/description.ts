import {
  ADVISORY_DESCRIPTION_DEADLINE_LIMITS,
  DEFAULT_ADVISORY_DESCRIPTION_DEADLINE,
  badUserInput,
  conflict,
  forbidden,
  isDanishWorkingDay,
  type Principal,
} from '@pathway-graph/shared';
import { assertNoPersonalIdentifiers, type AnonymityOptions } from '../anonymity/index.ts';
import { addDays, copenhagenDateTime, copenhagenToUtc } from '../local-time.ts';
import { isActiveBooking, type Booking, type Slot } from '../types.ts';
import { isEligibleStaffOf } from './eligibility.ts';
import { optionalPlainText } from './text.ts';

/**
 * Agreement 6.3: "Forud for hvert møde fremsendes skriftligt en kort beskrivelse af problemstillingen, herunder
 * eventuelle screeningsresultater." The description is due a configurable time before the meeting; a booking
 * without one by then is flagged to the booker and the adviser.
 *
 * The deadline is either a number of working days or of hours before the meeting:
 * - WORKING_DAYS n: at the meeting's time of day, n working days earlier (weekends and the days Danish public
 *   offices close do not count; the meeting's own day does not either). A Monday 09:00 meeting with 2 working days
 *   wants its description by the Thursday before, 09:00. 0 means by the start of the meeting.
 * - HOURS n: n hours before the meeting starts, around the clock.
 * Default: 2 working days, so the adviser has a working day to read it and prepare (DEFAULT_DESCRIPTION_DEADLINE).
 */
export type DescriptionDeadline = { unit: 'WORKING_DAYS'; amount: number } | { unit: 'HOURS'; amount: number };

// The limits and the default are the configuration's (BUA_ADVISORY_DESCRIPTION_DEADLINE), so a deadline the
// service starts with is always one this rule accepts.
export const DEFAULT_DESCRIPTION_DEADLINE: DescriptionDeadline = { ...DEFAULT_ADVISORY_DESCRIPTION_DEADLINE };
const LIMITS = ADVISORY_DESCRIPTION_DEADLINE_LIMITS;
export const MAX_PROBLEM_LENGTH = 4000;
export const MAX_SCREENING_RESULTS_LENGTH = 2000;

export function assertDescriptionDeadline(deadline: { unit: string; amount: number }, field = 'descriptionDeadline'): DescriptionDeadline {
  const { unit, amount } = deadline ?? {};
  if (unit !== 'WORKING_DAYS' && unit !== 'HOURS') {
    throw badUserInput('The description deadline is counted in WORKING_DAYS or HOURS before the meeting.', { field: `${field}.unit` });
  }
  const { min, max } = LIMITS[unit];
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < min || amount > max) {
    throw badUserInput(
      `The description deadline must be a whole number of ${unit === 'HOURS' ? 'hours' : 'working days'} from ${min} to ${max} before the meeting; got ${String(amount)}.`,
      { field: `${field}.amount` },
    );
  }
  return { unit, amount };
}

/** The last moment the written description of a meeting is on time. */
export function descriptionDueAt(meetingStartsAt: Date, deadline: DescriptionDeadline): Date {
  const { unit, amount } = assertDescriptionDeadline(deadline);
  if (unit === 'HOURS') return new Date(meetingStartsAt.getTime() - amount * 3_600_000);
  const { date, time } = copenhagenDateTime(meetingStartsAt);
  let day = date;
  for (let left = amount; left > 0; ) {
    day = addDays(day, -1);
    if (isDanishWorkingDay(day)) left -= 1;
  }
  return copenhagenToUtc(day, time);
}

export type DescriptionStatus =
  /** Sent. */
  | 'SUBMITTED'
  /** Not sent, and not yet due. */
  | 'PENDING'
  /** Not sent, and past due: flag it to the booker and the adviser. */
  | 'OVERDUE'
  /** The booking or its slot is cancelled, or teaching, which needs no case description. */
  | 'NOT_REQUIRED';

export function descriptionStatus(
  booking: Pick<Booking, 'kind' | 'cancelledAt' | 'descriptionSubmittedAt'>,
  slot: Pick<Slot, 'startsAt' | 'status'>,
  deadline: DescriptionDeadline,
  now: Date,
): DescriptionStatus {
  if (!isActiveBooking(booking) || slot.status === 'CANCELLED' || booking.kind === 'TEACHING') return 'NOT_REQUIRED';
  if (booking.descriptionSubmittedAt !== null) return 'SUBMITTED';
  return now.getTime() >= descriptionDueAt(slot.startsAt, deadline).getTime() ? 'OVERDUE' : 'PENDING';
}

/** Whom to tell that a booking lacks its description past the deadline, or null when nobody needs telling. */
export function missingDescriptionFlag(
  booking: Pick<Booking, 'id' | 'bookerId' | 'kind' | 'cancelledAt' | 'descriptionSubmittedAt'>,
  slot: Pick<Slot, 'startsAt' | 'status' | 'adviserId'>,
  deadline: DescriptionDeadline,
  now: Date,
): { bookingId: string; dueAt: Date; notify: { bookerId: string; adviserId: string } } | null {
  // Once the meeting has begun, a reminder helps nobody.
  if (now.getTime() >= slot.startsAt.getTime()) return null;
  if (descriptionStatus(booking, slot, deadline, now) !== 'OVERDUE') return null;
  return { bookingId: booking.id, dueAt: descriptionDueAt(slot.startsAt, deadline), notify: { bookerId: booking.bookerId, adviserId: slot.adviserId } };
}

export interface CaseDescription {
  /** The problem, anonymously: "a boy of 12 ...". */
  problem: string;
  /** Any screening results (instrument and score), or null. */
  screeningResults: string | null;
}

/** Trimmed free text of at most `max` characters, or null when absent or blank (rules/text.ts says what is refused). */
export function optionalText(value: unknown, field: string, max: number): string | null {
  return optionalPlainText(value, field, max, { multiline: true });
}

/** Validates a description: the problem is required, both texts are limited and must be anonymous. */
export function validateCaseDescription(input: { problem: unknown; screeningResults?: unknown }, anonymity: AnonymityOptions): CaseDescription {
  const problem = optionalText(input.problem, 'problem', MAX_PROBLEM_LENGTH);
  if (problem === null) throw badUserInput('Describe the problem briefly before the meeting (agreement 6.3).', { field: 'problem' });
  const screeningResults = optionalText(input.screeningResults, 'screeningResults', MAX_SCREENING_RESULTS_LENGTH);
  assertNoPersonalIdentifiers(problem, 'problem', anonymity);
  if (screeningResults !== null) assertNoPersonalIdentifiers(screeningResults, 'screeningResults', anonymity);
  return { problem, screeningResults };
}

/**
 * Who may send or change the description: the booker or an eligible colleague of the same municipality, until the
 * meeting starts, for a standing sparring or supervision booking.
 */
export function assertMaySubmitDescription(principal: Principal, booking: Booking, slot: Pick<Slot, 'startsAt' | 'status'>, now: Date): void {
  if (principal.subject !== booking.bookerId && !isEligibleStaffOf(principal, booking.municipalityCode)) {
    throw forbidden("Only the person who booked, or a colleague in the municipality's advisory roles, can send the meeting's description.", {
      field: 'bookingId',
    });
  }
  if (booking.kind === 'TEACHING') {
    throw badUserInput('A teaching session needs no case description; descriptions belong to sparring and supervision meetings.', { field: 'bookingId' });
  }
  if (!isActiveBooking(booking)) throw conflict('This booking is cancelled; book a new meeting to send a description.', { field: 'bookingId' });
  if (slot.status === 'CANCELLED') throw conflict('BUA has cancelled this meeting; book another one to send a description.', { field: 'bookingId' });
  if (now.getTime() >= slot.startsAt.getTime()) {
    throw badUserInput('The meeting has already begun; the description is sent before it.', { field: 'bookingId' });
  }
}
