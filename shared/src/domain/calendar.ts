/**
 * Calendar arithmetic on plain year/month/day numbers. Dates in this project are ISO strings (YYYY-MM-DD), never
 * JS Date objects, because a Date carries a time zone and a birth date shifted by one hour becomes the wrong day.
 */

/** Gregorian rule; matters for CPR numbers because 1900 (not leap) and 2000 (leap) both occur as birth years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a date is impossible, or null when it exists. Names the offending part but not the year, so callers can put
 * it in an error message without echoing a whole birth date.
 */
export function impossibleDateReason(year: number, month: number, day: number): { part: 'month' | 'day'; reason: string } | null {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  if (month < 1 || month > 12) return { part: 'month', reason: `month ${mm} does not exist` };
  if (day < 1) return { part: 'day', reason: `day ${dd} does not exist` };
  const max = daysInMonth(year, month);
  if (day > max) {
    const leapNote = month === 2 && day === 29 ? ' (the year is not a leap year)' : '';
    return { part: 'day', reason: `day ${dd} does not exist in month ${mm}${leapNote}` };
  }
  return null;
}

export const toIsoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
