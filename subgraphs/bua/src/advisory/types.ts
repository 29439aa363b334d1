import type { MunicipalityCode } from '@pathway-graph/shared';

/**
 * The facts BUA's advisory service (agreement 6.3) reasons about. Instants are Date objects (stored as timestamptz),
 * calendar dates ISO strings in Copenhagen time. Nothing here refers to a child: advisory cases are anonymous.
 */

/**
 * What a slot offers. CONSULTATION is a municipality's fixed meeting time (faste tidspunkter), booked by one member
 * of its staff for sparring or supervision; TEACHING is a virtual teaching session open to several municipalities,
 * up to its capacity.
 */
export const SLOT_KINDS = ['CONSULTATION', 'TEACHING'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/**
 * What a booking is for (agreement 6.3): SPARRING on an anonymous concrete case, SUPERVISION on method,
 * interventions and one's own role, TEACHING in psychopathology and assessment.
 */
export const BOOKING_KINDS = ['SPARRING', 'SUPERVISION', 'TEACHING'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

/** The booking kinds each kind of slot takes. */
export const BOOKING_KINDS_OF_SLOT: Readonly<Record<SlotKind, readonly BookingKind[]>> = {
  CONSULTATION: ['SPARRING', 'SUPERVISION'],
  TEACHING: ['TEACHING'],
};

export const SLOT_STATUSES = ['SCHEDULED', 'CANCELLED'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/** Where a GP's invitation to a meeting stands (rules/gp-invitation.ts has the transitions). */
export const GP_INVITATION_STATUSES = ['INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type GpInvitationStatus = (typeof GP_INVITATION_STATUSES)[number];

/** One meeting of a series, as generated (slots.ts) and as stored. */
export interface Slot {
  /** Name-based UUID of series and original occurrence date (slot-id.ts). */
  id: string;
  seriesId: string;
  /** The Copenhagen date the recurrence put the meeting on, before any move. */
  occurrenceDate: string;
  kind: SlotKind;
  /** The municipalities whose staff may book it: exactly one for CONSULTATION. */
  municipalityCodes: readonly MunicipalityCode[];
  /** The BUA adviser holding the meeting (their principal subject). */
  adviserId: string;
  startsAt: Date;
  endsAt: Date;
  /** Bookings the slot takes: 1 for CONSULTATION, the number of seats for TEACHING. */
  capacity: number;
  /** The virtual meeting's link (https). */
  meetingUrl: string;
  status: SlotStatus;
  /** True when an exception moved this occurrence away from its recurring date or time. */
  moved: boolean;
}

/** A slot as stored: `sequence` counts the changes calendars must pick up (RFC 5545 SEQUENCE). */
export interface StoredSlot extends Slot {
  sequence: number;
  /** Active (not cancelled) bookings of the slot, as the database counts them. */
  bookedCount: number;
  updatedAt?: Date;
}

/** A booking of a slot by a member of a municipality's staff. Carries no child id, by design. */
export interface Booking {
  id: string;
  slotId: string;
  /** The booker's municipality (their principal's organisation). */
  municipalityCode: MunicipalityCode;
  /** The booker's principal subject. */
  bookerId: string;
  kind: BookingKind;
  bookedAt: Date;
  cancelledAt: Date | null;
  /** When the written description of the problem was sent (null: not yet). */
  descriptionSubmittedAt: Date | null;
}

export const isActiveBooking = (booking: Pick<Booking, 'cancelledAt'>): boolean => booking.cancelledAt === null;
