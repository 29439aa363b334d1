import { arrayOf } from '@pathway-graph/shared/domain/input';
import {
  assertMunicipalityCode,
  assertUuid,
  badUserInput,
  conflict,
  forbidden,
  isDanishWorkingDay,
  notFound,
  uuid7,
  REGION_MIDTJYLLAND_MUNICIPALITIES,
} from '@pathway-graph/shared';
import type { Context } from '../context.ts';
import {
  applySlotSync,
  cancelSlotOfSeries,
  changeContactPerson as storeContactChange,
  findContactPeriods,
  findSeriesSlots,
  saveSeries as storeSeries,
  usageCounts,
  type ContactPersonRow,
  type SlotRow,
} from '../db/advisory.ts';
import type { BuaDb } from '../db/repository.ts';
import { addDays, copenhagenDate, copenhagenToUtc, daysBetween } from './local-time.ts';
import { toSeries, toStoredSlot, type AdvisorySlotGenerationModel, type AdvisorySlotSeriesModel } from './model.ts';
import { changeContactPerson, contactPersonOn } from './rules/contact-person.ts';
import { assertMayManageAdvisory, isBuaAdviser } from './rules/eligibility.ts';
import { requiredPlainText, optionalPlainText } from './rules/text.ts';
import { assertHorizon, generateSlots, planSlotSync, validateSlotSeries, type Horizon, type OccurrenceException, type SlotSeries } from './slots.ts';
import { BOOKING_KINDS, SLOT_KINDS, type Slot, type SlotKind } from './types.ts';
import type { UsageFigures } from './usage.ts';
import { municipalityInScope, usageScope } from './visibility.ts';

/**
 * Planning BUA's advisory service (agreement 6.3): each municipality's fixed contact person, the series of fixed
 * meeting times and teaching sessions, the slots generated from them for a planning horizon, and the usage figures.
 * BUA's advisers and administrators plan; the municipalities see their own contact person and slots.
 */

const MAX_TEXT_ID = 200;
const MAX_EXCEPTIONS = 100;

const nowOf = (ctx: Context) => ctx.advisory.now();

// ---- Contact persons --------------------------------------------------------------------------------------------

async function historyOf(ctx: Context, municipalityCode: number): Promise<ContactPersonRow[]> {
  municipalityInScope(ctx.principal, municipalityCode, 'contact person at BUA');
  return findContactPeriods(ctx.db, [assertMunicipalityCode(municipalityCode)]);
}

export async function contactPerson(ctx: Context, municipalityCode: number): Promise<ContactPersonRow | null> {
  const history = await historyOf(ctx, municipalityCode);
  const today = contactPersonOn(history, municipalityCode, copenhagenDate(nowOf(ctx)));
  return today ? (history.find((p) => p.validFrom === today.validFrom) ?? null) : null;
}

export const contactPersonHistory = historyOf;

export function isCurrentContact(ctx: Context, period: ContactPersonRow): boolean {
  const today = copenhagenDate(nowOf(ctx));
  return period.validFrom <= today && (period.validUntil === null || today < period.validUntil);
}

export async function assignContactPerson(
  ctx: Context,
  input: { municipalityCode: number; adviserId: string; adviserName: string; from: string },
): Promise<ContactPersonRow> {
  assertMayManageAdvisory(ctx.principal, "assign a municipality's contact person");
  const municipalityCode = assertMunicipalityCode(input.municipalityCode);
  const adviserId = requiredPlainText(input.adviserId, 'adviserId', MAX_TEXT_ID, 'adviserId must name the BUA adviser who becomes the contact person (their user id).');
  const adviserName = requiredPlainText(input.adviserName, 'adviserName', MAX_TEXT_ID, "adviserName is the adviser's name as the municipality should see it.");
  const now = nowOf(ctx);
  const history = await findContactPeriods(ctx.db, [municipalityCode]);
  const { closed, opened } = changeContactPerson(history, { municipalityCode, adviserId, from: input.from }, copenhagenDate(now));
  const stored = await storeContactChange(ctx.db, {
    closeFrom: closed ? opened.validFrom : null,
    opened: { id: uuid7(), ...opened, adviserName, changedBy: ctx.principal.subject, createdAt: now },
  });
  if (stored === 'RACE') {
    throw conflict("The municipality's contact person was changed a moment ago; look at the history and try again.", { field: 'municipalityCode' });
  }
  return stored;
}

// ---- Series and slots -------------------------------------------------------------------------------------------

async function seriesOrNotFound(ctx: Context, id: string, field: string): Promise<AdvisorySlotSeriesModel> {
  assertUuid(id, field, `${field} must be a series id (a UUID) as returned by saveAdvisorySlotSeries.`);
  const found = await ctx.loaders.advisorySeries.load(id);
  if (!found) throw notFound('No series of advisory meetings has this id.', { field });
  return toSeries(found.series, found.exceptions);
}

export async function getSeries(ctx: Context, id: string): Promise<AdvisorySlotSeriesModel> {
  assertMayManageAdvisory(ctx.principal, 'read the series of advisory meetings');
  return seriesOrNotFound(ctx, id, 'id');
}

function exceptionRows(series: SlotSeries) {
  return series.exceptions.map((e) =>
    e.action === 'CANCEL'
      ? { seriesId: series.id, occurrenceDate: e.occurrenceDate, action: 'CANCEL' as const }
      : { seriesId: series.id, occurrenceDate: e.occurrenceDate, action: 'MOVE' as const, date: e.date, startTime: e.startTime, durationMinutes: e.durationMinutes ?? null },
  );
}

function seriesRow(series: SlotSeries, by: string, now: Date) {
  const { exceptions: _exceptions, municipalityCodes, ...rest } = series;
  return { ...rest, municipalityCodes: [...municipalityCodes], createdBy: by, updatedBy: by, updatedAt: now };
}

export interface SeriesInput {
  id?: string | null;
  kind: SlotKind;
  municipalityCodes: readonly number[];
  adviserId?: string | null;
  recurrence: { frequency: string; weekday: string; everyWeeks?: number | null; nth?: number | null };
  startTime: string;
  durationMinutes?: number | null;
  capacity?: number | null;
  startsOn: string;
  endsOn?: string | null;
  meetingUrl: string;
  exceptions?: readonly { occurrenceDate: string; action: string; date?: string | null; startTime?: string | null; durationMinutes?: number | null }[] | null;
}

/** GraphQL's nulls become the rule's "absent". */
const present = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

export async function saveSeries(ctx: Context, input: SeriesInput): Promise<AdvisorySlotSeriesModel> {
  const { principal } = ctx;
  assertMayManageAdvisory(principal, 'plan advisory meetings');
  const existing = input.id == null ? null : await seriesOrNotFound(ctx, input.id, 'id');
  if (existing && existing.kind !== input.kind) {
    throw conflict(`This series holds ${existing.kind} meetings, and bookings follow the kind of their meeting; create a new series for ${input.kind} meetings.`, {
      field: 'kind',
    });
  }
  const adviserId =
    optionalPlainText(input.adviserId, 'adviserId', MAX_TEXT_ID) ??
    (isBuaAdviser(principal) ? principal.subject : null);
  if (adviserId === null) throw badUserInput('adviserId: name the BUA adviser who holds the meetings (their user id).', { field: 'adviserId' });
  const series = validateSlotSeries({
    id: existing?.id ?? uuid7(),
    kind: input.kind,
    municipalityCodes: arrayOf(input.municipalityCodes, 'municipalityCodes', REGION_MIDTJYLLAND_MUNICIPALITIES.length) as number[],
    adviserId,
    recurrence: {
      frequency: input.recurrence.frequency,
      weekday: input.recurrence.weekday,
      ...(input.recurrence.everyWeeks == null ? {} : { everyWeeks: input.recurrence.everyWeeks }),
      ...(input.recurrence.nth == null ? {} : { nth: input.recurrence.nth }),
    },
    startTime: optionalPlainText(input.startTime, 'startTime', 5) ?? '',
    durationMinutes: present(input.durationMinutes),
    capacity: present(input.capacity),
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    meetingUrl: optionalPlainText(input.meetingUrl, 'meetingUrl', 500) ?? '',
    exceptions: arrayOf(input.exceptions, 'exceptions', MAX_EXCEPTIONS).map((raw: unknown) => {
      const e = raw as NonNullable<SeriesInput['exceptions']>[number];
      return {
        occurrenceDate: e.occurrenceDate,
        action: e.action,
        ...(e.date == null ? {} : { date: e.date }),
        ...(e.startTime == null ? {} : { startTime: optionalPlainText(e.startTime, 'startTime', 5) }),
        ...(e.durationMinutes == null ? {} : { durationMinutes: e.durationMinutes }),
      };
    }),
  });
  const now = nowOf(ctx);
  await storeSeries(ctx.db, seriesRow(series, principal.subject, now), exceptionRows(series));
  ctx.loaders.advisorySeries.clear(series.id);
  return { ...series, updatedAt: now };
}

const startOfDay = (date: string) => copenhagenToUtc(date, '00:00');

const slotValues = (slot: Slot) => ({ ...slot, municipalityCodes: [...slot.municipalityCodes] });

/**
 * Stores what a series gives for a horizon: new slots inserted, changed ones updated (with SEQUENCE raised, so
 * calendars pick the change up), ones the series no longer gives cancelled; past slots stay as they were. The same
 * horizon again changes nothing. Used by the mutation and by the demo seed.
 */
export async function syncSeriesHorizon(
  db: BuaDb,
  series: SlotSeries,
  horizon: Horizon,
  now: Date,
): Promise<Omit<AdvisorySlotGenerationModel, 'series'>> {
  const { from, to } = assertHorizon(horizon);
  const generated = generateSlots(series, { from, to });
  const stored = await findSeriesSlots(db, series.id, generated.map((s) => s.id), startOfDay(from), startOfDay(addDays(to, 1)));
  const plan = planSlotSync(stored.map(toStoredSlot), generated, { from, to }, now);
  const result = await applySlotSync(
    db,
    {
      create: plan.create.map(slotValues),
      change: plan.change.map(({ slot, sequence }) => ({ slot: slotValues(slot), sequence })),
      withdraw: plan.withdraw.map(({ slot, sequence }) => ({ slot: slotValues(slot), sequence })),
    },
    now,
  );
  return { from, to, ...result, unchanged: stored.length - result.changed - result.withdrawn };
}

export async function generateSeriesSlots(ctx: Context, seriesId: string, from: string, to: string): Promise<AdvisorySlotGenerationModel> {
  assertMayManageAdvisory(ctx.principal, 'generate advisory slots');
  const series = await seriesOrNotFound(ctx, seriesId, 'seriesId');
  const result = await syncSeriesHorizon(ctx.db, series, { from, to }, nowOf(ctx));
  return { series, ...result };
}

/**
 * BUA cancels one future meeting. The cancellation is stored as an exception of its series, so that generating the
 * horizon again keeps it cancelled; a meeting that was itself a moved replacement for a closed day loses its move.
 */
export async function cancelSlot(ctx: Context, slotId: string): Promise<SlotRow> {
  assertMayManageAdvisory(ctx.principal, 'cancel advisory meetings');
  assertUuid(slotId, 'id', 'id must be a slot id (a UUID) as returned by advisorySlots.');
  const slot = await ctx.loaders.advisorySlot.load(slotId);
  if (!slot) throw notFound('No advisory slot has this id.', { field: 'id' });
  const now = nowOf(ctx);
  if (slot.status === 'CANCELLED') throw conflict('This meeting is already cancelled.', { field: 'id' });
  if (slot.startsAt.getTime() <= now.getTime()) {
    throw badUserInput('This meeting has already begun or taken place, so it can no longer be cancelled.', { field: 'id' });
  }
  const series = await seriesOrNotFound(ctx, slot.seriesId, 'id');
  const others = series.exceptions.filter((e) => e.occurrenceDate !== slot.occurrenceDate);
  const cancel: OccurrenceException[] = isDanishWorkingDay(slot.occurrenceDate) ? [{ occurrenceDate: slot.occurrenceDate, action: 'CANCEL' }] : [];
  const updated = validateSlotSeries({ ...series, endsOn: series.endsOn, exceptions: [...others, ...cancel] });
  const row = await cancelSlotOfSeries(ctx.db, seriesRow(updated, ctx.principal.subject, now), exceptionRows(updated), slot.id, now);
  if (!row) throw conflict('The meeting was cancelled or began a moment ago; look at it again.', { field: 'id' });
  ctx.loaders.advisorySlot.clear(slot.id).prime(slot.id, row);
  ctx.loaders.advisorySeries.clear(series.id);
  return row;
}

// ---- Usage ------------------------------------------------------------------------------------------------------

/** The longest period one question may span. */
const MAX_USAGE_DAYS = 3 * 366;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Usage per municipality and period, counted by the database (db/advisory.ts usageCounts, two statements): the same
 * definitions as src/advisory/usage.ts. No small-count suppression: the figures count staff meetings, and an advisory
 * case carries nothing that identifies a child, so no count can single a child out.
 */
export async function usage(ctx: Context, args: { from: string; to: string; municipalityCodes?: readonly number[] | null }): Promise<UsageFigures[]> {
  const scope = usageScope(ctx.principal);
  const { from, to } = args;
  if (to < from) throw badUserInput('The period ends before it begins: `to` must not be before `from`.', { field: 'to' });
  if (daysBetween(from, to) >= MAX_USAGE_DAYS) throw badUserInput('A period spans at most 3 years; ask for a longer one in parts.', { field: 'to' });
  const asked = args.municipalityCodes == null ? null : arrayOf(args.municipalityCodes, 'municipalityCodes', REGION_MIDTJYLLAND_MUNICIPALITIES.length) as number[];
  const codes = [...new Set(asked ?? ('only' in scope ? [scope.only] : REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code)))].map((c) =>
    assertMunicipalityCode(c, 'municipalityCodes'),
  );
  if ('only' in scope && codes.some((c) => c !== scope.only)) {
    throw forbidden(`A municipality's analysts see their own municipality's figures only; ask for ${scope.only}.`, { field: 'municipalityCodes' });
  }
  const counts = await usageCounts(ctx.db, codes, startOfDay(from), startOfDay(addDays(to, 1)), nowOf(ctx));
  return [...codes]
    .sort((a, b) => a - b)
    .map((municipalityCode) => {
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
      for (const row of counts.slots.filter((r) => r.municipalityCode === municipalityCode)) {
        figures.slotsOffered[row.kind] += row.offered;
        figures.slotsCancelled[row.kind] += row.cancelled;
      }
      for (const row of counts.bookings.filter((r) => r.municipalityCode === municipalityCode)) {
        figures.booked[row.kind] += row.booked;
        figures.cancelled[row.kind] += row.cancelled;
        figures.used[row.kind] += row.used;
        figures.upcoming[row.kind] += row.upcoming;
      }
      return figures;
    });
}
