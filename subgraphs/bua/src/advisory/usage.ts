import { assertMunicipalityCode, badUserInput, parseIsoDate, type MunicipalityCode } from '@pathway-graph/shared';
import { copenhagenDate } from './local-time.ts';
import { BOOKING_KINDS, SLOT_KINDS, isActiveBooking, type Booking, type BookingKind, type Slot, type SlotKind } from './types.ts';

/**
 * Usage of the advisory service per municipality and period (agreement 9: the biennial status counts "advisory
 * sessions offered and used"). A pure aggregation over slot and booking facts; the database version must give the
 * same figures (the same definitions, as SQL) and can be tested against this one.
 *
 * Definitions, for municipality M and the period `from`..`to` (Copenhagen dates, both inclusive), by the date a
 * slot starts on, as of the instant `asOf`:
 * - slotsOffered[kind]: slots in the period open to M (a consultation slot of M, a teaching session naming M) that
 *   BUA has not cancelled. A teaching session counts once, however many seats it has.
 * - slotsCancelled[kind]: slots in the period open to M that BUA cancelled.
 * - booked[kind]: every booking made by M's staff for a slot in the period, whatever became of it afterwards. A
 *   teaching session counts one per seat booked.
 * - cancelled[kind]: of those, the ones cancelled, by the municipality or because BUA cancelled the slot.
 * - used[kind]: of those, the ones not cancelled whose meeting had begun by `asOf`: the meeting was held.
 * - upcoming[kind]: of those, the ones not cancelled whose meeting lies after `asOf`.
 * So booked = cancelled + used + upcoming for every kind. Slot figures go by slot kind (CONSULTATION, TEACHING),
 * booking figures by what the booking was for (SPARRING, SUPERVISION, TEACHING). No figure concerns a child, so no
 * small-count suppression applies; an analyst's cross-municipality view may still choose to suppress.
 */

export type ByKind<K extends string> = Record<K, number>;

export interface UsageFigures {
  municipalityCode: MunicipalityCode;
  from: string;
  to: string;
  slotsOffered: ByKind<SlotKind>;
  slotsCancelled: ByKind<SlotKind>;
  booked: ByKind<BookingKind>;
  cancelled: ByKind<BookingKind>;
  used: ByKind<BookingKind>;
  upcoming: ByKind<BookingKind>;
}

const zeros = <K extends string>(keys: readonly K[]): ByKind<K> => Object.fromEntries(keys.map((k) => [k, 0])) as ByKind<K>;

export function usageFigures(input: {
  municipalityCode: number;
  from: string;
  to: string;
  slots: readonly Slot[];
  bookings: readonly Booking[];
  asOf: Date;
}): UsageFigures {
  const municipalityCode = assertMunicipalityCode(input.municipalityCode, 'municipalityCode');
  const from = parseIsoDate(input.from, 'from');
  const to = parseIsoDate(input.to, 'to');
  if (to < from) throw badUserInput('The period ends before it begins: `to` must not be before `from`.', { field: 'to' });
  const inPeriod = (slot: Slot) => {
    const date = copenhagenDate(slot.startsAt);
    return from <= date && date <= to;
  };
  const figures: UsageFigures = {
    municipalityCode,
    from,
    to,
    slotsOffered: zeros(SLOT_KINDS),
    slotsCancelled: zeros(SLOT_KINDS),
    booked: zeros(BOOKING_KINDS),
    cancelled: zeros(BOOKING_KINDS),
    used: zeros(BOOKING_KINDS),
    upcoming: zeros(BOOKING_KINDS),
  };
  const slotsById = new Map<string, Slot>();
  for (const slot of input.slots) {
    if (!inPeriod(slot)) continue;
    slotsById.set(slot.id, slot);
    if (!(slot.municipalityCodes as readonly number[]).includes(municipalityCode)) continue;
    if (slot.status === 'CANCELLED') figures.slotsCancelled[slot.kind] += 1;
    else figures.slotsOffered[slot.kind] += 1;
  }
  for (const booking of input.bookings) {
    const slot = slotsById.get(booking.slotId);
    if (!slot || booking.municipalityCode !== municipalityCode) continue;
    figures.booked[booking.kind] += 1;
    if (!isActiveBooking(booking) || slot.status === 'CANCELLED') figures.cancelled[booking.kind] += 1;
    else if (slot.startsAt.getTime() <= input.asOf.getTime()) figures.used[booking.kind] += 1;
    else figures.upcoming[booking.kind] += 1;
  }
  return figures;
}
