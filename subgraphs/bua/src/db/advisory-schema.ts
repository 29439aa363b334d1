import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, primaryKey, text, timestamp, unique, uniqueIndex, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { MunicipalityCode } from '@pathway-graph/shared';
import type { Recurrence } from '../advisory/slots.ts';
import { BOOKING_KINDS, GP_INVITATION_STATUSES, SLOT_KINDS, SLOT_STATUSES } from '../advisory/types.ts';

/**
 * The tables of BUA's advisory service (agreement 6.3), in BUA's schema. Design and measurements:
 * src/advisory/DESIGN.md. What the database itself guarantees, whatever the code above it does:
 * - a municipality has at most one open contact-person period (`advisory_contact_one_current`);
 * - a slot never holds more active bookings than its capacity (`advisory_slot_booked_within_capacity`, kept by the
 *   guarded counter UPDATE in db/advisory.ts), a consultation slot at most one whatever the counter says
 *   (`advisory_booking_one_consultation`), and nobody holds two seats of one slot (`advisory_booking_once_per_booker`);
 * - a booking's kind fits its slot's kind (the composite foreign key to the slot's (id, kind), and a CHECK);
 * - a practice has at most one open invitation to a meeting; advice versions are numbered once.
 * No table has a column for a child's id, CPR number or name: advisory cases are anonymous, on purpose.
 */

const at = () => timestamp({ withTimezone: true, mode: 'date' });
const day = () => date({ mode: 'string' });
const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const FEED_KINDS = ['MUNICIPALITY', 'ADVISER'] as const;

export function defineAdvisoryTables(schema: PgSchema) {
  /** One period per row; the open one (valid_until null) is the current or next contact person. */
  const advisoryContactPersons = schema.table(
    'advisory_contact_persons',
    {
      id: uuid().primaryKey(),
      municipalityCode: integer().$type<MunicipalityCode>().notNull(),
      /** The adviser's user id (principal subject). */
      adviserId: text().notNull(),
      /** The adviser's name as the municipality should see it (staff, not a child). */
      adviserName: text().notNull(),
      validFrom: day().notNull(),
      /** Exclusive; null while open. */
      validUntil: day(),
      changedBy: text().notNull(),
      createdAt: at().notNull(),
    },
    (t) => [
      uniqueIndex('advisory_contact_one_current').on(t.municipalityCode).where(sql`valid_until is null`),
      check('advisory_contact_period', sql`${t.validUntil} is null or ${t.validUntil} > ${t.validFrom}`),
      index('advisory_contact_history').on(t.municipalityCode, t.validFrom),
    ],
  );

  const advisorySlotSeries = schema.table(
    'advisory_slot_series',
    {
      id: uuid().primaryKey(),
      kind: text({ enum: SLOT_KINDS }).notNull(),
      municipalityCodes: integer().array().$type<MunicipalityCode[]>().notNull(),
      adviserId: text().notNull(),
      /** Validated by validateSlotSeries before it is stored. */
      recurrence: jsonb().$type<Recurrence>().notNull(),
      /** HH:MM, Copenhagen time. */
      startTime: text().notNull(),
      durationMinutes: integer().notNull(),
      capacity: integer().notNull(),
      startsOn: day().notNull(),
      endsOn: day(),
      meetingUrl: text().notNull(),
      createdBy: text().notNull(),
      updatedBy: text().notNull(),
      updatedAt: at().notNull(),
    },
    (t) => [
      check('advisory_series_kind', sql`${t.kind} in (${quoted(SLOT_KINDS)})`),
      check('advisory_series_consultation', sql`${t.kind} <> 'CONSULTATION' or (${t.capacity} = 1 and cardinality(${t.municipalityCodes}) = 1)`),
      check('advisory_series_capacity', sql`${t.capacity} >= 1`),
    ],
  );

  const advisoryOccurrenceExceptions = schema.table(
    'advisory_occurrence_exceptions',
    {
      seriesId: uuid()
        .notNull()
        .references(() => advisorySlotSeries.id),
      occurrenceDate: day().notNull(),
      action: text({ enum: ['CANCEL', 'MOVE'] }).notNull(),
      date: day(),
      startTime: text(),
      durationMinutes: integer(),
    },
    (t) => [
      primaryKey({ columns: [t.seriesId, t.occurrenceDate] }),
      check('advisory_exception_action', sql`${t.action} in ('CANCEL', 'MOVE')`),
      check('advisory_exception_move', sql`(${t.action} = 'MOVE') = (${t.date} is not null and ${t.startTime} is not null)`),
    ],
  );

  const advisorySlots = schema.table(
    'advisory_slots',
    {
      /** advisorySlotId(seriesId, occurrenceDate): regenerating finds the same slot. */
      id: uuid().primaryKey(),
      seriesId: uuid()
        .notNull()
        .references(() => advisorySlotSeries.id),
      occurrenceDate: day().notNull(),
      kind: text({ enum: SLOT_KINDS }).notNull(),
      municipalityCodes: integer().array().$type<MunicipalityCode[]>().notNull(),
      adviserId: text().notNull(),
      startsAt: at().notNull(),
      endsAt: at().notNull(),
      capacity: integer().notNull(),
      /** Active bookings; only the book and cancel statements of db/advisory.ts change it, in the booking's transaction. */
      bookedCount: integer().notNull().default(0),
      meetingUrl: text().notNull(),
      status: text({ enum: SLOT_STATUSES }).notNull().default('SCHEDULED'),
      moved: boolean().notNull().default(false),
      /** RFC 5545 SEQUENCE: raised by every change a calendar must pick up. */
      sequence: integer().notNull().default(0),
      updatedAt: at().notNull(),
    },
    (t) => [
      unique('advisory_slot_occurrence').on(t.seriesId, t.occurrenceDate),
      // The target of the bookings' composite foreign key: a booking knows its slot's kind, and cannot lie about it.
      unique('advisory_slot_id_kind').on(t.id, t.kind),
      check('advisory_slot_kind', sql`${t.kind} in (${quoted(SLOT_KINDS)})`),
      check('advisory_slot_status', sql`${t.status} in (${quoted(SLOT_STATUSES)})`),
      check('advisory_slot_booked_within_capacity', sql`${t.bookedCount} between 0 and ${t.capacity}`),
      check('advisory_slot_capacity', sql`${t.capacity} >= 1`),
      check('advisory_slot_consultation', sql`${t.kind} <> 'CONSULTATION' or (${t.capacity} = 1 and cardinality(${t.municipalityCodes}) = 1)`),
      check('advisory_slot_times', sql`${t.endsAt} > ${t.startsAt}`),
      index('advisory_slot_municipalities').using('gin', t.municipalityCodes),
      index('advisory_slot_adviser_start').on(t.adviserId, t.startsAt),
      index('advisory_slot_start').on(t.startsAt, t.id),
      index('advisory_slot_series_start').on(t.seriesId, t.startsAt),
    ],
  );

  /** No child id, CPR number or name column, on purpose: advisory cases are anonymous (agreement 6.3). */
  const advisoryBookings = schema.table(
    'advisory_bookings',
    {
      /** UUIDv7: time-ordered, so lists page by id. */
      id: uuid().primaryKey(),
      slotId: uuid().notNull(),
      slotKind: text({ enum: SLOT_KINDS }).notNull(),
      /** The booker's municipality (their principal's organisation). */
      municipalityCode: integer().$type<MunicipalityCode>().notNull(),
      bookerId: text().notNull(),
      kind: text({ enum: BOOKING_KINDS }).notNull(),
      bookedAt: at().notNull(),
      cancelledAt: at(),
      cancelledBy: text(),
      /** The written description of the problem (agreement 6.3), anonymous; null until sent. */
      problem: text(),
      screeningResults: text(),
      descriptionSubmittedAt: at(),
      descriptionSubmittedBy: text(),
    },
    (t) => [
      foreignKey({ name: 'advisory_booking_slot', columns: [t.slotId, t.slotKind], foreignColumns: [advisorySlots.id, advisorySlots.kind] }),
      uniqueIndex('advisory_booking_one_consultation')
        .on(t.slotId)
        .where(sql`cancelled_at is null and slot_kind = 'CONSULTATION'`),
      uniqueIndex('advisory_booking_once_per_booker').on(t.slotId, t.bookerId).where(sql`cancelled_at is null`),
      check('advisory_booking_kind', sql`${t.kind} in (${quoted(BOOKING_KINDS)})`),
      check('advisory_booking_kind_fits_slot', sql`(${t.kind} = 'TEACHING') = (${t.slotKind} = 'TEACHING')`),
      check('advisory_booking_cancelled', sql`(${t.cancelledAt} is null) = (${t.cancelledBy} is null)`),
      check(
        'advisory_booking_description',
        sql`(${t.descriptionSubmittedAt} is null) = (${t.problem} is null) and (${t.descriptionSubmittedAt} is null) = (${t.descriptionSubmittedBy} is null)`,
      ),
      index('advisory_booking_municipality').on(t.municipalityCode, t.id),
      index('advisory_booking_slot').on(t.slotId),
    ],
  );

  const advisoryGpInvitations = schema.table(
    'advisory_gp_invitations',
    {
      id: uuid().primaryKey(),
      bookingId: uuid()
        .notNull()
        .references(() => advisoryBookings.id),
      practiceYdernummer: text().notNull(),
      status: text({ enum: GP_INVITATION_STATUSES }).notNull(),
      /** Why the GP is invited, anonymous like the description. */
      note: text(),
      invitedBy: text().notNull(),
      invitedAt: at().notNull(),
      changedBy: text(),
      changedAt: at(),
    },
    (t) => [
      check('advisory_gp_status', sql`${t.status} in (${quoted(GP_INVITATION_STATUSES)})`),
      uniqueIndex('advisory_gp_invited_once').on(t.bookingId, t.practiceYdernummer).where(sql`status <> 'WITHDRAWN'`),
      // "The GP sees their invitations": a practice's invitations, newest first.
      index('advisory_gp_practice').on(t.practiceYdernummer, t.id),
      index('advisory_gp_booking').on(t.bookingId),
    ],
  );

  /** Append-only: an amendment is a new version. */
  const advisoryAdvice = schema.table(
    'advisory_advice',
    {
      bookingId: uuid()
        .notNull()
        .references(() => advisoryBookings.id),
      version: integer().notNull(),
      text: text().notNull(),
      recordedBy: text().notNull(),
      recordedAt: at().notNull(),
    },
    (t) => [primaryKey({ columns: [t.bookingId, t.version] }), check('advisory_advice_version', sql`${t.version} >= 1`)],
  );

  /**
   * Calendar subscriptions: calendar programs fetch an .ics address without our bearer tokens, so each feed has a
   * random secret in its address. Only the secret's SHA-256 is kept: the table alone opens no feed.
   */
  const advisoryCalendarFeeds = schema.table(
    'advisory_calendar_feeds',
    {
      id: uuid().primaryKey(),
      kind: text({ enum: FEED_KINDS }).notNull(),
      municipalityCode: integer().$type<MunicipalityCode>(),
      adviserId: text(),
      tokenHash: text().notNull(),
      createdBy: text().notNull(),
      createdAt: at().notNull(),
      revokedAt: at(),
      revokedBy: text(),
    },
    (t) => [
      unique('advisory_feed_token').on(t.tokenHash),
      check('advisory_feed_kind', sql`${t.kind} in (${quoted(FEED_KINDS)})`),
      check(
        'advisory_feed_owner',
        sql`(${t.kind} = 'MUNICIPALITY') = (${t.municipalityCode} is not null) and (${t.kind} = 'ADVISER') = (${t.adviserId} is not null)`,
      ),
      index('advisory_feed_creator').on(t.createdBy, t.id),
    ],
  );

  return {
    advisoryContactPersons,
    advisorySlotSeries,
    advisoryOccurrenceExceptions,
    advisorySlots,
    advisoryBookings,
    advisoryGpInvitations,
    advisoryAdvice,
    advisoryCalendarFeeds,
  };
}
