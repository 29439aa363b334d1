import { badUserInput } from '../errors.ts';

/**
 * The checks every rule module repeats: text a person typed, one value of an enum, an instant, a list. Each refusal
 * is BAD_USER_INPUT with `field` naming the input to fix; no message quotes the offending value, which may be free
 * text about a child. (The server's generic input check in shared/src/server/inputs.ts runs first; these stay the
 * service's own, with each field's own limit and wording.)
 */

export interface TextOptions {
  /** What the field is, for the message (defaults to the field's name). */
  what?: string;
  /** A name, a code or a phone number: no line breaks or tabs (free text may hold them). */
  singleLine?: boolean;
}

const textOptions = (options: string | TextOptions | undefined): TextOptions =>
  typeof options === 'string' ? { what: options } : (options ?? {});

/**
 * Trimmed text of 1..max characters, or a refusal naming `field`. `options` is what the field is for, or
 * {what, singleLine}. Characters are counted as a person (and PostgreSQL) counts them, in code points, so an emoji
 * counts once.
 */
export function requiredText(value: unknown, field: string, max: number, options?: string | TextOptions): string {
  const { what = field, singleLine = false } = textOptions(options);
  if (value === undefined || value === null) throw badUserInput(`${what} is required.`, { field });
  if (typeof value !== 'string') throw badUserInput(`${what} must be text.`, { field });
  assertPrintable(value, field, { what, singleLine });
  const text = value.trim();
  if (text === '') throw badUserInput(`${what} is required and must not be empty.`, { field });
  const length = [...text].length;
  if (length > max) {
    throw badUserInput(`${what} is ${length} characters long; at most ${max} are accepted. Shorten it.`, {
      field,
      maxLength: max,
    });
  }
  return text;
}

/** Like requiredText, but null when absent or blank. */
export function optionalText(value: unknown, field: string, max: number, options?: string | TextOptions): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return requiredText(value, field, max, options);
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

// C0 controls but tab, line feed and carriage return; DEL; the C1 controls; and a surrogate half without its other half.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text no person typed: control characters other than tab and line breaks (a NUL ends a C string downstream,
 * an escape sequence can rewrite a terminal reading the log), line breaks and tabs in a single-line field, and
 * unpaired surrogates (not Unicode; PostgreSQL and the message signatures would each treat them differently).
 * `extensions.rule` says which.
 */
export function assertPrintable(text: string, field: string, options?: string | TextOptions): void {
  const { what = field, singleLine = false } = textOptions(options);
  if (CONTROL.test(text) || (singleLine && LINE_BREAK_OR_TAB.test(text))) {
    throw badUserInput(
      `${what} contains a control character${singleLine ? ' or a line break' : ' (only line breaks and tabs are allowed)'}; remove it.`,
      { field, rule: 'CONTROL_CHARACTER' },
    );
  }
  if (LONE_SURROGATE.test(text)) {
    throw badUserInput(`${what} contains an incomplete character (an unpaired UTF-16 surrogate); re-enter the text.`, {
      field,
      rule: 'UNPAIRED_SURROGATE',
    });
  }
}
