import { parseIsoDate } from './age.ts';
import { toIsoDate } from './calendar.ts';

/**
 * The day `workingDays` working days (Monday to Friday) after `fromDate`, which itself does not count. Danish public
 * holidays are not subtracted yet: a deadline then falls a little early, never late.
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
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
