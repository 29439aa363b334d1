import { badUserInput } from '../errors.ts';

/**
 * Small checks every rule module repeats: free text with a length limit, one value of an enum, an instant. Each
 * refusal is BAD_USER_INPUT with `field` naming the input to fix; no message quotes the offending value, which may be
 * free text about a child.
 */

/** Trimmed text of 1..max characters, or a refusal naming `field` (what the field is for goes in `what`). */
export function requiredText(value: unknown, field: string, max: number, what = field): string {
  if (value === undefined || value === null) throw badUserInput(`${what} is required.`, { field });
  if (typeof value !== 'string') throw badUserInput(`${what} must be text.`, { field });
  const text = value.trim();
  if (text === '') throw badUserInput(`${what} is required and must not be empty.`, { field });
  assertPrintable(text, field, what);
  if (text.length > max) {
    throw badUserInput(`${what} is ${text.length} characters long; at most ${max} are accepted. Shorten it.`, {
      field,
      maxLength: max,
    });
  }
  return text;
}

/** Like requiredText, but null when absent or blank. */
export function optionalText(value: unknown, field: string, max: number, what = field): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return requiredText(value, field, max, what);
}

/** One of `allowed`, or a refusal listing them. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, what = field): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw badUserInput(`${what} must be one of ${allowed.join(', ')}.`, { field, allowed: [...allowed] });
}

// An ISO 8601 instant with a time zone; without one the moment is ambiguous by an hour or two in Denmark.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));

/** An ISO instant with date, time and zone (e.g. 2026-11-20T14:05:00+01:00), returned as given. */
export function parseInstant(value: unknown, field: string, what = field): string {
  if (!isInstant(value)) {
    throw badUserInput(`${what} must be a date and time with a time zone, e.g. 2026-11-20T14:05:00+01:00.`, { field });
  }
  return value;
}

export const instantMs = (instant: string): number => Date.parse(instant);

/** Refuses an instant after `now`: things are recorded when, or after, they happen. */
export function assertNotInFuture(instant: string, now: Date, field: string, what = field): void {
  if (instantMs(instant) > now.getTime()) {
    throw badUserInput(`${what} lies in the future; record it when it has happened.`, { field });
  }
}

/** The array itself, or a refusal when it is not one or is longer than `max`. */
export function arrayOf(value: unknown, field: string, max: number, what = field): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badUserInput(`${what} must be a list.`, { field });
  if (value.length > max) {
    throw badUserInput(`${what} has ${value.length} entries; at most ${max} are accepted.`, { field, maxItems: max });
  }
  return value;
}

// C0 controls but tab and line feed, DEL and the C1 controls; and a surrogate half without its other half.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text no person typed: control characters other than tab and line feed (a NUL ends a C string downstream,
 * an escape sequence can rewrite a terminal reading the log) and unpaired surrogates (not Unicode; PostgreSQL and the
 * message signatures would each treat them differently).
 */
export function assertPrintable(text: string, field: string, what = field): void {
  if (CONTROL.test(text)) throw badUserInput(`${what} contains a control character; only printable text, line breaks and tabs are accepted.`, { field });
  if (LONE_SURROGATE.test(text)) throw badUserInput(`${what} contains an incomplete character (an unpaired surrogate); send valid Unicode text.`, { field });
}
