import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { field, requireDateTime, requireId, requireInstant, requireString } from './json.ts';

const element = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions['element'];
  }
  return undefined;
};

describe('json readers', () => {
  it('read own properties only, so a "__proto__" key is data and inherited members are not fields', () => {
    const parsed = JSON.parse('{"__proto__": {"entry": []}}') as Record<string, unknown>;
    expect(field(parsed, 'entry')).toBeUndefined();
    expect(field(parsed, '__proto__')).toEqual({ entry: [] });
    expect(field({}, 'constructor')).toBeUndefined();
    expect(field({}, 'toString')).toBeUndefined();
  });

  it('refuse empty, blank and non-string strings, naming the element', () => {
    expect(element(() => requireString('', 'A.b'))).toBe('A.b');
    expect(element(() => requireString('  ', 'A.b'))).toBe('A.b');
    expect(element(() => requireString(7, 'A.b'))).toBe('A.b');
    expect(element(() => requireString(undefined, 'A.b'))).toBe('A.b');
    expect(requireString('x', 'A.b')).toBe('x');
  });

  it('accept FHIR ids and refuse anything else', () => {
    expect(requireId('0299fc10-b86a-4fcf-bb41-ba3940027497', 'X.id')).toBe('0299fc10-b86a-4fcf-bb41-ba3940027497');
    expect(element(() => requireId('a/b', 'X.id'))).toBe('X.id');
    expect(element(() => requireId('x'.repeat(65), 'X.id'))).toBe('X.id');
  });

  it('keep instants as sent, nanoseconds included, and refuse ones without zone or date', () => {
    expect(requireInstant('2025-12-18T12:03:11.202921064Z', 'T')).toBe('2025-12-18T12:03:11.202921064Z');
    expect(requireInstant('2026-07-21T13:53:30.115+05:30', 'T')).toBe('2026-07-21T13:53:30.115+05:30');
    expect(requireInstant('2028-02-29T00:00:00Z', 'T')).toBe('2028-02-29T00:00:00Z');
    for (const bad of ['2026-07-21T13:53:30', '2026-07-21', '2027-02-29T00:00:00Z', '2026-04-31T00:00:00Z', 'now']) {
      expect(element(() => requireInstant(bad, 'T'))).toBe('T');
    }
  });

  it('accept partial dateTimes, but a time needs a zone', () => {
    for (const good of ['2026', '2026-07', '2026-07-21', '2026-07-21T13:53:30+02:00']) {
      expect(requireDateTime(good, 'D')).toBe(good);
    }
    for (const bad of ['2026-07-21T13:53', '2026-07-21T13:53:30', '21-07-2026']) {
      expect(element(() => requireDateTime(bad, 'D'))).toBe('D');
    }
  });
});
