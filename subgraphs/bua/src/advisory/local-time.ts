import { badUserInput, parseIsoDate } from '@pathway-graph/shared';

/**
 * Advisory meetings are agreed in Danish wall-clock time ("every Tuesday at 09:00") but stored as instants (UTC), so
 * that 09:00 stays 09:00 in Copenhagen across the daylight-saving changes while every instant compares correctly.
 * The conversion uses the platform's time-zone database (Intl, ICU's tz data) rather than an offset table of our own.
 */
export const ADVISORY_TIME_ZONE = 'Europe/Copenhagen';

const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: ADVISORY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  date: string;
  time: string;
  /** The wall-clock reading as if it were UTC, in milliseconds: the instant plus the zone's offset at it. */
  asUtcMs: number;
}

function wallClock(instant: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const { type, value } of WALL_CLOCK.formatToParts(instant)) parts[type] = value;
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k])) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
    asUtcMs: Date.UTC(y, mo - 1, d, h, mi, s) + instant.getUTCMilliseconds(),
  };
}

/** The Copenhagen calendar date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function copenhagenDateTime(instant: Date): { date: string; time: string } {
  const { date, time } = wallClock(instant);
  return { date, time };
}

/** The Copenhagen calendar date (YYYY-MM-DD) of an instant: "today" for rules that count days. */
export function copenhagenDate(instant: Date): string {
  return wallClock(instant).date;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Validates a wall-clock time written HH:MM (24-hour) and returns the minutes since midnight. */
export function parseLocalTime(time: string, field: string): number {
  const match = typeof time === 'string' ? TIME.exec(time) : null;
  if (!match) throw badUserInput(`${field} must be a time of day written HH:MM (24-hour clock, e.g. 09:00)`, { field });
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant at which Copenhagen clocks show `date` `time`. A wall-clock time skipped by the spring change
 * (02:00-02:59 on the last Sunday of March) does not exist and is refused; one repeated by the autumn change resolves
 * to its first occurrence. Meetings are held in office hours, so validation keeps both cases out of real data.
 */
export function copenhagenToUtc(date: string, time: string): Date {
  parseIsoDate(date, 'date');
  const minutes = parseLocalTime(time, 'time');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  // Two rounds: the offset at the first guess can differ from the offset at the answer when a change lies between.
  let guess = wanted - (wallClock(new Date(wanted)).asUtcMs - wanted);
  guess = wanted - (wallClock(new Date(guess)).asUtcMs - guess);
  const earlier = guess - 3_600_000;
  if (wallClock(new Date(earlier)).asUtcMs === wanted) guess = earlier;
  const result = new Date(guess);
  const check = wallClock(result);
  if (check.date !== date || check.time !== time) {
    throw badUserInput(`${date} ${time} does not exist in Danish time (the clocks skip it when summer time begins)`, { field: 'time' });
  }
  return result;
}

/** Calendar arithmetic on ISO dates at UTC noon, which no time zone or daylight-saving change can shift. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** ISO weekday: 1 Monday ... 7 Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay() + 6) % 7) + 1;
}
