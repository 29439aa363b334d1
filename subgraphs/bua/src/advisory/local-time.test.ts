import { describe, expect, it } from 'vitest';
import { addDays, copenhagenDate, copenhagenDateTime, copenhagenToUtc, daysBetween, isoWeekday, parseLocalTime } from './local-time.ts';

describe('copenhagenToUtc', () => {
  it.each([
    // Winter time is UTC+1, summer time UTC+2; 2026's changes are on 29 March and 25 October.
    ['2026-01-13', '09:00', '2026-01-13T08:00:00.000Z'],
    ['2026-03-27', '09:00', '2026-03-27T08:00:00.000Z'],
    ['2026-03-30', '09:00', '2026-03-30T07:00:00.000Z'],
    ['2026-10-23', '09:00', '2026-10-23T07:00:00.000Z'],
    ['2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
  ])('%s %s Copenhagen time is %s', (date, time, utc) => {
    expect(copenhagenToUtc(date, time).toISOString()).toBe(utc);
  });

  it('refuses a time the spring change skips', () => {
    expect(() => copenhagenToUtc('2026-03-29', '02:30')).toThrow(/does not exist in Danish time/);
  });

  it('takes the first of the two 02:30s of the autumn change', () => {
    expect(copenhagenToUtc('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses malformed dates and times', () => {
    expect(() => copenhagenToUtc('2026-02-30', '09:00')).toThrow(/not a real calendar date/);
    expect(() => copenhagenToUtc('2026-02-03', '9:00')).toThrow(/HH:MM/);
    expect(() => copenhagenToUtc('2026-02-03', '24:00')).toThrow(/HH:MM/);
  });
});

describe('copenhagenDateTime', () => {
  it('reads an instant as Copenhagen date and time, also across midnight UTC', () => {
    expect(copenhagenDateTime(new Date('2026-06-30T22:30:00Z'))).toEqual({ date: '2026-07-01', time: '00:30' });
    expect(copenhagenDateTime(new Date('2026-12-31T23:15:00Z'))).toEqual({ date: '2027-01-01', time: '00:15' });
    expect(copenhagenDate(new Date('2026-01-01T12:00:00Z'))).toBe('2026-01-01');
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and the daylight-saving change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-06')).toBe(5);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('parses HH:MM into minutes since midnight', () => {
    expect(parseLocalTime('00:00', 't')).toBe(0);
    expect(parseLocalTime('09:45', 't')).toBe(585);
    expect(() => parseLocalTime('09.45', 'startTime')).toThrow(/startTime must be a time of day/);
  });
});
