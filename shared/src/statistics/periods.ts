import { badUserInput } from '../errors.ts';
import { parseIsoDate } from '../domain/age.ts';
import { daysInMonth, toIsoDate } from '../domain/calendar.ts';

/**
 * Calendar periods of the statistics: month, quarter, half-year, year and biennium (two calendar years). They nest:
 * every month lies in exactly one quarter, every quarter in one half-year, and so on up to the biennium, which is the
 * top of the period hierarchy of a statistics cube (see cube.ts).
 *
 * Bienniums start in odd years (2023-2024, 2025-2026, ...): the agreement made 2023 its implementation year and asks
 * for an administrative status every second year (agreement sections 8-9), so each status covers one biennium, and
 * "the previous period" of a status is the biennium before it.
 *
 * Keys: `2026-03` (month), `2026-Q1`, `2026-H1`, `2026`, `2025-2026`. They sort in calendar order within a level.
 */
export type PeriodLevel = 'month' | 'quarter' | 'half-year' | 'year' | 'biennium';

/** Finest first: each level's periods are made of whole periods of the level before it. */
export const PERIOD_LEVELS: readonly PeriodLevel[] = ['month', 'quarter', 'half-year', 'year', 'biennium'];

export interface Period {
  readonly level: PeriodLevel;
  readonly key: string;
  /** First day, YYYY-MM-DD. */
  readonly start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  readonly end: string;
}

const MONTHS_PER: Record<PeriodLevel, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12, biennium: 24 };

/** Years are four digits: the ISO dates of this project sort lexically only then. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9998;

/** A period from its first month, counted as year * 12 + (month - 1). */
function fromMonthIndex(level: PeriodLevel, first: number): Period {
  const year = Math.floor(first / 12);
  const month = (first % 12) + 1;
  const lastIndex = first + MONTHS_PER[level] - 1;
  const lastYear = Math.floor(lastIndex / 12);
  const lastMonth = (lastIndex % 12) + 1;
  const start = toIsoDate(year, month, 1);
  const end = toIsoDate(lastYear, lastMonth, daysInMonth(lastYear, lastMonth));
  const pad = (n: number) => String(n).padStart(2, '0');
  const key = {
    month: `${year}-${pad(month)}`,
    quarter: `${year}-Q${(month - 1) / 3 + 1}`,
    'half-year': `${year}-H${(month - 1) / 6 + 1}`,
    year: `${year}`,
    biennium: `${year}-${year + 1}`,
  }[level];
  return { level, key, start, end };
}

function monthIndexOf(period: Period): number {
  const [y, m] = period.start.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** The first month index of the period of `level` that contains month index `index`. */
function alignedStart(level: PeriodLevel, index: number): number {
  if (level === 'biennium') {
    const year = Math.floor(index / 12);
    const firstYear = year % 2 === 1 ? year : year - 1;
    return firstYear * 12;
  }
  return index - (index % MONTHS_PER[level]);
}

function assertYear(year: number, field: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw badUserInput(`${field}: the year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}`, { field });
  }
}

const KEY_PATTERNS: readonly [PeriodLevel, RegExp][] = [
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(\d{4})-Q(\d)$/],
  ['half-year', /^(\d{4})-H(\d)$/],
  ['year', /^(\d{4})$/],
  ['biennium', /^(\d{4})-(\d{4})$/],
];

const KEY_EXAMPLES = '2026-03 (month), 2026-Q1 (quarter), 2026-H1 (half-year), 2026 (year) or 2025-2026 (biennium, starting in an odd year)';

/** Parses a period key; a key that names no period is bad input, with the accepted forms in the message. */
export function parsePeriodKey(key: string, field = 'period'): Period {
  for (const [level, pattern] of KEY_PATTERNS) {
    const match = typeof key === 'string' ? pattern.exec(key) : null;
    if (!match) continue;
    const year = Number(match[1]);
    const part = match[2] === undefined ? undefined : Number(match[2]);
    assertYear(year, field);
    switch (level) {
      case 'month':
        if (part! < 1 || part! > 12) throw badUserInput(`${field} "${key}": month ${match[2]} does not exist`, { field });
        return fromMonthIndex('month', year * 12 + part! - 1);
      case 'quarter':
        if (part! < 1 || part! > 4) throw badUserInput(`${field} "${key}": a year has quarters Q1-Q4`, { field });
        return fromMonthIndex('quarter', year * 12 + (part! - 1) * 3);
      case 'half-year':
        if (part! < 1 || part! > 2) throw badUserInput(`${field} "${key}": a year has half-years H1 and H2`, { field });
        return fromMonthIndex('half-year', year * 12 + (part! - 1) * 6);
      case 'year':
        return fromMonthIndex('year', year * 12);
      case 'biennium':
        if (part !== year + 1 || year % 2 === 0) {
          throw badUserInput(
            `${field} "${key}": a biennium is two consecutive years starting in an odd year (e.g. 2025-2026), ` +
              'matching the agreement\'s status every second year from its implementation year 2023',
            { field },
          );
        }
        return fromMonthIndex('biennium', year * 12);
    }
  }
  throw badUserInput(`${field} "${String(key)}" is not a period key; write ${KEY_EXAMPLES}`, { field });
}

export function isPeriodKey(key: string): boolean {
  try {
    parsePeriodKey(key);
    return true;
  } catch {
    return false;
  }
}

/** The period of `level` that contains `date` (YYYY-MM-DD). */
export function periodContaining(date: string, level: PeriodLevel, field = 'date'): Period {
  parseIsoDate(date, field);
  const [y, m] = date.split('-').map(Number) as [number, number];
  assertYear(y, field);
  return fromMonthIndex(level, alignedStart(level, y * 12 + (m - 1)));
}

/** The period of the same length just before (for "what changed since the previous period"). */
export function previousPeriod(period: Period): Period {
  const previous = fromMonthIndex(period.level, monthIndexOf(period) - MONTHS_PER[period.level]);
  assertYear(Number(previous.start.slice(0, 4)), 'period');
  return previous;
}

/** The period that directly contains this one, or null for a biennium (the top of the hierarchy). */
export function parentPeriod(period: Period): Period | null {
  const index = PERIOD_LEVELS.indexOf(period.level);
  const parentLevel = PERIOD_LEVELS[index + 1];
  return parentLevel ? fromMonthIndex(parentLevel, alignedStart(parentLevel, monthIndexOf(period))) : null;
}

/** The periods of `level` that make up `period`, in calendar order (e.g. the four half-years of a biennium). */
export function periodsWithin(period: Period, level: PeriodLevel): Period[] {
  if (PERIOD_LEVELS.indexOf(level) > PERIOD_LEVELS.indexOf(period.level)) {
    throw new RangeError(`a ${period.level} is not made of ${level}s`);
  }
  const first = monthIndexOf(period);
  const count = MONTHS_PER[period.level] / MONTHS_PER[level];
  return Array.from({ length: count }, (_, i) => fromMonthIndex(level, first + i * MONTHS_PER[level]));
}

/** The periods one level down (a month has none). */
export function childPeriods(period: Period): Period[] {
  const index = PERIOD_LEVELS.indexOf(period.level);
  return index === 0 ? [] : periodsWithin(period, PERIOD_LEVELS[index - 1]!);
}

export function periodContainsDate(period: Period, date: string): boolean {
  return period.start <= date && date <= period.end;
}

/**
 * The one calendar period that runs exactly from `from` to `to` (both inclusive), at one of `levels`.
 *
 * Statistics are published for whole calendar periods only: if two reports could cover ranges that differ by a few
 * weeks, subtracting their totals would give the count for those weeks, which nothing has protected. So a range
 * that is not exactly one such period is refused, with the periods that come closest.
 */
export function periodForRange(
  from: string,
  to: string,
  levels: readonly PeriodLevel[] = PERIOD_LEVELS,
  fields: { from: string; to: string } = { from: 'from', to: 'to' },
): Period {
  parseIsoDate(from, fields.from);
  parseIsoDate(to, fields.to);
  if (from > to) {
    throw badUserInput(`${fields.from} (${from}) is after ${fields.to} (${to}): the period must start before it ends`, {
      field: fields.from,
    });
  }
  for (const level of levels) {
    const candidate = periodContaining(from, level, fields.from);
    if (candidate.start === from && candidate.end === to) return candidate;
  }
  const suggestions = levels
    .map((level) => periodContaining(from, level, fields.from))
    .map((p) => `${p.key} (${p.start} to ${p.end})`);
  throw badUserInput(
    `${from} to ${to} is not a whole ${levels.length > 1 ? `${levels.slice(0, -1).join(', ')} or ${levels.at(-1)}` : levels[0]}: statistics cover whole calendar periods only, so that ` +
      `totals of two overlapping ranges cannot be subtracted to reveal a small count. The periods that contain ${from}: ` +
      `${suggestions.join('; ')}`,
    { field: fields.to },
  );
}

const HALF_NAMES = ['1st half', '2nd half'];

/** A short English label for tables and charts: "Mar 2026", "2026 Q1", "2026 H1", "2026", "2025-2026". */
export function periodLabel(period: Period): string {
  const [y, m] = period.start.split('-').map(Number) as [number, number];
  switch (period.level) {
    case 'month':
      return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
    case 'quarter':
      return `${y} Q${(m - 1) / 3 + 1}`;
    case 'half-year':
      return `${y} H${(m - 1) / 6 + 1}`;
    case 'year':
      return `${y}`;
    case 'biennium':
      return `${y}-${y + 1}`;
  }
}

/** "1st half of 2026" and the like, for running text. */
export function periodDescription(period: Period): string {
  const [y, m] = period.start.split('-').map(Number) as [number, number];
  if (period.level === 'half-year') return `the ${HALF_NAMES[(m - 1) / 6]} of ${y}`;
  if (period.level === 'quarter') return `Q${(m - 1) / 3 + 1} ${y}`;
  return periodLabel(period);
}
