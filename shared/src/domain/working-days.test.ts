import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days.ts';

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-23', 1, '2026-11-24'], // Monday -> Tuesday
    ['2026-11-27', 1, '2026-11-30'], // Friday -> Monday
    ['2026-11-28', 1, '2026-11-30'], // Saturday -> Monday
    ['2026-11-23', 10, '2026-12-07'], // two working weeks
    ['2026-12-31', 2, '2027-01-04'], // across the year end
    ['2026-11-23', 0, '2026-11-23'],
  ])('%s + %i working days = %s', (from, days, due) => {
    expect(addWorkingDays(from, days)).toBe(due);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });
});
