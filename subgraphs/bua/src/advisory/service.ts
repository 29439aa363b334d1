import { assertUuid, conflict, decodeCursor, forbidden, notFound, pageSize, toConnection, uuid7, type Principal } from '@pathway-graph/shared';
import type { Context } from '../context.ts';
import {
  bookSlot,
  cancelBooking as cancelBookingRow,
  findBookingsByIds,
  findBookingsBySlotIds,
  findBookingsMissingDescription,
  findSlotsByIds,
  insertAdvice,
  insertInvitation,
  listBookings as listBookingRows,
  listPracticeInvitations,
  listSlots as listSlotRows,
  saveDescription,
  transitionInvitation,
  type BookingRow,
  type InvitationRow,
  type SlotRow,
} from '../db/advisory.ts';
import { buildKnownNameIndex, type AnonymityOptions } from './anonymity/index.ts';
import { addDays, copenhagenDate, copenhagenToUtc } from './local-time.ts';
import { toAdvice, toBooking, toDescription, toStoredSlot, type AdvisoryInvitedMeetingModel } from './model.ts';
import { recordAdvice as nextAdviceVersion } from './rules/advice.ts';
import { assertMayBook, assertMayCancelBooking, bookingRaceLost, seatsLeft } from './rules/booking.ts';
import { assertMaySubmitDescription, descriptionDueAt, descriptionStatus, missingDescriptionFlag, validateCaseDescription } from './rules/description.ts';
import { assertEligibleBooker, bookerMunicipality, isBuaAdviser, isEligibleBooker } from './rules/eligibility.ts';
import { answerGpInvitation, inviteGp as newInvitation, withdrawGpInvitation, type GpInvitation } from './rules/gp-invitation.ts';
import { optionalPlainText } from './rules/text.ts';
import type { BookingKind, GpInvitationStatus, SlotKind } from './types.ts';
import { assertMaySeeBooking, assertMaySeeSlot, maySeeBooking, municipalityInScope } from './visibility.ts';

/**
 * BUA's advisory service (agreement 6.3): booking, the written description, the GP's invitation, the advice, and
 * what each reader sees. Every function runs in the house order: guard (who may), validate (the pure rules), then the
 * repository. Advisory cases are anonymous, so nothing here reads or changes a child's data and nothing is written to
 * the access log; the records still belong to organisations (visibility.ts). Who changed what is kept on the rows
 * themselves (bookerId, cancelledBy, descriptionSubmittedBy, invitedBy, changedBy, recordedBy).
 */

const MAX_ID_LENGTH = 200;

/** One instant per request: every rule and every guard of one call agree on "now". */
const nowOf = (ctx: Context) => ctx.advisory.now();

/** The anonymity rule's names for these texts of this writer (see runtime.ts: the source may answer per text). */
async function anonymityFor(ctx: Context, texts: readonly (string | null | undefined)[]): Promise<AnonymityOptions> {
  const given = texts.filter((t): t is string => typeof t === 'string');
  return { knownNames: buildKnownNameIndex(await ctx.advisory.knownNames(ctx.principal, given, ctx)) };
}

function optionalId(value: string | null | undefined, field: string): string | undefined {
  return optionalPlainText(value, field, MAX_ID_LENGTH) ?? undefined;
}

async function slotOrNotFound(ctx: Context, id: string, field = 'slotId'): Promise<SlotRow> {
  assertUuid(id, field, `${field} must be a slot id (a UUID) as returned by advisorySlots.`);
  const slot = await ctx.loaders.advisorySlot.load(id);
  if (!slot) throw notFound('No advisory slot has this id.', { field });
  return slot;
}

async function bookingOrNotFound(ctx: Context, id: string, field = 'bookingId'): Promise<BookingRow> {
  assertUuid(id, field, `${field} must be a booking id (a UUID) as returned by bookAdvisorySlot or advisoryBookings.`);
  const booking = await ctx.loaders.advisoryBooking.load(id);
  if (!booking) throw notFound('No advisory booking has this id.', { field });
  return booking;
}

async function slotOfBooking(ctx: Context, booking: BookingRow): Promise<SlotRow> {
  const slot = await ctx.loaders.advisorySlot.load(booking.slotId);
  if (!slot) throw new Error(`booking ${booking.id} names slot ${booking.slotId}, which is not stored`);
  return slot;
}

const startOfDay = (date: string) => copenhagenToUtc(date, '00:00');

// ---- Slots ------------------------------------------------------------------------------------------------------

const slotCursor = (slot: SlotRow) => `${slot.startsAt.toISOString()}|${slot.id}`;

function parseSlotCursor(after: string | null | undefined): { startsAt: Date; id: string } | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  const [instant, id] = key.split('|');
  const startsAt = new Date(instant ?? '');
  if (!id || Number.isNaN(startsAt.getTime())) decodeCursor('!', 'after');
  return { startsAt, id: id! };
}

export async function listSlots(
  ctx: Context,
  args: { municipalityCode?: number | null; adviserId?: string | null; kind?: SlotKind | null; from?: string | null; to?: string | null; first?: number | null; after?: string | null },
) {
  const municipalityCode = municipalityInScope(ctx.principal, args.municipalityCode, 'advisory slots');
  const adviserId = optionalId(args.adviserId, 'adviserId');
  const size = pageSize(args.first);
  const from = args.from ?? copenhagenDate(nowOf(ctx));
  const rows = await listSlotRows(
    ctx.db,
    {
      municipalityCode,
      adviserId,
      kind: args.kind ?? undefined,
      from: startOfDay(from),
      toExclusive: args.to ? startOfDay(addDays(args.to, 1)) : undefined,
    },
    size + 1,
    parseSlotCursor(args.after),
  );
  for (const row of rows) ctx.loaders.advisorySlot.prime(row.id, row);
  return toConnection(rows, size, slotCursor, (row) => row);
}

export async function getSlot(ctx: Context, id: string): Promise<SlotRow> {
  const slot = await slotOrNotFound(ctx, id, 'id');
  assertMaySeeSlot(ctx.principal, slot);
  return slot;
}

/** A slot's bookings the reader may see; a slot reaching this resolver has been shown to the reader already. */
export async function slotBookings(ctx: Context, slot: SlotRow): Promise<BookingRow[]> {
  const bookings = await ctx.loaders.advisorySlotBookings.load(slot.id);
  for (const b of bookings) ctx.loaders.advisoryBooking.prime(b.id, b);
  return bookings.filter((b) => maySeeBooking(ctx.principal, b));
}

export async function slotSeatsLeft(ctx: Context, slot: SlotRow): Promise<number> {
  return seatsLeft(slot, await ctx.loaders.advisorySlotBookings.load(slot.id));
}

/** Whether the reader could book the slot now: the booking rule, asked without booking. */
export async function slotBookable(ctx: Context, slot: SlotRow): Promise<boolean> {
  if (!isEligibleBooker(ctx.principal)) return false;
  const bookings = await ctx.loaders.advisorySlotBookings.load(slot.id);
  const kind: BookingKind = slot.kind === 'TEACHING' ? 'TEACHING' : 'SPARRING';
  try {
    assertMayBook(ctx.principal, toStoredSlot(slot), kind, { bookings, now: nowOf(ctx) });
    return true;
  } catch {
    return false;
  }
}

// ---- Bookings ---------------------------------------------------------------------------------------------------

/**
 * Lists of bookings, with their case descriptions: the municipalities' staff (their own, by municipalityInScope) and
 * BUA's advisers. BUA's administrators plan the service without reading its cases.
 */
function assertMayReadCases(principal: Principal): void {
  if (isEligibleBooker(principal) || isBuaAdviser(principal)) return;
  throw forbidden("Advisory bookings, with their case descriptions, are read by the booking municipality's advisory staff and BUA's advisers.", { field: 'roles' });
}

/**
 * Books a slot. The rule gives the reason a person can act on; the database decides: when the guarded UPDATE finds
 * no seat (another request took it between our read and our write), the slot and its bookings are read afresh and
 * the rule asked again, and if it has no reason left, the race was lost (CONFLICT either way).
 */
export async function book(ctx: Context, slotId: string, kind: BookingKind): Promise<BookingRow> {
  const { principal } = ctx;
  assertEligibleBooker(principal);
  const slot = await slotOrNotFound(ctx, slotId);
  const now = nowOf(ctx);
  const bookingKind = assertMayBook(principal, toStoredSlot(slot), kind, { bookings: await ctx.loaders.advisorySlotBookings.load(slot.id), now });
  const outcome = await bookSlot(
    ctx.db,
    {
      id: uuid7(),
      slotId: slot.id,
      slotKind: slot.kind,
      municipalityCode: bookerMunicipality(principal),
      bookerId: principal.subject,
      kind: bookingKind,
      bookedAt: now,
    },
    now,
  );
  if (typeof outcome !== 'string') {
    ctx.loaders.advisoryBooking.prime(outcome.id, outcome);
    ctx.loaders.advisorySlot.clear(slot.id);
    ctx.loaders.advisorySlotBookings.clear(slot.id);
    return outcome;
  }
  const [fresh] = await findSlotsByIds(ctx.db, [slot.id]);
  const bookings = await findBookingsBySlotIds(ctx.db, [slot.id]);
  assertMayBook(principal, toStoredSlot(fresh ?? slot), kind, { bookings, now });
  throw bookingRaceLost(slot);
}

export async function cancelBooking(ctx: Context, id: string): Promise<BookingRow> {
  const booking = await bookingOrNotFound(ctx, id, 'id');
  const slot = await slotOfBooking(ctx, booking);
  const now = nowOf(ctx);
  assertMayCancelBooking(ctx.principal, toBooking(booking), slot, now);
  const result = await cancelBookingRow(ctx.db, booking, ctx.principal.subject, now);
  if (result === 'STARTED') {
    // The meeting began between our read and our write: the rule's own words.
    assertMayCancelBooking(ctx.principal, toBooking(booking), { ...slot, startsAt: now }, now);
  }
  if (typeof result === 'string') throw conflict('This booking is already cancelled.', { field: 'id' });
  ctx.loaders.advisoryBooking.clear(id).prime(id, result);
  ctx.loaders.advisorySlot.clear(slot.id);
  ctx.loaders.advisorySlotBookings.clear(slot.id);
  return result;
}

export async function listBookings(
  ctx: Context,
  args: { municipalityCode?: number | null; adviserId?: string | null; activeOnly?: boolean | null; first?: number | null; after?: string | null },
) {
  const municipalityCode = municipalityInScope(ctx.principal, args.municipalityCode, 'advisory bookings');
  assertMayReadCases(ctx.principal);
  const size = pageSize(args.first);
  const rows = await listBookingRows(
    ctx.db,
    { municipalityCode, adviserId: optionalId(args.adviserId, 'adviserId'), activeOnly: args.activeOnly ?? false },
    size + 1,
    decodeCursor(args.after),
  );
  for (const row of rows) ctx.loaders.advisoryBooking.prime(row.id, row);
  return toConnection(rows, size, (r) => r.id, (r) => r);
}

export async function getBooking(ctx: Context, id: string): Promise<BookingRow> {
  const booking = await bookingOrNotFound(ctx, id, 'id');
  assertMaySeeBooking(ctx.principal, booking);
  return booking;
}

export async function bookingDescriptionStatus(ctx: Context, booking: BookingRow) {
  return descriptionStatus(booking, await slotOfBooking(ctx, booking), ctx.advisory.descriptionDeadline, nowOf(ctx));
}

export async function bookingDescriptionDueAt(ctx: Context, booking: BookingRow): Promise<Date | null> {
  if (booking.kind === 'TEACHING') return null;
  return descriptionDueAt((await slotOfBooking(ctx, booking)).startsAt, ctx.advisory.descriptionDeadline);
}

export async function bookingDescriptionOverdue(ctx: Context, booking: BookingRow): Promise<boolean> {
  return missingDescriptionFlag(booking, await slotOfBooking(ctx, booking), ctx.advisory.descriptionDeadline, nowOf(ctx)) !== null;
}

export const bookingDescription = (booking: BookingRow) => toDescription(booking);

export async function bookingInvitations(ctx: Context, booking: BookingRow): Promise<InvitationRow[]> {
  const invitations = await ctx.loaders.advisoryBookingInvitations.load(booking.id);
  for (const i of invitations) ctx.loaders.advisoryInvitation.prime(i.id, i);
  return invitations;
}

export async function bookingAdvice(ctx: Context, booking: BookingRow) {
  return toAdvice(await ctx.loaders.advisoryBookingAdvice.load(booking.id));
}

/** How far ahead a description can be overdue: beyond this no meeting's deadline has passed yet. */
function overdueHorizon(ctx: Context, now: Date): Date {
  const { unit, amount } = ctx.advisory.descriptionDeadline;
  // Working days: weekends and holidays can at most roughly double the calendar days (Easter, Christmas); the rule
  // then decides each candidate exactly.
  const days = unit === 'HOURS' ? Math.ceil(amount / 24) + 1 : amount * 2 + 7;
  return new Date(now.getTime() + days * 86_400_000);
}

/** The overdue flag as a list (agreement 6.3's description rule): for the booker's municipality and the adviser. */
export async function overdueDescriptions(ctx: Context, args: { municipalityCode?: number | null; adviserId?: string | null }): Promise<BookingRow[]> {
  const { principal } = ctx;
  const municipalityCode = municipalityInScope(principal, args.municipalityCode, 'advisory bookings');
  assertMayReadCases(principal);
  const adviserId = optionalId(args.adviserId, 'adviserId') ?? (isEligibleBooker(principal) || municipalityCode !== undefined ? undefined : principal.subject);
  const now = nowOf(ctx);
  const candidates = await findBookingsMissingDescription(ctx.db, { municipalityCode, adviserId }, now, overdueHorizon(ctx, now));
  return candidates
    .filter(({ booking, slot }) => {
      ctx.loaders.advisorySlot.prime(slot.id, slot);
      ctx.loaders.advisoryBooking.prime(booking.id, booking);
      return missingDescriptionFlag(booking, slot, ctx.advisory.descriptionDeadline, now) !== null;
    })
    .map(({ booking }) => booking);
}

// ---- The written description ------------------------------------------------------------------------------------

export async function submitDescription(ctx: Context, bookingId: string, input: { problem: string; screeningResults?: string | null }): Promise<BookingRow> {
  const booking = await bookingOrNotFound(ctx, bookingId);
  const slot = await slotOfBooking(ctx, booking);
  const now = nowOf(ctx);
  assertMaySubmitDescription(ctx.principal, toBooking(booking), slot, now);
  // Before anything is stored: a text with a personal identifier is refused whole.
  const description = validateCaseDescription(input, await anonymityFor(ctx, [input.problem, input.screeningResults]));
  const saved = await saveDescription(ctx.db, booking.id, description, ctx.principal.subject, now);
  if (!saved) {
    // Cancelled, or the meeting began or was cancelled, between our read and our write: the rule says which.
    const [[freshBooking], [freshSlot]] = await Promise.all([findBookingsByIds(ctx.db, [booking.id]), findSlotsByIds(ctx.db, [slot.id])]);
    assertMaySubmitDescription(ctx.principal, toBooking(freshBooking ?? booking), freshSlot ?? slot, now);
    throw conflict('The booking changed a moment ago; look at it again.', { field: 'bookingId' });
  }
  ctx.loaders.advisoryBooking.clear(booking.id).prime(booking.id, saved);
  return saved;
}

// ---- The GP's invitation ----------------------------------------------------------------------------------------

export async function inviteGp(ctx: Context, bookingId: string, ydernummer: string, note: string | null | undefined): Promise<InvitationRow> {
  const booking = await bookingOrNotFound(ctx, bookingId);
  const slot = await slotOfBooking(ctx, booking);
  const existing = await ctx.loaders.advisoryBookingInvitations.load(booking.id);
  const now = nowOf(ctx);
  const practice = optionalPlainText(ydernummer, 'ydernummer', 6) ?? '';
  const invitation = newInvitation(
    ctx.principal,
    { id: uuid7(), booking: toBooking(booking), slot, practiceYdernummer: practice, note },
    existing,
    await anonymityFor(ctx, [note]),
    now,
  );
  const stored = await insertInvitation(ctx.db, invitation);
  if (stored === 'ALREADY_INVITED') throw conflict('This practice is already invited to the meeting.', { field: 'ydernummer' });
  ctx.loaders.advisoryBookingInvitations.clear(booking.id);
  ctx.loaders.advisoryInvitation.prime(stored.id, stored);
  return stored;
}

async function invitationOrNotFound(ctx: Context, id: string): Promise<InvitationRow> {
  assertUuid(id, 'id', 'id must be an invitation id (a UUID) as returned by inviteGpToAdvisoryMeeting or myAdvisoryInvitations.');
  const row = await ctx.loaders.advisoryInvitation.load(id);
  if (!row) throw notFound('No invitation to an advisory meeting has this id.', { field: 'id' });
  return row;
}

/** Stores a transition the rule allowed, guarded by the status it was computed from; a lost race is asked again. */
async function storeTransition(ctx: Context, row: InvitationRow, next: GpInvitation, again: (fresh: InvitationRow) => void): Promise<InvitationRow> {
  const stored = await transitionInvitation(ctx.db, row.id, { from: row.status, to: next.status as GpInvitationStatus, by: ctx.principal.subject, at: next.changedAt! });
  if (stored) {
    ctx.loaders.advisoryInvitation.clear(row.id).prime(row.id, stored);
    ctx.loaders.advisoryBookingInvitations.clear(row.bookingId);
    return stored;
  }
  ctx.loaders.advisoryInvitation.clear(row.id);
  const fresh = await invitationOrNotFound(ctx, row.id);
  again(fresh);
  throw conflict('The invitation was answered a moment ago; look at it again.', { field: 'id' });
}

export async function answerInvitation(ctx: Context, id: string, answer: 'ACCEPT' | 'DECLINE'): Promise<InvitationRow> {
  const row = await invitationOrNotFound(ctx, id);
  const slot = await slotOfBooking(ctx, await bookingOrNotFound(ctx, row.bookingId, 'id'));
  const now = nowOf(ctx);
  const next = answerGpInvitation(ctx.principal, row, answer, slot, now);
  return storeTransition(ctx, row, next, (fresh) => answerGpInvitation(ctx.principal, fresh, answer, slot, now));
}

export async function withdrawInvitation(ctx: Context, id: string): Promise<InvitationRow> {
  const row = await invitationOrNotFound(ctx, id);
  const booking = await bookingOrNotFound(ctx, row.bookingId, 'id');
  const slot = await slotOfBooking(ctx, booking);
  const now = nowOf(ctx);
  const next = withdrawGpInvitation(ctx.principal, row, booking, slot, now);
  return storeTransition(ctx, row, next, (fresh) => withdrawGpInvitation(ctx.principal, fresh, booking, slot, now));
}

function assertGp(principal: Principal): void {
  if (principal.sector === 'GENERAL_PRACTICE' && principal.roles.includes('GP')) return;
  throw forbidden("These are the invitations of a general practice to BUA's advisory meetings; sign in as a GP of the practice.", { field: 'roles' });
}

/** The signed-in GP's practice's invitations (agreement 6.3: general practice takes part when relevant). */
export async function myInvitations(ctx: Context, args: { status?: GpInvitationStatus | null; first?: number | null; after?: string | null }) {
  assertGp(ctx.principal);
  const size = pageSize(args.first);
  const rows = await listPracticeInvitations(ctx.db, ctx.principal.organisation, args.status ?? undefined, size + 1, decodeCursor(args.after));
  for (const row of rows) ctx.loaders.advisoryInvitation.prime(row.id, row);
  return toConnection(rows, size, (r) => r.id, (r) => r);
}

/** The meeting of an invitation, for whoever has been shown the invitation. */
export async function invitedMeeting(ctx: Context, invitation: InvitationRow): Promise<AdvisoryInvitedMeetingModel> {
  const booking = await bookingOrNotFound(ctx, invitation.bookingId, 'id');
  return { invitation, booking, slot: await slotOfBooking(ctx, booking) };
}

// ---- The advice -------------------------------------------------------------------------------------------------

export async function recordAdvice(ctx: Context, bookingId: string, text: string): Promise<BookingRow> {
  const booking = await bookingOrNotFound(ctx, bookingId);
  const slot = await slotOfBooking(ctx, booking);
  const versions = await ctx.loaders.advisoryBookingAdvice.load(booking.id);
  const version = nextAdviceVersion(ctx.principal, { booking, slot, text }, versions, await anonymityFor(ctx, [text]), nowOf(ctx));
  const stored = await insertAdvice(ctx.db, version);
  if (stored === 'TAKEN') throw conflict('Advice for this meeting was recorded a moment ago; read it, then amend it if needed.', { field: 'bookingId' });
  ctx.loaders.advisoryBookingAdvice.clear(booking.id);
  return booking;
}
