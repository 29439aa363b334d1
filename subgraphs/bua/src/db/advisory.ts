import type { MunicipalityCode } from '@pathway-graph/shared';
import { and, arrayContains, asc, desc, eq, exists, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { BookingKind, SlotKind } from '../advisory/types.ts';
import type { BuaDb } from './repository.ts';
import {
  advisoryAdvice,
  advisoryBookings,
  advisoryCalendarFeeds,
  advisoryContactPersons,
  advisoryGpInvitations,
  advisoryOccurrenceExceptions,
  advisorySlots,
  advisorySlotSeries,
} from './schema.ts';

/**
 * The advisory service's data access (agreement 6.3). The statements that keep a slot within its capacity live
 * here and nowhere else: `bookSlot` and `cancelBooking` are the only writers of `booked_count`, each in the same
 * transaction as the booking row (DESIGN.md: a guarded counter UPDATE, with CHECK and partial unique indexes behind it).
 * Instants are passed in (`now`), never taken from the database clock, so the rules and the guards agree.
 */

/** A database or an open transaction on it. */
type Db = BuaDb;

export type ContactPersonRow = typeof advisoryContactPersons.$inferSelect;
export type SeriesRow = typeof advisorySlotSeries.$inferSelect;
export type ExceptionRow = typeof advisoryOccurrenceExceptions.$inferSelect;
export type SlotRow = typeof advisorySlots.$inferSelect;
export type BookingRow = typeof advisoryBookings.$inferSelect;
export type InvitationRow = typeof advisoryGpInvitations.$inferSelect;
export type AdviceRow = typeof advisoryAdvice.$inferSelect;
export type FeedRow = typeof advisoryCalendarFeeds.$inferSelect;
export type NewBooking = typeof advisoryBookings.$inferInsert;

/** The SQLSTATE and constraint of a refusal by the database, through drizzle's wrapper, on PGlite and postgres.js. */
export function databaseRefusal(error: unknown): { code: string; constraint: string | undefined } | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const e = current as Error & { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint = e.constraint ?? e.constraint_name;
      return { code: e.code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    current = e.cause;
  }
  return null;
}

const isRefusal = (error: unknown, code: string, constraint: string) => {
  const refusal = databaseRefusal(error);
  return refusal?.code === code && refusal.constraint === constraint;
};

/** Thrown inside a transaction to roll it back with an answer; never leaves this module. */
class Rollback<T> extends Error {
  constructor(readonly answer: T) {
    super('rollback');
  }
}

async function answerOrRollback<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Rollback) return error.answer as T;
    throw error;
  }
}

// ---- Contact persons --------------------------------------------------------------------------------------------

export async function findContactPeriods(db: Db, municipalityCodes: readonly MunicipalityCode[]): Promise<ContactPersonRow[]> {
  return db
    .select()
    .from(advisoryContactPersons)
    .where(inArray(advisoryContactPersons.municipalityCode, [...municipalityCodes]))
    .orderBy(asc(advisoryContactPersons.municipalityCode), asc(advisoryContactPersons.validFrom));
}

/**
 * Closes the open period (if `closeFrom` is given) the day the new one begins, and opens the new one, in one
 * transaction. 'RACE' when another change came first: the open period was not the one the change was computed from,
 * or the partial unique index refused a second open period.
 */
export async function changeContactPerson(
  db: Db,
  change: { closeFrom: string | null; opened: typeof advisoryContactPersons.$inferInsert },
): Promise<ContactPersonRow | 'RACE'> {
  const { municipalityCode } = change.opened;
  try {
    return await answerOrRollback(() =>
      db.transaction(async (tx) => {
        if (change.closeFrom !== null) {
          const closed = await tx
            .update(advisoryContactPersons)
            .set({ validUntil: change.closeFrom })
            .where(
              and(
                eq(advisoryContactPersons.municipalityCode, municipalityCode),
                isNull(advisoryContactPersons.validUntil),
                lt(advisoryContactPersons.validFrom, change.closeFrom),
              ),
            )
            .returning({ id: advisoryContactPersons.id });
          if (closed.length !== 1) throw new Rollback<'RACE'>('RACE');
        }
        const [opened] = await tx.insert(advisoryContactPersons).values(change.opened).returning();
        return opened!;
      }),
    );
  } catch (error) {
    if (isRefusal(error, '23505', 'advisory_contact_one_current')) return 'RACE';
    throw error;
  }
}

/** Inserts a first contact person unless the municipality has an open period already (the demo seed). */
export async function insertContactPersonsIfNone(db: Db, rows: (typeof advisoryContactPersons.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(advisoryContactPersons).values(rows).onConflictDoNothing();
}

// ---- Series -----------------------------------------------------------------------------------------------------

export async function findSeriesByIds(db: Db, ids: readonly string[]): Promise<{ series: SeriesRow; exceptions: ExceptionRow[] }[]> {
  const [series, exceptions] = await Promise.all([
    db.select().from(advisorySlotSeries).where(inArray(advisorySlotSeries.id, [...ids])),
    db
      .select()
      .from(advisoryOccurrenceExceptions)
      .where(inArray(advisoryOccurrenceExceptions.seriesId, [...ids]))
      .orderBy(asc(advisoryOccurrenceExceptions.occurrenceDate)),
  ]);
  return series.map((s) => ({ series: s, exceptions: exceptions.filter((e) => e.seriesId === s.id) }));
}

type SeriesValues = typeof advisorySlotSeries.$inferInsert;
type ExceptionValues = typeof advisoryOccurrenceExceptions.$inferInsert;

async function writeSeries(tx: Db, series: SeriesValues, exceptions: ExceptionValues[]): Promise<void> {
  const { id: _id, createdBy: _createdBy, ...changes } = series;
  await tx.insert(advisorySlotSeries).values(series).onConflictDoUpdate({ target: advisorySlotSeries.id, set: changes });
  // The exceptions are the series' settings, not history: the new list replaces the old one.
  await tx.delete(advisoryOccurrenceExceptions).where(eq(advisoryOccurrenceExceptions.seriesId, series.id));
  if (exceptions.length) await tx.insert(advisoryOccurrenceExceptions).values(exceptions);
}

/** Creates or replaces a series and its exceptions, in one transaction. */
export async function saveSeries(db: Db, series: SeriesValues, exceptions: ExceptionValues[]): Promise<void> {
  await db.transaction((tx) => writeSeries(tx, series, exceptions));
}

/**
 * Cancels one future slot and stores the exception that keeps it cancelled when the horizon is generated again, in
 * one transaction; null (nothing stored) when the slot has begun or is cancelled already.
 */
export async function cancelSlotOfSeries(db: Db, series: SeriesValues, exceptions: ExceptionValues[], slotId: string, now: Date): Promise<SlotRow | null> {
  return answerOrRollback(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(advisorySlots)
        .set({ status: 'CANCELLED', sequence: sql`${advisorySlots.sequence} + 1`, updatedAt: now })
        .where(and(eq(advisorySlots.id, slotId), eq(advisorySlots.status, 'SCHEDULED'), gt(advisorySlots.startsAt, now)))
        .returning();
      if (!row) throw new Rollback<null>(null);
      await writeSeries(tx, series, exceptions);
      return row;
    }),
  );
}

/** Inserts the demo series that are not there yet; never changes one that is. */
export async function insertSeriesIfMissing(db: Db, rows: (typeof advisorySlotSeries.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(advisorySlotSeries).values(rows).onConflictDoNothing({ target: advisorySlotSeries.id });
}

// ---- Slots ------------------------------------------------------------------------------------------------------

export async function findSlotsByIds(db: Db, ids: readonly string[]): Promise<SlotRow[]> {
  return db.select().from(advisorySlots).where(inArray(advisorySlots.id, [...ids]));
}

/** The stored slots of a series a generation must compare with: those it generates, and those starting in the horizon. */
export async function findSeriesSlots(db: Db, seriesId: string, ids: readonly string[], from: Date, toExclusive: Date): Promise<SlotRow[]> {
  const inHorizon = and(gte(advisorySlots.startsAt, from), lt(advisorySlots.startsAt, toExclusive));
  return db
    .select()
    .from(advisorySlots)
    .where(and(eq(advisorySlots.seriesId, seriesId), ids.length ? or(inArray(advisorySlots.id, [...ids]), inHorizon) : inHorizon));
}

type SlotValues = Omit<typeof advisorySlots.$inferInsert, 'bookedCount' | 'sequence' | 'updatedAt'>;

/**
 * Stores a generation's plan in one transaction. New slots: INSERT ... ON CONFLICT (id) DO NOTHING, so two
 * generations at once store each slot once (its id is derived from series and date). Changed and withdrawn slots:
 * an UPDATE guarded by the sequence the plan was computed from, so the loser of a race changes nothing; the
 * booked count is never written here. Returns what was actually stored.
 */
export async function applySlotSync(
  db: Db,
  plan: { create: SlotValues[]; change: { slot: SlotValues; sequence: number }[]; withdraw: { slot: SlotValues; sequence: number }[] },
  now: Date,
): Promise<{ created: number; changed: number; withdrawn: number }> {
  return db.transaction(async (tx) => {
    const created = plan.create.length
      ? await tx
          .insert(advisorySlots)
          .values(plan.create.map((s) => ({ ...s, bookedCount: 0, sequence: 0, updatedAt: now })))
          .onConflictDoNothing({ target: advisorySlots.id })
          .returning({ id: advisorySlots.id })
      : [];
    // One guarded UPDATE per changed slot: a generation changes at most a horizon's slots (MAX_HORIZON_DAYS), and
    // each needs its own sequence check.
    const update = async (changes: { slot: SlotValues; sequence: number }[], status?: 'CANCELLED') => {
      let count = 0;
      for (const { slot, sequence } of changes) {
        const { id, seriesId: _series, occurrenceDate: _date, kind: _kind, ...values } = slot;
        const rows = await tx
          .update(advisorySlots)
          .set({ ...values, ...(status ? { status } : {}), sequence, updatedAt: now })
          .where(and(eq(advisorySlots.id, id), eq(advisorySlots.sequence, sequence - 1)))
          .returning({ id: advisorySlots.id });
        count += rows.length;
      }
      return count;
    };
    const changed = await update(plan.change);
    const withdrawn = await update(plan.withdraw, 'CANCELLED');
    return { created: created.length, changed, withdrawn };
  });
}

export interface SlotFilter {
  municipalityCode?: MunicipalityCode | undefined;
  adviserId?: string | undefined;
  kind?: SlotKind | undefined;
  from?: Date | undefined;
  toExclusive?: Date | undefined;
}

function slotConditions(filter: SlotFilter): SQL | undefined {
  return and(
    filter.municipalityCode === undefined ? undefined : arrayContains(advisorySlots.municipalityCodes, [filter.municipalityCode]),
    filter.adviserId === undefined ? undefined : eq(advisorySlots.adviserId, filter.adviserId),
    filter.kind === undefined ? undefined : eq(advisorySlots.kind, filter.kind),
    filter.from === undefined ? undefined : gte(advisorySlots.startsAt, filter.from),
    filter.toExclusive === undefined ? undefined : lt(advisorySlots.startsAt, filter.toExclusive),
  );
}

/** One page of slots in the order they start (ties by id); `after` is the last slot of the previous page. */
export async function listSlots(db: Db, filter: SlotFilter, limit: number, after?: { startsAt: Date; id: string }): Promise<SlotRow[]> {
  return db
    .select()
    .from(advisorySlots)
    .where(
      and(
        slotConditions(filter),
        after === undefined ? undefined : sql`(${advisorySlots.startsAt}, ${advisorySlots.id}) > (${after.startsAt}, ${after.id})`,
      ),
    )
    .orderBy(asc(advisorySlots.startsAt), asc(advisorySlots.id))
    .limit(limit);
}

// ---- Bookings ---------------------------------------------------------------------------------------------------

export type BookingOutcome = BookingRow | 'NO_SEAT' | 'ALREADY_BOOKED';

/**
 * Books a seat: the guarded UPDATE raises the slot's count only while it is scheduled, in the future, open to the
 * booker's municipality, of the booking's kind and not full; concurrent bookings of one slot queue on its row lock
 * and each sees the count its predecessor committed (READ COMMITTED re-evaluates the WHERE). The booking row is
 * inserted in the same transaction; if a unique index refuses it, the raise rolls back with it.
 */
export async function bookSlot(db: Db, booking: NewBooking, now: Date): Promise<BookingOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const raised = await tx
        .update(advisorySlots)
        .set({ bookedCount: sql`${advisorySlots.bookedCount} + 1`, sequence: sql`${advisorySlots.sequence} + 1`, updatedAt: now })
        .where(
          and(
            eq(advisorySlots.id, booking.slotId),
            eq(advisorySlots.kind, booking.slotKind),
            eq(advisorySlots.status, 'SCHEDULED'),
            gt(advisorySlots.startsAt, now),
            lt(advisorySlots.bookedCount, advisorySlots.capacity),
            arrayContains(advisorySlots.municipalityCodes, [booking.municipalityCode]),
          ),
        )
        .returning({ id: advisorySlots.id });
      if (raised.length === 0) return 'NO_SEAT' as const;
      const [row] = await tx.insert(advisoryBookings).values(booking).returning();
      return row!;
    });
  } catch (error) {
    if (isRefusal(error, '23505', 'advisory_booking_once_per_booker')) return 'ALREADY_BOOKED';
    if (isRefusal(error, '23505', 'advisory_booking_one_consultation') || isRefusal(error, '23514', 'advisory_slot_booked_within_capacity')) {
      return 'NO_SEAT';
    }
    throw error;
  }
}

/**
 * Cancels a standing booking before its meeting starts and frees its seat, the slot's row locked first as in
 * `bookSlot` (the same lock order, so booking and cancelling cannot deadlock). 'STARTED' when the meeting has
 * begun, 'ALREADY_CANCELLED' when another request cancelled it first; neither changes anything.
 */
export async function cancelBooking(
  db: Db,
  booking: { id: string; slotId: string },
  by: string,
  now: Date,
): Promise<BookingRow | 'STARTED' | 'ALREADY_CANCELLED'> {
  return answerOrRollback(() =>
    db.transaction(async (tx) => {
      const freed = await tx
        .update(advisorySlots)
        .set({ bookedCount: sql`${advisorySlots.bookedCount} - 1`, sequence: sql`${advisorySlots.sequence} + 1`, updatedAt: now })
        .where(and(eq(advisorySlots.id, booking.slotId), gt(advisorySlots.startsAt, now)))
        .returning({ id: advisorySlots.id });
      if (freed.length === 0) throw new Rollback<'STARTED'>('STARTED');
      const [row] = await tx
        .update(advisoryBookings)
        .set({ cancelledAt: now, cancelledBy: by })
        .where(and(eq(advisoryBookings.id, booking.id), isNull(advisoryBookings.cancelledAt)))
        .returning();
      if (!row) throw new Rollback<'ALREADY_CANCELLED'>('ALREADY_CANCELLED');
      return row;
    }),
  );
}

/** Stores the description of a standing booking whose scheduled meeting has not begun; null when that no longer holds. */
export async function saveDescription(
  db: Db,
  bookingId: string,
  description: { problem: string; screeningResults: string | null },
  by: string,
  now: Date,
): Promise<BookingRow | null> {
  const meetingAhead = db
    .select({ id: advisorySlots.id })
    .from(advisorySlots)
    .where(and(eq(advisorySlots.id, advisoryBookings.slotId), eq(advisorySlots.status, 'SCHEDULED'), gt(advisorySlots.startsAt, now)));
  const [row] = await db
    .update(advisoryBookings)
    .set({ ...description, descriptionSubmittedAt: now, descriptionSubmittedBy: by })
    .where(and(eq(advisoryBookings.id, bookingId), isNull(advisoryBookings.cancelledAt), exists(meetingAhead)))
    .returning();
  return row ?? null;
}

export async function findBookingsByIds(db: Db, ids: readonly string[]): Promise<BookingRow[]> {
  return db.select().from(advisoryBookings).where(inArray(advisoryBookings.id, [...ids]));
}

export async function findBookingsBySlotIds(db: Db, slotIds: readonly string[]): Promise<BookingRow[]> {
  return db.select().from(advisoryBookings).where(inArray(advisoryBookings.slotId, [...slotIds])).orderBy(asc(advisoryBookings.id));
}

export interface BookingFilter {
  municipalityCode?: MunicipalityCode | undefined;
  adviserId?: string | undefined;
  activeOnly?: boolean | undefined;
}

const slotsOfAdviser = (adviserId: string) => sql`${advisoryBookings.slotId} in (select ${advisorySlots.id} from ${advisorySlots} where ${advisorySlots.adviserId} = ${adviserId})`;

/** One page of bookings, newest first (ids are UUIDv7). */
export async function listBookings(db: Db, filter: BookingFilter, limit: number, beforeId?: string): Promise<BookingRow[]> {
  return db
    .select()
    .from(advisoryBookings)
    .where(
      and(
        filter.municipalityCode === undefined ? undefined : eq(advisoryBookings.municipalityCode, filter.municipalityCode),
        filter.adviserId === undefined ? undefined : slotsOfAdviser(filter.adviserId),
        filter.activeOnly ? isNull(advisoryBookings.cancelledAt) : undefined,
        beforeId === undefined ? undefined : lt(advisoryBookings.id, beforeId),
      ),
    )
    .orderBy(desc(advisoryBookings.id))
    .limit(limit);
}

/**
 * Standing sparring and supervision bookings without a description, of scheduled meetings starting after `now` and
 * no later than `until`: the candidates for the overdue flag (the service applies the deadline to each).
 */
export async function findBookingsMissingDescription(
  db: Db,
  filter: { municipalityCode?: MunicipalityCode | undefined; adviserId?: string | undefined },
  now: Date,
  until: Date,
): Promise<{ booking: BookingRow; slot: SlotRow }[]> {
  return db
    .select({ booking: advisoryBookings, slot: advisorySlots })
    .from(advisoryBookings)
    .innerJoin(advisorySlots, eq(advisorySlots.id, advisoryBookings.slotId))
    .where(
      and(
        isNull(advisoryBookings.cancelledAt),
        isNull(advisoryBookings.descriptionSubmittedAt),
        inArray(advisoryBookings.kind, ['SPARRING', 'SUPERVISION']),
        eq(advisorySlots.status, 'SCHEDULED'),
        gt(advisorySlots.startsAt, now),
        lte(advisorySlots.startsAt, until),
        filter.municipalityCode === undefined ? undefined : eq(advisoryBookings.municipalityCode, filter.municipalityCode),
        filter.adviserId === undefined ? undefined : eq(advisorySlots.adviserId, filter.adviserId),
      ),
    )
    .orderBy(asc(advisorySlots.startsAt), asc(advisoryBookings.id));
}

// ---- GP invitations ---------------------------------------------------------------------------------------------

/** Inserts an invitation; 'ALREADY_INVITED' when the practice has an open one to the meeting (a race the rule lost). */
export async function insertInvitation(db: Db, row: typeof advisoryGpInvitations.$inferInsert): Promise<InvitationRow | 'ALREADY_INVITED'> {
  try {
    const [inserted] = await db.insert(advisoryGpInvitations).values(row).returning();
    return inserted!;
  } catch (error) {
    if (isRefusal(error, '23505', 'advisory_gp_invited_once')) return 'ALREADY_INVITED';
    throw error;
  }
}

/** Moves an invitation from `from` to `to`; null when its status is no longer `from` (another answer came first). */
export async function transitionInvitation(
  db: Db,
  id: string,
  change: { from: InvitationRow['status']; to: InvitationRow['status']; by: string; at: Date },
): Promise<InvitationRow | null> {
  const [row] = await db
    .update(advisoryGpInvitations)
    .set({ status: change.to, changedBy: change.by, changedAt: change.at })
    .where(and(eq(advisoryGpInvitations.id, id), eq(advisoryGpInvitations.status, change.from)))
    .returning();
  return row ?? null;
}

export async function findInvitationsByIds(db: Db, ids: readonly string[]): Promise<InvitationRow[]> {
  return db.select().from(advisoryGpInvitations).where(inArray(advisoryGpInvitations.id, [...ids]));
}

export async function findInvitationsByBookingIds(db: Db, bookingIds: readonly string[]): Promise<InvitationRow[]> {
  return db
    .select()
    .from(advisoryGpInvitations)
    .where(inArray(advisoryGpInvitations.bookingId, [...bookingIds]))
    .orderBy(asc(advisoryGpInvitations.id));
}

/** One page of a practice's invitations, newest first. */
export async function listPracticeInvitations(
  db: Db,
  ydernummer: string,
  status: InvitationRow['status'] | undefined,
  limit: number,
  beforeId?: string,
): Promise<InvitationRow[]> {
  return db
    .select()
    .from(advisoryGpInvitations)
    .where(
      and(
        eq(advisoryGpInvitations.practiceYdernummer, ydernummer),
        status === undefined ? undefined : eq(advisoryGpInvitations.status, status),
        beforeId === undefined ? undefined : lt(advisoryGpInvitations.id, beforeId),
      ),
    )
    .orderBy(desc(advisoryGpInvitations.id))
    .limit(limit);
}

// ---- Advice -----------------------------------------------------------------------------------------------------

export async function findAdviceByBookingIds(db: Db, bookingIds: readonly string[]): Promise<AdviceRow[]> {
  return db
    .select()
    .from(advisoryAdvice)
    .where(inArray(advisoryAdvice.bookingId, [...bookingIds]))
    .orderBy(asc(advisoryAdvice.bookingId), asc(advisoryAdvice.version));
}

/** Appends a version; 'TAKEN' when another adviser stored that version a moment ago. */
export async function insertAdvice(db: Db, row: typeof advisoryAdvice.$inferInsert): Promise<AdviceRow | 'TAKEN'> {
  try {
    const [inserted] = await db.insert(advisoryAdvice).values(row).returning();
    return inserted!;
  } catch (error) {
    if (isRefusal(error, '23505', 'advisory_advice_booking_id_version_pk')) return 'TAKEN';
    throw error;
  }
}

// ---- Usage ------------------------------------------------------------------------------------------------------

export interface SlotUsageRow {
  municipalityCode: number;
  kind: SlotKind;
  offered: number;
  cancelled: number;
}

export interface BookingUsageRow {
  municipalityCode: number;
  kind: BookingKind;
  booked: number;
  cancelled: number;
  used: number;
  upcoming: number;
}

/**
 * The usage figures of src/advisory/usage.ts, as two aggregate statements whatever the number of municipalities:
 * slots by the municipalities they are open to and kind, bookings by the booker's municipality and kind, for slots
 * starting in [from, toExclusive), as of `asOf`.
 */
export async function usageCounts(
  db: Db,
  municipalityCodes: readonly MunicipalityCode[],
  from: Date,
  toExclusive: Date,
  asOf: Date,
): Promise<{ slots: SlotUsageRow[]; bookings: BookingUsageRow[] }> {
  const code = sql<number>`m.code`;
  const count = (condition?: SQL) => (condition ? sql<number>`(count(*) filter (where ${condition}))::int` : sql<number>`count(*)::int`);
  const inPeriod = and(gte(advisorySlots.startsAt, from), lt(advisorySlots.startsAt, toExclusive));
  const slotCancelled = eq(advisorySlots.status, 'CANCELLED');
  const standing = and(isNull(advisoryBookings.cancelledAt), eq(advisorySlots.status, 'SCHEDULED'));
  const [slots, bookings] = await Promise.all([
    db
      .select({ municipalityCode: code, kind: advisorySlots.kind, offered: count(eq(advisorySlots.status, 'SCHEDULED')), cancelled: count(slotCancelled) })
      .from(advisorySlots)
      .innerJoin(sql`unnest(${advisorySlots.municipalityCodes}) as m(code)`, sql`true`)
      .where(and(inPeriod, inArray(code, [...municipalityCodes])))
      .groupBy(code, advisorySlots.kind),
    db
      .select({
        municipalityCode: advisoryBookings.municipalityCode,
        kind: advisoryBookings.kind,
        booked: count(),
        cancelled: count(or(sql`${advisoryBookings.cancelledAt} is not null`, slotCancelled)),
        used: count(and(standing, lte(advisorySlots.startsAt, asOf))),
        upcoming: count(and(standing, gt(advisorySlots.startsAt, asOf))),
      })
      .from(advisoryBookings)
      .innerJoin(advisorySlots, eq(advisorySlots.id, advisoryBookings.slotId))
      .where(and(inPeriod, inArray(advisoryBookings.municipalityCode, [...municipalityCodes])))
      .groupBy(advisoryBookings.municipalityCode, advisoryBookings.kind),
  ]);
  return { slots, bookings };
}

// ---- Calendar feeds ---------------------------------------------------------------------------------------------

export async function insertFeed(db: Db, row: typeof advisoryCalendarFeeds.$inferInsert): Promise<FeedRow> {
  const [inserted] = await db.insert(advisoryCalendarFeeds).values(row).returning();
  return inserted!;
}

/** The feed whose secret hashes to `tokenHash`, unless revoked. */
export async function findActiveFeedByTokenHash(db: Db, tokenHash: string): Promise<FeedRow | null> {
  const [row] = await db
    .select()
    .from(advisoryCalendarFeeds)
    .where(and(eq(advisoryCalendarFeeds.tokenHash, tokenHash), isNull(advisoryCalendarFeeds.revokedAt)));
  return row ?? null;
}

export async function findFeedById(db: Db, id: string): Promise<FeedRow | null> {
  const [row] = await db.select().from(advisoryCalendarFeeds).where(eq(advisoryCalendarFeeds.id, id));
  return row ?? null;
}

export async function revokeFeed(db: Db, id: string, by: string, now: Date): Promise<FeedRow | null> {
  const [row] = await db
    .update(advisoryCalendarFeeds)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(advisoryCalendarFeeds.id, id), isNull(advisoryCalendarFeeds.revokedAt)))
    .returning();
  return row ?? null;
}

/** Feeds, newest first: of a municipality, created by someone, or (no filter) all; at most `limit`. */
export async function listFeeds(db: Db, filter: { municipalityCode?: MunicipalityCode; createdBy?: string }, limit: number): Promise<FeedRow[]> {
  return db
    .select()
    .from(advisoryCalendarFeeds)
    .where(
      or(
        filter.municipalityCode === undefined ? undefined : eq(advisoryCalendarFeeds.municipalityCode, filter.municipalityCode),
        filter.createdBy === undefined ? undefined : eq(advisoryCalendarFeeds.createdBy, filter.createdBy),
      ),
    )
    .orderBy(desc(advisoryCalendarFeeds.id))
    .limit(limit);
}

/** What a feed shows: the slots in [from, toExclusive) and their standing bookings, in two statements. */
export async function feedContents(
  db: Db,
  filter: { municipalityCode: MunicipalityCode } | { adviserId: string },
  from: Date,
  toExclusive: Date,
  limit: number,
): Promise<{ slots: SlotRow[]; bookings: BookingRow[] }> {
  const slots = await listSlots(db, { ...filter, from, toExclusive }, limit);
  const bookings = slots.length
    ? await db
        .select()
        .from(advisoryBookings)
        .where(and(inArray(advisoryBookings.slotId, slots.map((s) => s.id)), isNull(advisoryBookings.cancelledAt)))
    : [];
  return { slots, bookings };
}
