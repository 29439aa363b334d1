import type { GraphQLError } from 'graphql';
import { badUserInput } from '../errors.ts';

/**
 * Narrowing of untrusted JSON. Messages arrive from other systems, so every read names the FHIR element it expected,
 * and a wrong shape becomes a BAD_USER_INPUT naming that element instead of a TypeError deep inside the parser.
 * Error messages never quote the offending value: it may be a CPR number or a name.
 */

export type JsonObject = Record<string, unknown>;

export function refuse(element: string, problem: string): GraphQLError {
  return badUserInput(`Not a valid MedCom CareCommunication message: ${element} ${problem}`, { element });
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a `__proto__` or `constructor` key in the JSON must read as data, never as the prototype. */
export function field(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function requireObject(value: unknown, element: string): JsonObject {
  if (value === undefined) throw refuse(element, 'is missing');
  if (!isObject(value)) throw refuse(element, 'must be a JSON object');
  return value;
}

/** FHIR forbids empty strings, and a value of only white space carries nothing a reader could use. */
export function optionalString(value: unknown, element: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw refuse(element, 'must be a string');
  if (value.trim() === '') throw refuse(element, 'must not be empty');
  return value;
}

export function requireString(value: unknown, element: string): string {
  const text = optionalString(value, element);
  if (text === undefined) throw refuse(element, 'is missing');
  return text;
}

export function optionalArray(value: unknown, element: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw refuse(element, 'must be a JSON array');
  return value;
}

export function requireArray(value: unknown, element: string): unknown[] {
  const items = optionalArray(value, element);
  if (items.length === 0) throw refuse(element, 'is missing or empty');
  return items;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function requireId(value: unknown, element: string): string {
  const id = requireString(value, element);
  if (!FHIR_ID.test(id)) throw refuse(element, 'must be a FHIR id (1-64 letters, digits, "-" or ".")');
  return id;
}

// FHIR R4 instant and dateTime, from the specification's regular expressions.
const DATE = String.raw`([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?`;
const TIME = String.raw`([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?`;
const ZONE = String.raw`(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))`;
const INSTANT = new RegExp(
  String.raw`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T${TIME}${ZONE}$`,
);
const DATE_TIME = new RegExp(String.raw`^${DATE}(T${TIME}${ZONE})?$`);

/** The text is kept as sent (vendors send up to nanoseconds); only its form and calendar date are checked. */
export function requireInstant(value: unknown, element: string): string {
  const text = requireString(value, element);
  if (!INSTANT.test(text) || !isCalendarDate(text)) {
    throw refuse(element, 'must be a FHIR instant: date, time and time zone, e.g. 2026-07-21T13:53:30+02:00');
  }
  return text;
}

export function requireDateTime(value: unknown, element: string): string {
  const text = requireString(value, element);
  if (!DATE_TIME.test(text) || !isCalendarDate(text)) {
    throw refuse(element, 'must be a FHIR dateTime, e.g. 2026-07-21T13:53:30+02:00');
  }
  return text;
}

/** The regular expressions allow 31 February; a calendar does not. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
