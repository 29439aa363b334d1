import { parseIsoDate } from './age.ts';
import { toIsoDate } from './calendar.ts';

/** Easter Sunday of a year (the anonymous Gregorian computus), as [month, day]. */
function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/**
 * The days Danish public offices are closed besides weekends: the public holidays (helligdage), Store Bededag until
 * its abolition in 2024, and Grundlovsdag, Christmas Eve and New Year's Eve, on which municipalities close too.
 */
export function danishNonWorkingDays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const [em, ed] = easterSunday(year);
  const easter = Date.UTC(year, em - 1, ed, 12);
  const fromEaster = (days: number) => {
    const date = new Date(easter + days * 86_400_000);
    return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  };
  const days = new Set<string>([
    toIsoDate(year, 1, 1), // Nytårsdag
    fromEaster(-3), // Skærtorsdag
    fromEaster(-2), // Langfredag
    fromEaster(0), // Påskedag
    fromEaster(1), // 2. påskedag
    ...(year <= 2023 ? [fromEaster(26)] : []), // Store Bededag, abolished from 2024
    fromEaster(39), // Kristi Himmelfartsdag
    fromEaster(49), // Pinsedag
    fromEaster(50), // 2. pinsedag
    toIsoDate(year, 6, 5), // Grundlovsdag
    toIsoDate(year, 12, 24), // Juleaftensdag
    toIsoDate(year, 12, 25), // Juledag
    toIsoDate(year, 12, 26), // 2. juledag
    toIsoDate(year, 12, 31), // Nytårsaftensdag
  ]);
  holidayCache.set(year, days);
  return days;
}

/** Monday to Friday, and not a day Danish public offices are closed. */
export function isDanishWorkingDay(date: string): boolean {
  parseIsoDate(date, 'date');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !danishNonWorkingDays(y).has(date);
}

/**
 * The day `workingDays` working days after `fromDate`, which itself does not count: weekends and the days Danish
 * public offices are closed (danishNonWorkingDays) are skipped.
 */
export function addWorkingDays(fromDate: string, workingDays: number): string {
  parseIsoDate(fromDate, 'date');
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError('workingDays must be a whole number >= 0');
  const [y, m, d] = fromDate.split('-').map(Number) as [number, number, number];
  // UTC noon: plain calendar arithmetic that no time zone or daylight-saving change can shift.
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  let left = workingDays;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isDanishWorkingDay(toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()))) left -= 1;
  }
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The Danish non-working days from the year of `from` to the year after `to`: a reply to a letter of the last day
 * counted may come in the next year.
 */
export function nonWorkingDaysForReplies(from: string, to: string): string[] {
  const days: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)) + 1; year++) days.push(...danishNonWorkingDays(year));
  return days;
}
