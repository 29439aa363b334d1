import { badUserInput, conflict, forbidden, isValidOrganisation, type Principal } from '@pathway-graph/shared';
import { assertNoPersonalIdentifiers, type AnonymityOptions } from '../anonymity/index.ts';
import { isActiveBooking, type Booking, type GpInvitationStatus, type Slot } from '../types.ts';
import { optionalText } from './description.ts';
import { isBuaAdviser, isEligibleStaffOf } from './eligibility.ts';

/**
 * Agreement 6.3: "Almen praksis deltager i de virtuelle møder mellem kommune og Børne- og Ungdomspsykiatrisk
 * Afdeling, når det vurderes relevant." The municipality or the adviser invites a practice to a booked sparring or
 * supervision meeting; a GP of that practice accepts or declines, and may change the answer until the meeting
 * starts; the inviting side may withdraw the invitation until then. Teaching sessions are the municipal staff's
 * competence development, so GPs are not invited to them.
 *
 *   INVITED --accept--> ACCEPTED --decline--> DECLINED --accept--> ACCEPTED
 *   INVITED --decline--> DECLINED
 *   INVITED | ACCEPTED | DECLINED --withdraw--> WITHDRAWN (final)
 */
export { GP_INVITATION_STATUSES, type GpInvitationStatus } from '../types.ts';
export type GpInvitationEvent = 'ACCEPT' | 'DECLINE' | 'WITHDRAW';

const TRANSITIONS: Readonly<Record<GpInvitationStatus, Partial<Record<GpInvitationEvent, GpInvitationStatus>>>> = {
  INVITED: { ACCEPT: 'ACCEPTED', DECLINE: 'DECLINED', WITHDRAW: 'WITHDRAWN' },
  ACCEPTED: { DECLINE: 'DECLINED', WITHDRAW: 'WITHDRAWN' },
  DECLINED: { ACCEPT: 'ACCEPTED', WITHDRAW: 'WITHDRAWN' },
  WITHDRAWN: {},
};

export interface GpInvitation {
  id: string;
  bookingId: string;
  /** The invited practice (ydernummer); any GP of it may answer. */
  practiceYdernummer: string;
  status: GpInvitationStatus;
  /** A short, anonymous note on why the GP is invited, or null. */
  note: string | null;
  invitedBy: string;
  invitedAt: Date;
  /** The latest answer or withdrawal, and who gave it. */
  changedAt: Date | null;
  changedBy: string | null;
}

export const MAX_INVITATION_NOTE_LENGTH = 1000;

function assertBeforeMeeting(slot: Pick<Slot, 'startsAt'>, now: Date, what: string): void {
  if (now.getTime() >= slot.startsAt.getTime()) {
    throw badUserInput(`The meeting has already begun or taken place; ${what} only before it starts.`, { field: 'invitationId' });
  }
}

/** A new invitation for a practice to a booked meeting. `existing` are the booking's invitations so far. */
export function inviteGp(
  principal: Principal,
  input: { id: string; booking: Booking; slot: Pick<Slot, 'startsAt' | 'status'>; practiceYdernummer: string; note?: unknown },
  existing: readonly Pick<GpInvitation, 'practiceYdernummer' | 'status'>[],
  anonymity: AnonymityOptions,
  now: Date,
): GpInvitation {
  const { booking, slot } = input;
  if (!isEligibleStaffOf(principal, booking.municipalityCode) && !isBuaAdviser(principal)) {
    throw forbidden("Only the booking municipality's advisory staff or BUA's advisers can invite a GP to the meeting.", { field: 'bookingId' });
  }
  if (booking.kind === 'TEACHING') {
    throw badUserInput('GPs are invited to sparring and supervision meetings; teaching sessions are for municipal staff.', { field: 'bookingId' });
  }
  if (!isActiveBooking(booking) || slot.status === 'CANCELLED') {
    throw conflict('The meeting is cancelled; there is nothing to invite the GP to.', { field: 'bookingId' });
  }
  if (now.getTime() >= slot.startsAt.getTime()) {
    throw badUserInput('The meeting has already begun or taken place; a GP can be invited only before it starts.', { field: 'bookingId' });
  }
  if (!isValidOrganisation('GENERAL_PRACTICE', input.practiceYdernummer)) {
    throw badUserInput("practiceYdernummer must be the practice's ydernummer (1-6 digits, no leading zero).", { field: 'practiceYdernummer' });
  }
  if (existing.some((i) => i.practiceYdernummer === input.practiceYdernummer && i.status !== 'WITHDRAWN')) {
    throw conflict('This practice is already invited to the meeting.', { field: 'practiceYdernummer' });
  }
  const note = optionalText(input.note, 'note', MAX_INVITATION_NOTE_LENGTH);
  if (note !== null) assertNoPersonalIdentifiers(note, 'note', anonymity);
  return {
    id: input.id,
    bookingId: booking.id,
    practiceYdernummer: input.practiceYdernummer,
    status: 'INVITED',
    note,
    invitedBy: principal.subject,
    invitedAt: now,
    changedAt: null,
    changedBy: null,
  };
}

const ALREADY: Record<GpInvitationStatus, string> = {
  INVITED: 'The invitation is open',
  ACCEPTED: 'The invitation is already accepted',
  DECLINED: 'The invitation is already declined',
  WITHDRAWN: 'The invitation has been withdrawn',
};

function transition(invitation: GpInvitation, event: GpInvitationEvent, principal: Principal, now: Date): GpInvitation {
  const next = TRANSITIONS[invitation.status][event];
  if (!next) {
    const verb = { ACCEPT: 'accept it', DECLINE: 'decline it', WITHDRAW: 'withdraw it' }[event];
    throw conflict(`${ALREADY[invitation.status]}; you cannot ${verb} now.`, { field: 'invitationId', status: invitation.status });
  }
  return { ...invitation, status: next, changedAt: now, changedBy: principal.subject };
}

/** A GP of the invited practice accepts or declines, until the meeting starts. */
export function answerGpInvitation(
  principal: Principal,
  invitation: GpInvitation,
  answer: 'ACCEPT' | 'DECLINE',
  slot: Pick<Slot, 'startsAt'>,
  now: Date,
): GpInvitation {
  if (principal.sector !== 'GENERAL_PRACTICE' || !principal.roles.includes('GP') || principal.organisation !== invitation.practiceYdernummer) {
    throw forbidden('Only a GP of the invited practice can answer this invitation.', { field: 'invitationId' });
  }
  assertBeforeMeeting(slot, now, 'an invitation is answered');
  return transition(invitation, answer, principal, now);
}

/** The inviting side withdraws the invitation, until the meeting starts. */
export function withdrawGpInvitation(
  principal: Principal,
  invitation: GpInvitation,
  booking: Pick<Booking, 'municipalityCode'>,
  slot: Pick<Slot, 'startsAt'>,
  now: Date,
): GpInvitation {
  if (!isEligibleStaffOf(principal, booking.municipalityCode) && !isBuaAdviser(principal)) {
    throw forbidden("Only the booking municipality's advisory staff or BUA's advisers can withdraw a GP's invitation.", { field: 'invitationId' });
  }
  assertBeforeMeeting(slot, now, 'an invitation is withdrawn');
  return transition(invitation, 'WITHDRAW', principal, now);
}
