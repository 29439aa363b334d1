import type { GraphQLError } from 'graphql';
import { badUserInput } from '../../errors.ts';
import { field, isObject, type JsonObject } from '../json.ts';

/**
 * Narrowing of an untrusted referral message, like ../json.ts for CareCommunication: every read names the FHIR
 * element it expected, and no refusal quotes a value (it may be a CPR number or free text about a child).
 */

export { field, isObject, type JsonObject };

export function refuse(element: string, problem: string): GraphQLError {
  return badUserInput(`Not a valid referral message: ${element} ${problem}`, { element });
}

export function obj(value: unknown, element: string): JsonObject {
  if (value === undefined) throw refuse(element, 'is missing');
  if (!isObject(value)) throw refuse(element, 'must be a JSON object');
  return value;
}

export function str(value: unknown, element: string): string {
  if (value === undefined) throw refuse(element, 'is missing');
  if (typeof value !== 'string' || value.trim() === '') throw refuse(element, 'must be a non-empty string');
  return value;
}

export function optStr(value: unknown, element: string): string | null {
  return value === undefined ? null : str(value, element);
}

export function arr(value: unknown, element: string, { required = false } = {}): unknown[] {
  if (value === undefined) {
    if (required) throw refuse(element, 'is missing');
    return [];
  }
  if (!Array.isArray(value)) throw refuse(element, 'must be a JSON array');
  if (required && value.length === 0) throw refuse(element, 'must not be empty');
  return value;
}

export function oneOfCode<T extends string>(value: unknown, allowed: readonly T[], element: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw refuse(element, `must be one of ${allowed.join(', ')}`);
}

/** The code of the coding in `system` inside a CodeableConcept (or a bare Coding). */
export function codeIn(concept: unknown, system: string, element: string): string {
  const c = obj(concept, element);
  const codings = field(c, 'coding') === undefined && field(c, 'system') !== undefined ? [c] : arr(field(c, 'coding'), `${element}.coding`, { required: true });
  const found = codings.find((coding) => isObject(coding) && field(coding, 'system') === system);
  if (!found) throw refuse(`${element}.coding`, `has no code from ${system}`);
  return str(field(found as JsonObject, 'code'), `${element}.coding.code`);
}

/** The entries of a message Bundle by fullUrl, and reference resolution against them. */
export class Entries {
  readonly byUrl = new Map<string, JsonObject>();
  readonly list: Array<{ fullUrl: string; resource: JsonObject }> = [];

  constructor(bundle: JsonObject) {
    arr(field(bundle, 'entry'), 'Bundle.entry', { required: true }).forEach((raw, i) => {
      const entry = obj(raw, `Bundle.entry[${i}]`);
      const fullUrl = str(field(entry, 'fullUrl'), `Bundle.entry[${i}].fullUrl`);
      const resource = obj(field(entry, 'resource'), `Bundle.entry[${i}].resource`);
      str(field(resource, 'resourceType'), `Bundle.entry[${i}].resource.resourceType`);
      if (this.byUrl.has(fullUrl)) throw refuse(`Bundle.entry[${i}].fullUrl`, 'repeats the fullUrl of an earlier entry');
      this.byUrl.set(fullUrl, resource);
      this.list.push({ fullUrl, resource });
    });
  }

  ofType(resourceType: string): JsonObject[] {
    return this.list.filter((e) => field(e.resource, 'resourceType') === resourceType).map((e) => e.resource);
  }

  single(resourceType: string): JsonObject {
    const found = this.ofType(resourceType);
    if (found.length !== 1) throw refuse(`Bundle.entry[${resourceType}]`, `must occur exactly once (found ${found.length})`);
    return found[0]!;
  }

  resolve(reference: unknown, element: string, resourceType: string): JsonObject {
    const url = str(field(obj(reference, element), 'reference'), `${element}.reference`);
    const target = this.byUrl.get(url);
    if (!target) throw refuse(`${element}.reference`, `does not resolve to an entry of the bundle`);
    if (field(target, 'resourceType') !== resourceType) throw refuse(`${element}.reference`, `must refer to a ${resourceType}`);
    return target;
  }
}
