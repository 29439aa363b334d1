import { describe, expect, it } from 'vitest';
import { copenhagenDateTime } from './local-time.ts';
import { advisorySlotId } from './slot-id.ts';
import { generateSlots, isOccurrence, planSlotSync, validateSlotSeries, type SlotSeries } from './slots.ts';
import { refusalOf } from './testing.ts';
import type { Slot, StoredSlot } from './types.ts';

const SERIES_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function series(overrides: Partial<Parameters<typeof validateSlotSeries>[0]> = {}): SlotSeries {
  return validateSlotSeries({
    id: SERIES_ID,
    kind: 'CONSULTATION',
    municipalityCodes: [751],
    adviserId: 'adviser-1',
    recurrence: { frequency: 'WEEKLY', weekday: 'THURSDAY', everyWeeks: 1 },
    startTime: '09:00',
    startsOn: '2026-01-01',
    meetingUrl: 'https://video.example.invalid/bua-aarhus',
    ...overrides,
  });
}

const local = (s: Slot) => {
  const { date, time } = copenhagenDateTime(s.startsAt);
  return `${date} ${time}`;
};

describe('validateSlotSeries', () => {
  it('defaults to 45-minute consultation meetings for one booking', () => {
    const s = series();
    expect(s).toMatchObject({ durationMinutes: 45, capacity: 1, endsOn: null, exceptions: [], municipalityCodes: [751] });
  });

  it.each([
    ['an unknown kind', { kind: 'LECTURE' }, 'kind', /CONSULTATION, TEACHING/],
    ['a consultation for two municipalities', { municipalityCodes: [751, 657] }, 'municipalityCodes', /exactly one municipality/],
    ['a municipality outside the region', { municipalityCodes: [101] }, 'municipalityCodes', /not one of them: 101/],
    ['no municipality', { municipalityCodes: [] }, 'municipalityCodes', /Region Midtjylland/],
    ['a weekend day', { recurrence: { frequency: 'WEEKLY', weekday: 'SATURDAY' } }, 'recurrence.weekday', /working days/],
    ['every fifth week', { recurrence: { frequency: 'WEEKLY', weekday: 'MONDAY', everyWeeks: 5 } }, 'recurrence.everyWeeks', /1 \(weekly\) to 4/],
    ['the fifth Monday', { recurrence: { frequency: 'MONTHLY', weekday: 'MONDAY', nth: 5 } }, 'recurrence.nth', /-1 \(the last\)/],
    ['a yearly rule', { recurrence: { frequency: 'YEARLY', weekday: 'MONDAY' } }, 'recurrence.frequency', /WEEKLY or MONTHLY/],
    ['a time without minutes', { startTime: '9' }, 'startTime', /HH:MM/],
    ['a meeting before office hours', { startTime: '06:30' }, 'startTime', /office hours, 07:00-19:00/],
    ['a meeting running past office hours', { startTime: '18:30' }, 'startTime', /lasting 45 minutes/],
    ['a 10-minute meeting', { durationMinutes: 10 }, 'durationMinutes', /from 15 to 180/],
    ['a consultation for two', { capacity: 2 }, 'capacity', /capacity is 1/],
    ['a teaching session without a capacity', { kind: 'TEACHING', municipalityCodes: [751, 657] }, 'capacity', /from 2 to 200/],
    ['an end before the start', { endsOn: '2025-12-31' }, 'endsOn', /not be before startsOn/],
    ['a plain http link', { meetingUrl: 'http://video.example.invalid/x' }, 'meetingUrl', /https/],
    ['a link with a password', { meetingUrl: 'https://u:p@video.example.invalid/x' }, 'meetingUrl', /password/],
    ['an id that is not a UUID', { id: 'series-1' }, 'id', /UUID/],
    ['no adviser', { adviserId: ' ' }, 'adviserId', /BUA adviser/],
  ])('refuses %s', (_name, overrides, field, message) => {
    const r = refusalOf(() => series(overrides as Partial<Parameters<typeof validateSlotSeries>[0]>));
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it.each([
    ['a date the series does not meet', { occurrenceDate: '2026-03-03', action: 'CANCEL' }, 'exceptions[0].occurrenceDate', /no meeting on 2026-03-03/],
    ['cancelling a holiday', { occurrenceDate: '2026-04-02', action: 'CANCEL' }, 'exceptions[0].occurrenceDate', /closed that day/],
    ['a move to a holiday', { occurrenceDate: '2026-03-26', action: 'MOVE', date: '2026-04-03', startTime: '09:00' }, 'exceptions[0].date', /closed on 2026-04-03/],
    ['a move too far', { occurrenceDate: '2026-03-26', action: 'MOVE', date: '2026-05-04', startTime: '09:00' }, 'exceptions[0].date', /at most 28 days/],
    ['a move out of office hours', { occurrenceDate: '2026-03-26', action: 'MOVE', date: '2026-03-27', startTime: '20:00' }, 'exceptions[0].startTime', /office hours/],
    ['an unknown action', { occurrenceDate: '2026-03-26', action: 'POSTPONE' }, 'exceptions[0].action', /CANCEL.*MOVE/],
  ])('refuses an exception naming %s', (_name, exception, field, message) => {
    const r = refusalOf(() => series({ exceptions: [exception] }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.message).toMatch(message);
  });

  it('refuses two exceptions for one meeting', () => {
    const r = refusalOf(() =>
      series({ exceptions: [{ occurrenceDate: '2026-03-26', action: 'CANCEL' }, { occurrenceDate: '2026-03-26', action: 'MOVE', date: '2026-03-27', startTime: '10:00' }] }),
    );
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'exceptions[1].occurrenceDate' });
  });
});

describe('generateSlots', () => {
  it('keeps 09:00 Copenhagen time across the spring change, stored as UTC', () => {
    const slots = generateSlots(series(), { from: '2026-03-19', to: '2026-04-01' });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-03-19T08:00:00.000Z', '2026-03-26T08:00:00.000Z']);
    const after = generateSlots(series(), { from: '2026-04-08', to: '2026-04-10' });
    expect(after.map((s) => s.startsAt.toISOString())).toEqual(['2026-04-09T07:00:00.000Z']);
    expect(after[0]!.endsAt.toISOString()).toBe('2026-04-09T07:45:00.000Z');
    expect(local(after[0]!)).toBe('2026-04-09 09:00');
  });

  it('keeps 09:00 across the autumn change', () => {
    const slots = generateSlots(series(), { from: '2026-10-20', to: '2026-11-01' });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-10-22T07:00:00.000Z', '2026-10-29T08:00:00.000Z']);
    expect(slots.map(local)).toEqual(['2026-10-22 09:00', '2026-10-29 09:00']);
  });

  it('skips Maundy Thursday and Ascension Day (Easter 2026 is 5 April)', () => {
    const dates = generateSlots(series(), { from: '2026-03-30', to: '2026-05-20' }).map((s) => s.occurrenceDate);
    expect(dates).toEqual(['2026-04-09', '2026-04-16', '2026-04-23', '2026-04-30', '2026-05-07']);
    expect(isOccurrence(series(), '2026-04-02')).toBe(false);
    expect(isOccurrence(series(), '2026-05-14')).toBe(false);
  });

  it('skips Good Friday, Easter Monday and Whit Monday for other weekdays', () => {
    const fridays = series({ recurrence: { frequency: 'WEEKLY', weekday: 'FRIDAY' } });
    expect(generateSlots(fridays, { from: '2026-03-30', to: '2026-04-12' }).map((s) => s.occurrenceDate)).toEqual(['2026-04-10']);
    const mondays = series({ recurrence: { frequency: 'WEEKLY', weekday: 'MONDAY' } });
    expect(generateSlots(mondays, { from: '2026-04-01', to: '2026-05-31' }).map((s) => s.occurrenceDate)).not.toContain('2026-04-06');
    expect(generateSlots(mondays, { from: '2026-05-18', to: '2026-05-31' }).map((s) => s.occurrenceDate)).toEqual(['2026-05-18']);
  });

  it('skips Grundlovsdag, on which municipalities close', () => {
    const fridays = series({ recurrence: { frequency: 'WEEKLY', weekday: 'FRIDAY' } });
    expect(generateSlots(fridays, { from: '2026-05-29', to: '2026-06-12' }).map((s) => s.occurrenceDate)).toEqual(['2026-05-29', '2026-06-12']);
  });

  it('skips Christmas Eve and New Year’s Eve', () => {
    const dates = generateSlots(series(), { from: '2026-12-14', to: '2027-01-10' }).map((s) => s.occurrenceDate);
    expect(dates).toEqual(['2026-12-17', '2027-01-07']);
  });

  it('meets every other week counted from the week the series starts', () => {
    const fortnightly = series({ recurrence: { frequency: 'WEEKLY', weekday: 'TUESDAY', everyWeeks: 2 }, startsOn: '2026-03-05' });
    const dates = generateSlots(fortnightly, { from: '2026-03-01', to: '2026-04-30' }).map((s) => s.occurrenceDate);
    // The week of 5 March starts on 2 March; its Tuesday (3 March) is before startsOn, so the first meeting is 17 March.
    expect(dates).toEqual(['2026-03-17', '2026-03-31', '2026-04-14', '2026-04-28']);
  });

  it('meets on the nth or last weekday of the month, skipping it when it is a holiday', () => {
    const firstTuesday = series({ recurrence: { frequency: 'MONTHLY', weekday: 'TUESDAY', nth: 1 } });
    expect(generateSlots(firstTuesday, { from: '2026-01-01', to: '2026-04-30' }).map((s) => s.occurrenceDate)).toEqual([
      '2026-01-06',
      '2026-02-03',
      '2026-03-03',
      '2026-04-07',
    ]);
    const lastFriday = series({ recurrence: { frequency: 'MONTHLY', weekday: 'FRIDAY', nth: -1 } });
    // The last Friday of December 2026 is Christmas Day.
    expect(generateSlots(lastFriday, { from: '2026-10-01', to: '2026-12-31' }).map((s) => s.occurrenceDate)).toEqual(['2026-10-30', '2026-11-27']);
  });

  it('respects the first and last date of the series', () => {
    const s = series({ startsOn: '2026-03-10', endsOn: '2026-03-26' });
    expect(generateSlots(s, { from: '2026-03-01', to: '2026-04-30' }).map((x) => x.occurrenceDate)).toEqual(['2026-03-12', '2026-03-19', '2026-03-26']);
  });

  it('gives each occurrence a stable id, so regenerating overlapping horizons duplicates nothing', () => {
    const a = generateSlots(series(), { from: '2026-03-01', to: '2026-03-31' });
    const b = generateSlots(series(), { from: '2026-03-15', to: '2026-04-15' });
    expect(a[0]!.id).toBe(advisorySlotId(SERIES_ID, '2026-03-05'));
    const union = new Map([...a, ...b].map((s) => [s.id, s]));
    expect(union.size).toBe(new Set([...a, ...b].map((s) => s.occurrenceDate)).size);
    const overlapA = a.filter((s) => s.occurrenceDate >= '2026-03-15');
    const overlapB = b.filter((s) => s.occurrenceDate <= '2026-03-31');
    expect(overlapA).toEqual(overlapB);
  });

  it('keeps the id when the series changes its time of day', () => {
    const at9 = generateSlots(series(), { from: '2026-03-05', to: '2026-03-05' });
    const at10 = generateSlots(series({ startTime: '10:00' }), { from: '2026-03-05', to: '2026-03-05' });
    expect(at10[0]!.id).toBe(at9[0]!.id);
    expect(local(at10[0]!)).toBe('2026-03-05 10:00');
  });

  it('returns a cancelled occurrence as CANCELLED, with its id', () => {
    const s = series({ exceptions: [{ occurrenceDate: '2026-03-12', action: 'CANCEL' }] });
    const slots = generateSlots(s, { from: '2026-03-05', to: '2026-03-19' });
    expect(slots.map((x) => [x.occurrenceDate, x.status])).toEqual([
      ['2026-03-05', 'SCHEDULED'],
      ['2026-03-12', 'CANCELLED'],
      ['2026-03-19', 'SCHEDULED'],
    ]);
    expect(slots[1]!.id).toBe(advisorySlotId(SERIES_ID, '2026-03-12'));
  });

  it('moves one occurrence, keeping its id, with its own time and length', () => {
    const s = series({ exceptions: [{ occurrenceDate: '2026-03-12', action: 'MOVE', date: '2026-03-13', startTime: '13:30', durationMinutes: 60 }] });
    const moved = generateSlots(s, { from: '2026-03-10', to: '2026-03-14' });
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ id: advisorySlotId(SERIES_ID, '2026-03-12'), occurrenceDate: '2026-03-12', moved: true, status: 'SCHEDULED' });
    expect(local(moved[0]!)).toBe('2026-03-13 13:30');
    expect(moved[0]!.endsAt.getTime() - moved[0]!.startsAt.getTime()).toBe(60 * 60_000);
  });

  it('finds an occurrence moved into the horizon from outside it, and not one moved out', () => {
    const s = series({ exceptions: [{ occurrenceDate: '2026-03-12', action: 'MOVE', date: '2026-03-02', startTime: '09:00' }] });
    expect(generateSlots(s, { from: '2026-03-01', to: '2026-03-03' }).map((x) => x.occurrenceDate)).toEqual(['2026-03-12']);
    expect(generateSlots(s, { from: '2026-03-10', to: '2026-03-14' })).toEqual([]);
  });

  it('offers a replacement for a meeting skipped on a holiday by moving it', () => {
    const s = series({ exceptions: [{ occurrenceDate: '2026-04-02', action: 'MOVE', date: '2026-04-07', startTime: '09:00' }] });
    const slots = generateSlots(s, { from: '2026-03-30', to: '2026-04-10' });
    expect(slots.map((x) => [x.occurrenceDate, local(x)])).toEqual([
      ['2026-04-02', '2026-04-07 09:00'],
      ['2026-04-09', '2026-04-09 09:00'],
    ]);
  });

  it('copies kind, municipalities, capacity and link to each teaching slot', () => {
    const teaching = series({ kind: 'TEACHING', municipalityCodes: [751, 657, 615], capacity: 20, recurrence: { frequency: 'MONTHLY', weekday: 'WEDNESDAY', nth: 2 } });
    const [slot] = generateSlots(teaching, { from: '2026-03-01', to: '2026-03-31' });
    expect(slot).toMatchObject({ kind: 'TEACHING', municipalityCodes: [615, 657, 751], capacity: 20, occurrenceDate: '2026-03-11', meetingUrl: 'https://video.example.invalid/bua-aarhus' });
  });

  it('refuses a horizon that ends before it begins or spans more than 400 days', () => {
    expect(refusalOf(() => generateSlots(series(), { from: '2026-03-01', to: '2026-02-28' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(refusalOf(() => generateSlots(series(), { from: '2026-01-01', to: '2027-02-05' })).message).toMatch(/at most 400 days/);
  });
});

describe('planSlotSync', () => {
  const horizon = { from: '2026-03-01', to: '2026-03-31' };
  const now = new Date('2026-03-10T12:00:00Z');
  const stored = (slot: Slot, extra: Partial<StoredSlot> = {}): StoredSlot => ({ ...slot, sequence: 0, bookedCount: 0, ...extra });

  it('creates the slots not stored yet, but none that have passed or are cancelled', () => {
    const s = series({ exceptions: [{ occurrenceDate: '2026-03-19', action: 'CANCEL' }] });
    const plan = planSlotSync([], generateSlots(s, horizon), horizon, now);
    expect(plan.create.map((x) => x.occurrenceDate)).toEqual(['2026-03-12', '2026-03-26']);
    expect(plan.change).toEqual([]);
    expect(plan.withdraw).toEqual([]);
  });

  it('changes nothing when the generation matches what is stored', () => {
    const slots = generateSlots(series(), horizon);
    expect(planSlotSync(slots.map((x) => stored(x, { sequence: 3 })), slots, horizon, now)).toEqual({ create: [], change: [], withdraw: [] });
  });

  it('bumps the sequence of a future slot that moved or was cancelled, never of a past one', () => {
    const before = generateSlots(series(), horizon).map((x) => stored(x, { sequence: 2 }));
    const after = generateSlots(
      series({
        exceptions: [
          { occurrenceDate: '2026-03-05', action: 'CANCEL' },
          { occurrenceDate: '2026-03-12', action: 'MOVE', date: '2026-03-13', startTime: '10:00' },
          { occurrenceDate: '2026-03-19', action: 'CANCEL' },
        ],
      }),
      horizon,
    );
    const plan = planSlotSync(before, after, horizon, now);
    expect(plan.change.map((c) => [c.slot.occurrenceDate, c.slot.status, c.slot.moved, c.sequence])).toEqual([
      ['2026-03-12', 'SCHEDULED', true, 3],
      ['2026-03-19', 'CANCELLED', false, 3],
    ]);
    expect(plan.create).toEqual([]);
  });

  it('withdraws stored future slots the series no longer gives', () => {
    const before = generateSlots(series(), horizon).map((x) => stored(x));
    const plan = planSlotSync(before, generateSlots(series({ endsOn: '2026-03-15' }), horizon), horizon, now);
    expect(plan.withdraw.map((w) => [w.slot.occurrenceDate, w.sequence])).toEqual([
      ['2026-03-19', 1],
      ['2026-03-26', 1],
    ]);
  });

  it('refuses to lower a teaching session below the seats already booked', () => {
    const teaching = (capacity: number) => series({ kind: 'TEACHING', municipalityCodes: [751, 657], capacity });
    const before = generateSlots(teaching(20), horizon).map((x) => stored(x, { bookedCount: 12 }));
    const r = refusalOf(() => planSlotSync(before, generateSlots(teaching(10), horizon), horizon, now));
    expect(r).toMatchObject({ code: 'CONFLICT', field: 'capacity' });
    expect(r.message).toMatch(/already has 12 participants booked, more than the new capacity of 10/);
    expect(planSlotSync(before, generateSlots(teaching(12), horizon), horizon, now).change).toHaveLength(3);
  });
});
