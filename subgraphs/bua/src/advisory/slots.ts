import {
  assertUuid,
  badUserInput,
  conflict,
  daysInMonth,
  isDanishWorkingDay,
  isRegionMidtjyllandMunicipalityCode,
  parseIsoDate,
  type MunicipalityCode,
} from '@pathway-graph/shared';
import { addDays, copenhagenDate, copenhagenToUtc, daysBetween, isoWeekday, parseLocalTime } from './local-time.ts';
import { advisorySlotId } from './slot-id.ts';
import { SLOT_KINDS, type Slot, type SlotKind, type StoredSlot } from './types.ts';

/**
 * Recurring meeting slots (agreement 6.3: "faste tidspunkter for de virtuelle møder, ca. 45 minutters varighed").
 *
 * A series says when a municipality's fixed meeting recurs; `generateSlots` turns it into the slots of a planning
 * horizon. The patterns needed here (weekly, every n weeks, the nth weekday of the month) are a few lines over the
 * project's own calendar (working-days.ts), which also supplies the Danish public holidays and the days public
 * offices close; a general RRULE engine (the `rrule` package) would add a dependency without removing any of that
 * code, and its floating-time handling of time zones is a known trap. Occurrences on a closed day are skipped, not
 * shifted: a shifted meeting lands on a time the staff have not kept free.
 */

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Recurrence =
  /** Every `everyWeeks` weeks (1: weekly, 2: every other week), counted from the week `startsOn` falls in. */
  | { frequency: 'WEEKLY'; weekday: Weekday; everyWeeks: number }
  /** The `nth` given weekday of each month; -1 is the last. */
  | { frequency: 'MONTHLY'; weekday: Weekday; nth: 1 | 2 | 3 | 4 | -1 };

/** A change to one occurrence, named by the date the recurrence puts it on. */
export type OccurrenceException =
  | { occurrenceDate: string; action: 'CANCEL' }
  | { occurrenceDate: string; action: 'MOVE'; date: string; startTime: string; durationMinutes?: number };

export interface SlotSeries {
  id: string;
  kind: SlotKind;
  municipalityCodes: readonly MunicipalityCode[];
  adviserId: string;
  recurrence: Recurrence;
  /** Copenhagen wall-clock time, HH:MM. */
  startTime: string;
  durationMinutes: number;
  capacity: number;
  /** First date the series may meet (inclusive); also the anchor of "every other week". */
  startsOn: string;
  /** Last date it may meet (inclusive), or null while it runs. */
  endsOn: string | null;
  meetingUrl: string;
  exceptions: readonly OccurrenceException[];
}

/** About 45 minutes, as the agreement says. */
export const DEFAULT_MEETING_MINUTES = 45;
export const MIN_MEETING_MINUTES = 15;
export const MAX_MEETING_MINUTES = 180;
/** Meetings lie within office hours; this also keeps them clear of the night-time daylight-saving changes. */
export const OFFICE_HOURS = { opens: '07:00', closes: '19:00' } as const;
export const MAX_TEACHING_CAPACITY = 200;
export const MAX_EVERY_WEEKS = 4;
/** How far a single occurrence may be moved from its recurring date. */
export const MAX_MOVE_DAYS = 28;
/** The longest planning horizon generated at once. */
export const MAX_HORIZON_DAYS = 400;

export interface Horizon {
  /** First Copenhagen date (inclusive). */
  from: string;
  /** Last Copenhagen date (inclusive). */
  to: string;
}

function assertOfficeHours(startTime: string, durationMinutes: number, field: string): void {
  const start = parseLocalTime(startTime, field);
  const opens = parseLocalTime(OFFICE_HOURS.opens, 'opens');
  const closes = parseLocalTime(OFFICE_HOURS.closes, 'closes');
  if (start < opens || start + durationMinutes > closes) {
    throw badUserInput(
      `A meeting must lie within office hours, ${OFFICE_HOURS.opens}-${OFFICE_HOURS.closes} Danish time; ` +
        `one starting at ${startTime} and lasting ${durationMinutes} minutes does not. Choose an earlier or shorter meeting.`,
      { field },
    );
  }
}

function assertDuration(minutes: unknown, field: string): number {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < MIN_MEETING_MINUTES || minutes > MAX_MEETING_MINUTES) {
    throw badUserInput(
      `A meeting lasts a whole number of minutes from ${MIN_MEETING_MINUTES} to ${MAX_MEETING_MINUTES} (the agreement's meetings are about ${DEFAULT_MEETING_MINUTES}); got ${String(minutes)}.`,
      { field },
    );
  }
  return minutes;
}

function assertMeetingUrl(url: unknown): string {
  let parsed: URL | null = null;
  try {
    parsed = typeof url === 'string' && url.length <= 500 ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) {
    throw badUserInput('The meeting link must be an https address of at most 500 characters, without a user name or password in it.', {
      field: 'meetingUrl',
    });
  }
  return parsed.href;
}

function assertMunicipalities(kind: SlotKind, codes: unknown): MunicipalityCode[] {
  const list = Array.isArray(codes) ? codes : [];
  const unknown = list.filter((c) => !isRegionMidtjyllandMunicipalityCode(c));
  if (!Array.isArray(codes) || list.length === 0 || unknown.length) {
    throw badUserInput(
      `municipalityCodes must list municipality codes of Region Midtjylland${unknown.length ? `; not one of them: ${unknown.map(String).join(', ')}` : ''}.`,
      { field: 'municipalityCodes' },
    );
  }
  const unique = [...new Set(list as MunicipalityCode[])].sort((a, b) => a - b);
  if (kind === 'CONSULTATION' && unique.length !== 1) {
    throw badUserInput(
      "A consultation series belongs to exactly one municipality (its fixed meeting times); list one municipality code, or make it a TEACHING series to open it to several.",
      { field: 'municipalityCodes' },
    );
  }
  return unique;
}

function assertRecurrence(recurrence: unknown): Recurrence {
  const r = (recurrence ?? {}) as Record<string, unknown>;
  if (!WEEKDAYS.includes(r['weekday'] as Weekday)) {
    throw badUserInput(`recurrence.weekday must be one of ${WEEKDAYS.join(', ')}: advisory meetings are held on working days.`, {
      field: 'recurrence.weekday',
    });
  }
  const weekday = r['weekday'] as Weekday;
  if (r['frequency'] === 'WEEKLY') {
    const every = r['everyWeeks'] ?? 1;
    if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > MAX_EVERY_WEEKS) {
      throw badUserInput(`recurrence.everyWeeks must be a whole number from 1 (weekly) to ${MAX_EVERY_WEEKS}; got ${String(every)}.`, {
        field: 'recurrence.everyWeeks',
      });
    }
    return { frequency: 'WEEKLY', weekday, everyWeeks: every };
  }
  if (r['frequency'] === 'MONTHLY') {
    const nth = r['nth'];
    if (nth !== 1 && nth !== 2 && nth !== 3 && nth !== 4 && nth !== -1) {
      throw badUserInput(`recurrence.nth must be 1, 2, 3 or 4 (the nth ${weekday} of the month) or -1 (the last); got ${String(nth)}.`, {
        field: 'recurrence.nth',
      });
    }
    return { frequency: 'MONTHLY', weekday, nth };
  }
  throw badUserInput('recurrence.frequency must be WEEKLY or MONTHLY.', { field: 'recurrence.frequency' });
}

/** True when the recurrence's pattern falls on `date` (before holidays are taken out). */
function matchesPattern(series: Pick<SlotSeries, 'recurrence' | 'startsOn' | 'endsOn'>, date: string): boolean {
  const { recurrence, startsOn, endsOn } = series;
  if (date < startsOn || (endsOn !== null && date > endsOn)) return false;
  const weekday = isoWeekday(date);
  if (weekday !== WEEKDAYS.indexOf(recurrence.weekday) + 1) return false;
  if (recurrence.frequency === 'WEEKLY') {
    const anchorMonday = addDays(startsOn, 1 - isoWeekday(startsOn));
    return Math.floor(daysBetween(anchorMonday, date) / 7) % recurrence.everyWeeks === 0;
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return recurrence.nth === -1 ? d + 7 > daysInMonth(y, m) : Math.ceil(d / 7) === recurrence.nth;
}

/** Whether the series meets on `date`: its pattern falls there and it is a day Danish public offices are open. */
export function isOccurrence(series: Pick<SlotSeries, 'recurrence' | 'startsOn' | 'endsOn'>, date: string): boolean {
  return matchesPattern(series, date) && isDanishWorkingDay(date);
}

function assertExceptions(series: Omit<SlotSeries, 'exceptions'>, exceptions: unknown): OccurrenceException[] {
  if (exceptions === undefined) return [];
  if (!Array.isArray(exceptions)) throw badUserInput('exceptions must be a list.', { field: 'exceptions' });
  const seen = new Set<string>();
  return exceptions.map((raw: unknown, i): OccurrenceException => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const field = `exceptions[${i}]`;
    const occurrenceDate = parseIsoDate(e['occurrenceDate'] as string, `${field}.occurrenceDate`);
    if (seen.has(occurrenceDate)) {
      throw badUserInput(`The meeting of ${occurrenceDate} has more than one exception; give it one (cancel or move).`, {
        field: `${field}.occurrenceDate`,
      });
    }
    seen.add(occurrenceDate);
    if (!matchesPattern(series, occurrenceDate)) {
      throw badUserInput(`The series has no meeting on ${occurrenceDate}; an exception names the date of one of its meetings.`, {
        field: `${field}.occurrenceDate`,
      });
    }
    if (e['action'] === 'CANCEL') {
      if (!isDanishWorkingDay(occurrenceDate)) {
        throw badUserInput(`No meeting is held on ${occurrenceDate} anyway: public offices are closed that day.`, {
          field: `${field}.occurrenceDate`,
        });
      }
      return { occurrenceDate, action: 'CANCEL' };
    }
    if (e['action'] === 'MOVE') {
      // A meeting skipped for a holiday may be moved too: that is how a replacement meeting is offered.
      const date = parseIsoDate(e['date'] as string, `${field}.date`);
      if (!isDanishWorkingDay(date)) {
        throw badUserInput(`A meeting can be moved only to a working day; public offices are closed on ${date}.`, { field: `${field}.date` });
      }
      if (Math.abs(daysBetween(occurrenceDate, date)) > MAX_MOVE_DAYS) {
        throw badUserInput(
          `A single meeting can be moved at most ${MAX_MOVE_DAYS} days from its date; to change the series, change its recurrence instead.`,
          { field: `${field}.date` },
        );
      }
      const durationMinutes = assertDuration(e['durationMinutes'] ?? series.durationMinutes, `${field}.durationMinutes`);
      const startTime = e['startTime'] as string;
      parseLocalTime(startTime, `${field}.startTime`);
      assertOfficeHours(startTime, durationMinutes, `${field}.startTime`);
      return { occurrenceDate, action: 'MOVE', date, startTime, durationMinutes };
    }
    throw badUserInput('An exception either cancels (CANCEL) or moves (MOVE) one meeting.', { field: `${field}.action` });
  });
}

/** The series as given, validated and normalised (duration 45 and capacity 1 by default). */
export function validateSlotSeries(input: {
  id: string;
  kind: string;
  municipalityCodes: readonly number[];
  adviserId: string;
  recurrence: unknown;
  startTime: string;
  durationMinutes?: number;
  capacity?: number;
  startsOn: string;
  endsOn?: string | null;
  meetingUrl: string;
  exceptions?: unknown;
}): SlotSeries {
  const id = assertUuid(input.id, 'id');
  if (!SLOT_KINDS.includes(input.kind as SlotKind)) {
    throw badUserInput(`kind must be one of ${SLOT_KINDS.join(', ')}.`, { field: 'kind' });
  }
  const kind = input.kind as SlotKind;
  const municipalityCodes = assertMunicipalities(kind, input.municipalityCodes);
  if (typeof input.adviserId !== 'string' || input.adviserId.trim() === '' || input.adviserId.length > 200) {
    throw badUserInput('adviserId must name the BUA adviser holding the meetings (their user id).', { field: 'adviserId' });
  }
  const recurrence = assertRecurrence(input.recurrence);
  parseLocalTime(input.startTime, 'startTime');
  const durationMinutes = assertDuration(input.durationMinutes ?? DEFAULT_MEETING_MINUTES, 'durationMinutes');
  assertOfficeHours(input.startTime, durationMinutes, 'startTime');
  const capacity = input.capacity ?? (kind === 'CONSULTATION' ? 1 : undefined);
  if (kind === 'CONSULTATION' && capacity !== 1) {
    throw badUserInput('A consultation meeting is booked by one municipality at a time: its capacity is 1.', { field: 'capacity' });
  }
  if (kind === 'TEACHING' && (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 2 || capacity > MAX_TEACHING_CAPACITY)) {
    throw badUserInput(`A teaching session needs a capacity: a whole number of seats from 2 to ${MAX_TEACHING_CAPACITY}; got ${String(capacity)}.`, {
      field: 'capacity',
    });
  }
  const startsOn = parseIsoDate(input.startsOn, 'startsOn');
  const endsOn = input.endsOn == null ? null : parseIsoDate(input.endsOn, 'endsOn');
  if (endsOn !== null && endsOn < startsOn) throw badUserInput('endsOn must not be before startsOn.', { field: 'endsOn' });
  const meetingUrl = assertMeetingUrl(input.meetingUrl);
  const base = { id, kind, municipalityCodes, adviserId: input.adviserId, recurrence, startTime: input.startTime, durationMinutes, capacity: capacity!, startsOn, endsOn, meetingUrl };
  return { ...base, exceptions: assertExceptions(base, input.exceptions) };
}

export function assertHorizon(horizon: Horizon): Horizon {
  const from = parseIsoDate(horizon.from, 'from');
  const to = parseIsoDate(horizon.to, 'to');
  if (to < from) throw badUserInput('The planning horizon ends before it begins: `to` must not be before `from`.', { field: 'to' });
  if (daysBetween(from, to) >= MAX_HORIZON_DAYS) {
    throw badUserInput(`A planning horizon spans at most ${MAX_HORIZON_DAYS} days; generate a longer period in parts.`, { field: 'to' });
  }
  return { from, to };
}

function slotAt(series: SlotSeries, occurrenceDate: string, date: string, startTime: string, durationMinutes: number): Omit<Slot, 'status' | 'moved'> {
  const startsAt = copenhagenToUtc(date, startTime);
  return {
    id: advisorySlotId(series.id, occurrenceDate),
    seriesId: series.id,
    occurrenceDate,
    kind: series.kind,
    municipalityCodes: series.municipalityCodes,
    adviserId: series.adviserId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
    capacity: series.capacity,
    meetingUrl: series.meetingUrl,
  };
}

/**
 * The slots of a validated series whose (possibly moved) date lies in the horizon, in time order. Cancelled
 * occurrences are returned with status CANCELLED so that stored slots, bookings and calendars learn of it; days
 * Danish public offices are closed give no slot at all. The same input always gives the same slots and ids.
 */
export function generateSlots(series: SlotSeries, horizon: Horizon): Slot[] {
  const { from, to } = assertHorizon(horizon);
  const exceptions = new Map(series.exceptions.map((e) => [e.occurrenceDate, e]));
  const slots: Slot[] = [];
  // Occurrences up to MAX_MOVE_DAYS outside the horizon may have been moved into it.
  for (let date = addDays(from, -MAX_MOVE_DAYS), last = addDays(to, MAX_MOVE_DAYS); date <= last; date = addDays(date, 1)) {
    if (!matchesPattern(series, date)) continue;
    const exception = exceptions.get(date);
    if (exception?.action === 'MOVE') {
      if (exception.date < from || exception.date > to) continue;
      const moved = slotAt(series, date, exception.date, exception.startTime, exception.durationMinutes ?? series.durationMinutes);
      slots.push({ ...moved, status: 'SCHEDULED', moved: true });
      continue;
    }
    if (date < from || date > to || !isDanishWorkingDay(date)) continue;
    const slot = slotAt(series, date, date, series.startTime, series.durationMinutes);
    slots.push({ ...slot, status: exception?.action === 'CANCEL' ? 'CANCELLED' : 'SCHEDULED', moved: false });
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/** What storing a freshly generated horizon must do: insert, change (with SEQUENCE bumped), withdraw. */
export interface SlotSyncPlan {
  create: Slot[];
  change: { slot: Slot; sequence: number }[];
  /** Stored future slots of the series the generation no longer gives (series ended, recurrence changed). */
  withdraw: { slot: StoredSlot; sequence: number }[];
}

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

function differs(stored: StoredSlot, fresh: Slot): boolean {
  return (
    !sameInstant(stored.startsAt, fresh.startsAt) ||
    !sameInstant(stored.endsAt, fresh.endsAt) ||
    stored.status !== fresh.status ||
    stored.meetingUrl !== fresh.meetingUrl ||
    stored.capacity !== fresh.capacity ||
    stored.adviserId !== fresh.adviserId ||
    stored.moved !== fresh.moved ||
    stored.municipalityCodes.join(',') !== fresh.municipalityCodes.join(',')
  );
}

/**
 * Compares the stored slots of one series with a generation of the same horizon. Slots that have started are history
 * and are left as they are; a change never lowers a teaching session below the seats already booked, since the
 * database would refuse it anyway (booked <= capacity) and the adviser must first agree with those participants.
 */
export function planSlotSync(stored: readonly StoredSlot[], generated: readonly Slot[], horizon: Horizon, now: Date): SlotSyncPlan {
  const { from, to } = assertHorizon(horizon);
  const storedById = new Map(stored.map((s) => [s.id, s]));
  const generatedIds = new Set(generated.map((s) => s.id));
  const plan: SlotSyncPlan = { create: [], change: [], withdraw: [] };
  const isFuture = (s: Slot) => s.startsAt.getTime() > now.getTime();
  for (const fresh of generated) {
    const old = storedById.get(fresh.id);
    if (!old) {
      // An occurrence cancelled before it was ever stored need not be stored at all.
      if (isFuture(fresh) && fresh.status === 'SCHEDULED') plan.create.push(fresh);
      continue;
    }
    if (!isFuture(old) || !isFuture(fresh) || !differs(old, fresh)) continue;
    if (fresh.capacity < old.bookedCount) {
      throw conflict(
        `The session of ${old.occurrenceDate} already has ${old.bookedCount} participants booked, more than the new capacity of ${fresh.capacity}; ` +
          'keep the capacity at least at the number booked, or cancel the session.',
        { field: 'capacity' },
      );
    }
    plan.change.push({ slot: fresh, sequence: old.sequence + 1 });
  }
  for (const old of stored) {
    const date = copenhagenDate(old.startsAt);
    if (generatedIds.has(old.id) || !isFuture(old) || old.status === 'CANCELLED' || date < from || date > to) continue;
    plan.withdraw.push({ slot: old, sequence: old.sequence + 1 });
  }
  return plan;
}
