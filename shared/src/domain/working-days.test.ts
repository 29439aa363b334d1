import { describe, expect, it } from 'vitest';
import { addWorkingDays, danishNonWorkingDays, isDanishWorkingDay } from './working-days.ts';

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-23', 1, '2026-11-24'], // Monday -> Tuesday
    ['2026-11-27', 1, '2026-11-30'], // Friday -> Monday
    ['2026-11-28', 1, '2026-11-30'], // Saturday -> Monday
    ['2026-11-23', 10, '2026-12-07'], // two working weeks
    ['2026-12-22', 2, '2026-12-28'], // over Christmas: 23 Dec, then Monday 28 Dec
    ['2026-12-28', 4, '2027-01-05'], // over New Year: 29, 30 Dec, 4, 5 Jan
    ['2026-03-31', 1, '2026-04-01'], // Tuesday before Easter
    ['2026-04-01', 1, '2026-04-07'], // Maundy Thursday to Easter Monday are closed
    ['2026-11-23', 0, '2026-11-23'],
  ])('%s + %i working days = %s', (from, days, due) => {
    expect(addWorkingDays(from, days)).toBe(due);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('danishNonWorkingDays', () => {
  it('finds Easter and the feasts that follow it', () => {
    // Easter Sunday: 5 April 2026, 20 April 2025, 31 March 2024.
    expect([...danishNonWorkingDays(2026)]).toEqual(
      expect.arrayContaining(['2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-24', '2026-05-25']),
    );
    expect(danishNonWorkingDays(2025).has('2025-04-20')).toBe(true);
    expect(danishNonWorkingDays(2024).has('2024-03-31')).toBe(true);
  });

  it('keeps Store Bededag only until its abolition in 2024', () => {
    expect(danishNonWorkingDays(2023).has('2023-05-05')).toBe(true);
    expect([...danishNonWorkingDays(2024)].some((d) => d === '2024-04-26')).toBe(false);
  });

  it('treats Grundlovsdag and Christmas Eve as closed, an ordinary Wednesday as open', () => {
    expect(isDanishWorkingDay('2026-06-05')).toBe(false);
    expect(isDanishWorkingDay('2026-12-24')).toBe(false);
    expect(isDanishWorkingDay('2026-11-25')).toBe(true);
  });
});
