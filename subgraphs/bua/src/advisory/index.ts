/**
 * BUA's advisory service for the municipalities (agreement 6.3): pure rules, slot generation, iCalendar feeds and
 * usage figures. No I/O here: a service reads the facts, calls these, and writes what they return (DESIGN.md
 * proposes the tables and the database constraints that make booking safe under concurrency).
 */

export * from './types.ts';
export { ADVISORY_TIME_ZONE, copenhagenDate, copenhagenDateTime, copenhagenToUtc } from './local-time.ts';
export { ADVISORY_SLOT_NAMESPACE, advisorySlotId } from './slot-id.ts';
export {
  DEFAULT_MEETING_MINUTES,
  MAX_HORIZON_DAYS,
  MAX_MOVE_DAYS,
  OFFICE_HOURS,
  WEEKDAYS,
  assertHorizon,
  generateSlots,
  isOccurrence,
  planSlotSync,
  validateSlotSeries,
  type Horizon,
  type OccurrenceException,
  type Recurrence,
  type SlotSeries,
  type SlotSyncPlan,
  type Weekday,
} from './slots.ts';
export {
  COMMON_WORD_NAMES,
  assertNoPersonalIdentifiers,
  buildKnownNameIndex,
  containsCprLikeNumber,
  findCprLikeNumbers,
  findKnownNames,
  findPersonalIdentifiers,
  type AnonymityOptions,
  type KnownNameIndex,
  type PersonalIdentifierHit,
  type PersonalIdentifierKind,
} from './anonymity/index.ts';
export {
  ADVISORY_BOOKER_ROLES,
  assertBuaAdviser,
  assertEligibleBooker,
  assertMayManageAdvisory,
  isBuaAdviser,
  isEligibleBooker,
  isEligibleStaffOf,
} from './rules/eligibility.ts';
export {
  assertValidContactHistory,
  changeContactPerson,
  contactPersonOn,
  type ContactPersonChange,
  type ContactPersonPeriod,
} from './rules/contact-person.ts';
export { assertMayBook, assertMayCancelBooking, bookingRaceLost, seatsLeft, type BookingContext } from './rules/booking.ts';
export {
  DEFAULT_DESCRIPTION_DEADLINE,
  assertDescriptionDeadline,
  assertMaySubmitDescription,
  descriptionDueAt,
  descriptionStatus,
  missingDescriptionFlag,
  validateCaseDescription,
  type CaseDescription,
  type DescriptionDeadline,
  type DescriptionStatus,
} from './rules/description.ts';
export {
  answerGpInvitation,
  inviteGp,
  withdrawGpInvitation,
  type GpInvitation,
  type GpInvitationEvent,
} from './rules/gp-invitation.ts';
export { currentAdvice, recordAdvice, type AdviceVersion } from './rules/advice.ts';
export { adviserCalendar, municipalityCalendar, type FeedOptions, type FeedSlot } from './ical.ts';
export { usageFigures, type ByKind, type UsageFigures } from './usage.ts';
