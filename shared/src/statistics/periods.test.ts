import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  childPeriods,
  isPeriodKey,
  parentPeriod,
  parsePeriodKey,
  periodContaining,
  periodContainsDate,
  periodDescription,
  periodForRange,
  periodLabel,
  periodsWithin,
  previousPeriod,
} from './periods.ts';

function badInput(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('period keys', () => {
  it.each([
    ['2026-03', 'month', '2026-03-01', '2026-03-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026-H1', 'half-year', '2026-01-01', '2026-06-30'],
    ['2026-H2', 'half-year', '2026-07-01', '2026-12-31'],
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2025-2026', 'biennium', '2025-01-01', '2026-12-31'],
  ])('%s is a %s from %s to %s', (key, level, start, end) => {
    expect(parsePeriodKey(key)).toEqual({ key, level, start, end });
    expect(isPeriodKey(key)).toBe(true);
  });

  it.each(['2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026-H3', '2026-2027', '2025-2027', 'H1-2026', '26-03', '', '2026-3'])(
    'refuses %j with the accepted forms',
    (key) => {
      const error = badInput(() => parsePeriodKey(key, 'since'));
      expect(error.message).toMatch(/^since /);
      expect(error.extensions['field']).toBe('since');
      expect(isPeriodKey(key)).toBe(false);
    },
  );

  it('says why an even-start biennium is refused', () => {
    expect(badInput(() => parsePeriodKey('2026-2027')).message).toMatch(/starting in an odd year .*2023/);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2026-05-17', 'month', '2026-05'],
    ['2026-05-17', 'quarter', '2026-Q2'],
    ['2026-07-01', 'quarter', '2026-Q3'],
    ['2026-06-30', 'half-year', '2026-H1'],
    ['2026-07-01', 'half-year', '2026-H2'],
    ['2026-12-31', 'year', '2026'],
    ['2026-12-31', 'biennium', '2025-2026'],
    ['2025-01-01', 'biennium', '2025-2026'],
    ['2024-12-31', 'biennium', '2023-2024'],
  ] as const)('%s lies in the %s %s', (date, level, key) => {
    const period = periodContaining(date, level);
    expect(period.key).toBe(key);
    expect(periodContainsDate(period, date)).toBe(true);
  });

  it('refuses an impossible date', () => {
    expect(badInput(() => periodContaining('2026-02-30', 'month', 'sentOn')).extensions['field']).toBe('sentOn');
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2026-01', '2025-12'],
    ['2026-03', '2026-02'],
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-H1', '2025-H2'],
    ['2026-H2', '2026-H1'],
    ['2026', '2025'],
    ['2025-2026', '2023-2024'],
  ])('before %s comes %s, of the same length', (key, previous) => {
    const period = parsePeriodKey(key);
    const before = previousPeriod(period);
    expect(before.key).toBe(previous);
    expect(before.level).toBe(period.level);
    // Adjacent: the previous period ends the day before this one starts.
    const dayBefore = new Date(`${period.start}T12:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(before.end).toBe(dayBefore.toISOString().slice(0, 10));
  });
});

describe('the hierarchy', () => {
  it('nests month in quarter in half-year in year in biennium', () => {
    const chain: string[] = [];
    for (let p: ReturnType<typeof parentPeriod> = parsePeriodKey('2026-08'); p; p = parentPeriod(p)) chain.push(p.key);
    expect(chain).toEqual(['2026-08', '2026-Q3', '2026-H2', '2026', '2025-2026']);
  });

  it('splits each period into the periods one level down', () => {
    expect(childPeriods(parsePeriodKey('2025-2026')).map((p) => p.key)).toEqual(['2025', '2026']);
    expect(childPeriods(parsePeriodKey('2026')).map((p) => p.key)).toEqual(['2026-H1', '2026-H2']);
    expect(childPeriods(parsePeriodKey('2026-H2')).map((p) => p.key)).toEqual(['2026-Q3', '2026-Q4']);
    expect(childPeriods(parsePeriodKey('2026-Q4')).map((p) => p.key)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(childPeriods(parsePeriodKey('2026-12'))).toEqual([]);
  });

  it('lists the half-years of a biennium for the trend charts', () => {
    expect(periodsWithin(parsePeriodKey('2025-2026'), 'half-year').map((p) => p.key)).toEqual([
      '2025-H1',
      '2025-H2',
      '2026-H1',
      '2026-H2',
    ]);
    expect(periodsWithin(parsePeriodKey('2026-H1'), 'month')).toHaveLength(6);
    expect(() => periodsWithin(parsePeriodKey('2026-Q1'), 'year')).toThrow(RangeError);
  });
});

describe('periodForRange', () => {
  it.each([
    ['2025-01-01', '2026-12-31', '2025-2026'],
    ['2026-01-01', '2026-12-31', '2026'],
    ['2026-07-01', '2026-12-31', '2026-H2'],
    ['2026-04-01', '2026-06-30', '2026-Q2'],
    ['2024-02-01', '2024-02-29', '2024-02'],
  ])('%s to %s is %s', (from, to, key) => {
    expect(periodForRange(from, to).key).toBe(key);
  });

  it('refuses a range that is not one whole period, naming the periods that contain its start', () => {
    const error = badInput(() => periodForRange('2025-03-01', '2026-12-31', ['half-year', 'year', 'biennium']));
    expect(error.message).toMatch(/not a whole half-year, year or biennium:/);
    expect(error.message).toMatch(/subtracted/);
    expect(error.message).toContain('2025-H1 (2025-01-01 to 2025-06-30)');
    expect(error.message).toContain('2025-2026 (2025-01-01 to 2026-12-31)');
  });

  it('refuses an even-start two-year range: it is not a biennium', () => {
    badInput(() => periodForRange('2026-01-01', '2027-12-31'));
  });

  it('refuses from after to, and bad dates, naming the argument', () => {
    const fields = { from: '--from', to: '--to' };
    expect(badInput(() => periodForRange('2026-12-31', '2025-01-01', undefined, fields)).message).toMatch(
      /^--from \(2026-12-31\) is after --to \(2025-01-01\)/,
    );
    expect(badInput(() => periodForRange('2026-02-30', '2026-12-31', undefined, fields)).message).toMatch(/^--from /);
    expect(badInput(() => periodForRange('2026-01-01', '31-12-2026', undefined, fields)).message).toMatch(/^--to /);
  });
});

describe('labels', () => {
  it.each([
    ['2026-03', 'Mar 2026', 'Mar 2026'],
    ['2026-Q2', '2026 Q2', 'Q2 2026'],
    ['2026-H1', '2026 H1', 'the 1st half of 2026'],
    ['2026', '2026', '2026'],
    ['2025-2026', '2025-2026', '2025-2026'],
  ])('%s reads %s', (key, label, description) => {
    expect(periodLabel(parsePeriodKey(key))).toBe(label);
    expect(periodDescription(parsePeriodKey(key))).toBe(description);
  });
});
