import { badUserInput, conflict, forbidden, type Principal } from '@pathway-graph/shared';
import type { GraphQLError } from 'graphql';
import { BOOKING_KINDS, BOOKING_KINDS_OF_SLOT, isActiveBooking, type Booking, type BookingKind, type Slot } from '../types.ts';
import { assertEligibleBooker, bookerMunicipality, isBuaAdviser, isEligibleStaffOf } from './eligibility.ts';

/**
 * Booking and cancelling advisory meetings. These checks give the person a precise reason; they are not what keeps a
 * slot from being booked twice. That is the database's job (DESIGN.md: a guarded UPDATE of the slot's booked count
 * and its CHECK), because two requests can both pass a check in memory. When the database refuses, the service
 * reads the slot again and calls `assertMayBook` once more for the reason, or `bookingRaceLost` when none is left.
 *
 * The order of the checks is the order a person would fix them in: who you are, which slot, what for, then the
 * slot's state.
 */

export interface BookingContext {
  /** The slot's bookings (active and cancelled); only active ones take a seat. */
  bookings: readonly Pick<Booking, 'bookerId' | 'cancelledAt'>[];
  now: Date;
}

/** What a meeting is called in messages: teaching sessions and consultation meetings are booked alike. */
const meetingWord = (slot: Pick<Slot, 'kind'>) => (slot.kind === 'TEACHING' ? 'teaching session' : 'meeting slot');

/** Refuses a booking a slot cannot take now; returns the validated booking kind. */
export function assertMayBook(principal: Principal, slot: Slot, kind: unknown, context: BookingContext): BookingKind {
  assertEligibleBooker(principal);
  if (!slot.municipalityCodes.includes(bookerMunicipality(principal))) {
    // The other municipality is not named: which municipality a slot belongs to is not this person's business.
    throw forbidden(
      slot.kind === 'TEACHING'
        ? 'This teaching session is not open to your municipality; choose one of the sessions offered to it.'
        : "This meeting slot belongs to another municipality's fixed meeting times; you can book only your own municipality's slots.",
      { field: 'slotId' },
    );
  }
  if (!BOOKING_KINDS.includes(kind as BookingKind)) {
    throw badUserInput(`kind must be one of ${BOOKING_KINDS.join(', ')}.`, { field: 'kind' });
  }
  const allowed = BOOKING_KINDS_OF_SLOT[slot.kind];
  if (!allowed.includes(kind as BookingKind)) {
    throw badUserInput(
      slot.kind === 'TEACHING'
        ? 'A teaching session is booked for TEACHING; sparring and supervision take one of your municipality’s consultation slots.'
        : 'A consultation slot is booked for SPARRING (an anonymous concrete case) or SUPERVISION (method, interventions, your own role); teaching has sessions of its own.',
      { field: 'kind' },
    );
  }
  if (slot.status === 'CANCELLED') {
    throw conflict(`BUA has cancelled this ${meetingWord(slot)}; choose another one.`, { field: 'slotId' });
  }
  if (context.now.getTime() >= slot.startsAt.getTime()) {
    throw badUserInput(`This ${meetingWord(slot)} has already begun or taken place; choose one in the future.`, { field: 'slotId' });
  }
  const active = context.bookings.filter(isActiveBooking);
  if (active.some((b) => b.bookerId === principal.subject)) {
    throw conflict(`You have already booked this ${meetingWord(slot)}.`, { field: 'slotId' });
  }
  if (active.length >= slot.capacity) {
    throw conflict(
      slot.kind === 'TEACHING'
        ? `This teaching session is full (all ${slot.capacity} seats are booked); choose another session.`
        : 'This meeting slot is already booked; choose another of your municipality’s slots.',
      { field: 'slotId' },
    );
  }
  return kind as BookingKind;
}

/** The refusal when the database took the last seat for another request between our check and our write. */
export function bookingRaceLost(slot: Pick<Slot, 'kind'>): GraphQLError {
  return conflict(`Someone else booked this ${meetingWord(slot)} a moment ago; choose another one.`, { field: 'slotId' });
}

/**
 * Who may cancel a booking: the booker, an eligible colleague of the same municipality (the booker may be ill), and
 * BUA's advisers. Only before the meeting starts: afterwards it has happened, or not, and the usage figures say so.
 */
export function assertMayCancelBooking(principal: Principal, booking: Booking, slot: Pick<Slot, 'kind' | 'startsAt'>, now: Date): void {
  const mayAct = principal.subject === booking.bookerId || isEligibleStaffOf(principal, booking.municipalityCode) || isBuaAdviser(principal);
  if (!mayAct) {
    throw forbidden("Only the person who booked, their colleagues in the municipality's advisory roles, or BUA's advisers can cancel a booking.", {
      field: 'bookingId',
    });
  }
  if (!isActiveBooking(booking)) throw conflict('This booking is already cancelled.', { field: 'bookingId' });
  if (now.getTime() >= slot.startsAt.getTime()) {
    throw badUserInput(
      `The ${meetingWord(slot)} has already begun or taken place, so its booking can no longer be cancelled. If it did not take place, tell the adviser.`,
      { field: 'bookingId' },
    );
  }
}

/** Seats left in a slot; a cancelled booking frees its seat. */
export function seatsLeft(slot: Pick<Slot, 'capacity' | 'status'>, bookings: readonly Pick<Booking, 'cancelledAt'>[]): number {
  if (slot.status === 'CANCELLED') return 0;
  return Math.max(0, slot.capacity - bookings.filter(isActiveBooking).length);
}
