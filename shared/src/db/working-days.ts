import { sql, type SQL } from 'drizzle-orm';

/**
 * The working days after `from` up to `to` (inclusive) as SQL arithmetic, without a series of days per row:
 * weekdays from a Monday (2000-01-03) up to a day are whole weeks of five plus up to five more; the difference for
 * the two days, less the weekday holidays between them. 0 when `to` is not after `from`. The sectors' statistics
 * count reply times with it, so a working day means the same in every subgraph.
 */
export function workingDaysAfter(from: SQL, to: SQL, nonWorkingDays: readonly string[]): SQL {
  // Weekday holidays only: a holiday on a weekend is no working day anyway.
  const holidays = `{${nonWorkingDays.filter((day) => new Date(`${day}T12:00:00Z`).getUTCDay() % 6 !== 0).join(',')}}`;
  const weekdaysTo = (day: SQL) =>
    sql`(5 * ((${day} - date '2000-01-03' + 1) / 7) + least((${day} - date '2000-01-03' + 1) % 7, 5))`;
  return sql`greatest(0, ${weekdaysTo(to)} - ${weekdaysTo(from)}
    - cardinality(array(select h from unnest(${holidays}::date[]) h where h > ${from} and h <= ${to})))`;
}

/** The rows of a `db.execute` answer: postgres.js answers with the rows, PGlite with `{ rows }`. */
export function executedRows(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
}
