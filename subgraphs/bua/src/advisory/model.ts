import type { AdviceRow, BookingRow, ContactPersonRow, FeedRow, InvitationRow, SeriesRow, ExceptionRow, SlotRow } from '../db/advisory.ts';
import { currentAdvice } from './rules/advice.ts';
import type { OccurrenceException, Recurrence, SlotSeries } from './slots.ts';
import type { BookingKind, Booking, SlotKind, StoredSlot } from './types.ts';
import type { ByKind, UsageFigures } from './usage.ts';

/**
 * The models the advisory resolvers pass around (codegen maps each `<Type>Model` to its GraphQL type), and the
 * conversions between stored rows and the pure module's types.
 */

export type AdvisoryContactPersonModel = ContactPersonRow;
export type AdvisorySlotSeriesModel = SlotSeries & { updatedAt: Date };
export type AdvisoryRecurrenceModel = Recurrence;
export type AdvisoryOccurrenceExceptionModel = OccurrenceException;
export type AdvisorySlotModel = SlotRow;
export type AdvisoryBookingModel = BookingRow;
export type AdvisoryGpInvitationModel = InvitationRow;
export interface AdvisoryCaseDescriptionModel {
  problem: string;
  screeningResults: string | null;
  submittedAt: Date;
  submittedBy: string;
}
export type AdvisoryAdviceModel = AdviceRow & { amended: boolean };
/** The meeting of an invitation, as the invited GP sees it. */
export interface AdvisoryInvitedMeetingModel {
  invitation: InvitationRow;
  booking: BookingRow;
  slot: SlotRow;
}
export type AdvisoryUsageModel = UsageFigures;
export type AdvisorySlotKindCountsModel = ByKind<SlotKind>;
export type AdvisoryBookingKindCountsModel = ByKind<BookingKind>;
export type AdvisoryCalendarFeedModel = FeedRow;
export interface AdvisoryCalendarFeedCreatedModel {
  feed: FeedRow;
  token: string;
  path: string;
}
export interface AdvisorySlotGenerationModel {
  series: AdvisorySlotSeriesModel;
  from: string;
  to: string;
  created: number;
  changed: number;
  withdrawn: number;
  unchanged: number;
}

/** A stored slot as the rules see it. */
export function toStoredSlot(row: SlotRow): StoredSlot {
  return { ...row, municipalityCodes: row.municipalityCodes as StoredSlot['municipalityCodes'] };
}

export function toBooking(row: BookingRow): Booking {
  return { ...row, municipalityCode: row.municipalityCode as Booking['municipalityCode'] };
}

export function toSeries(row: SeriesRow, exceptions: readonly ExceptionRow[]): AdvisorySlotSeriesModel {
  return {
    id: row.id,
    kind: row.kind,
    municipalityCodes: row.municipalityCodes as SlotSeries['municipalityCodes'],
    adviserId: row.adviserId,
    recurrence: row.recurrence,
    startTime: row.startTime,
    durationMinutes: row.durationMinutes,
    capacity: row.capacity,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    meetingUrl: row.meetingUrl,
    updatedAt: row.updatedAt,
    exceptions: exceptions.map(
      (e): OccurrenceException =>
        e.action === 'CANCEL'
          ? { occurrenceDate: e.occurrenceDate, action: 'CANCEL' }
          : { occurrenceDate: e.occurrenceDate, action: 'MOVE', date: e.date!, startTime: e.startTime!, ...(e.durationMinutes === null ? {} : { durationMinutes: e.durationMinutes }) },
    ),
  };
}

export function toDescription(row: BookingRow): AdvisoryCaseDescriptionModel | null {
  if (row.problem === null || row.descriptionSubmittedAt === null || row.descriptionSubmittedBy === null) return null;
  return { problem: row.problem, screeningResults: row.screeningResults, submittedAt: row.descriptionSubmittedAt, submittedBy: row.descriptionSubmittedBy };
}

export function toAdvice(versions: readonly AdviceRow[]): AdvisoryAdviceModel | null {
  return currentAdvice(versions);
}
