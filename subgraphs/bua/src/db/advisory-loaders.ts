import { inKeyOrder } from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import {
  findAdviceByBookingIds,
  findBookingsByIds,
  findBookingsBySlotIds,
  findInvitationsByBookingIds,
  findInvitationsByIds,
  findSeriesByIds,
  findSlotsByIds,
  type AdviceRow,
  type BookingRow,
  type ExceptionRow,
  type InvitationRow,
  type SeriesRow,
  type SlotRow,
} from './advisory.ts';
import type { BuaDb } from './repository.ts';

/** Rows grouped by a key, in key order: what a DataLoader of lists returns. */
function grouped<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k)!);
}

/** The advisory service's DataLoaders of one request (agreement 6.3): one statement per kind of look-up. */
export function createAdvisoryLoaders(db: BuaDb) {
  return {
    advisorySeries: new DataLoader<string, { series: SeriesRow; exceptions: ExceptionRow[] } | null>(async (ids) =>
      inKeyOrder(ids, await findSeriesByIds(db, ids), (s) => s.series.id),
    ),
    advisorySlot: new DataLoader<string, SlotRow | null>(async (ids) => inKeyOrder(ids, await findSlotsByIds(db, ids), (s) => s.id)),
    advisoryBooking: new DataLoader<string, BookingRow | null>(async (ids) => inKeyOrder(ids, await findBookingsByIds(db, ids), (b) => b.id)),
    /** Each slot's bookings, active and cancelled, oldest first. */
    advisorySlotBookings: new DataLoader<string, BookingRow[]>(async (ids) => grouped(ids, await findBookingsBySlotIds(db, ids), (b) => b.slotId)),
    advisoryInvitation: new DataLoader<string, InvitationRow | null>(async (ids) =>
      inKeyOrder(ids, await findInvitationsByIds(db, ids), (i) => i.id),
    ),
    /** Each booking's GP invitations, oldest first. */
    advisoryBookingInvitations: new DataLoader<string, InvitationRow[]>(async (ids) =>
      grouped(ids, await findInvitationsByBookingIds(db, ids), (i) => i.bookingId),
    ),
    /** Each booking's advice versions, oldest first. */
    advisoryBookingAdvice: new DataLoader<string, AdviceRow[]>(async (ids) => grouped(ids, await findAdviceByBookingIds(db, ids), (a) => a.bookingId)),
  };
}
export type AdvisoryLoaders = ReturnType<typeof createAdvisoryLoaders>;
