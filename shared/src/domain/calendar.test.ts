import { describe, it, expect } from 'vitest';
import { daysInMonth, impossibleDateReason, isLeapYear, toIsoDate } from './calendar.ts';

describe('isLeapYear', () => {
  it.each([
    [2000, true],
    [1900, false],
    [2100, false],
    [2024, true],
    [2023, false],
    [1860, true],
  ])('%i -> %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it('knows 30- and 31-day months and February', () => {
    expect([1, 3, 4, 6, 9, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 31, 30, 30, 30, 30, 31]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('impossibleDateReason', () => {
  it('is null for real dates', () => {
    expect(impossibleDateReason(2024, 2, 29)).toBeNull();
    expect(impossibleDateReason(1999, 12, 31)).toBeNull();
  });

  it('names the impossible part without the year', () => {
    expect(impossibleDateReason(1999, 13, 1)).toEqual({ part: 'month', reason: 'month 13 does not exist' });
    expect(impossibleDateReason(1999, 0, 1)).toEqual({ part: 'month', reason: 'month 00 does not exist' });
    expect(impossibleDateReason(1999, 1, 0)).toEqual({ part: 'day', reason: 'day 00 does not exist' });
    expect(impossibleDateReason(1999, 4, 31)).toEqual({ part: 'day', reason: 'day 31 does not exist in month 04' });
    expect(impossibleDateReason(1900, 2, 29)?.reason).toBe('day 29 does not exist in month 02 (the year is not a leap year)');
    expect(impossibleDateReason(1900, 2, 29)?.reason).not.toContain('1900');
  });
});

describe('toIsoDate', () => {
  it('zero-pads every part', () => {
    expect(toIsoDate(2007, 3, 9)).toBe('2007-03-09');
  });
});
