import { describe, expect, it } from 'vitest';
import { refusalOf } from '../testing.ts';
import { assertNoPersonalIdentifiers, buildKnownNameIndex, findPersonalIdentifiers } from './index.ts';

// Synthetic names and numbers only.
const knownNames = ['Emma Sofie Jensen'];

describe('assertNoPersonalIdentifiers', () => {
  it('accepts an anonymous description', () => {
    expect(() =>
      assertNoPersonalIdentifiers('Pige på 12 år, SDQ 18, ringer på 70 00 00 00 efter 12.06.2015.', 'description', { knownNames }),
    ).not.toThrow();
  });

  it.each([
    ['a CPR number', 'Pigen (120615-4764) har ondt i maven.', ['CPR_NUMBER'], 7, /looks like a CPR number \(first at character 8\)/],
    ['a name', 'Emma har ondt i maven.', ['NAME'], 0, /looks like a name \(first at character 1\)/],
    ['both', 'Emma, 12 06 15 4764, har ondt.', ['NAME', 'CPR_NUMBER'], 0, /a name and a CPR number \(first at character 1, 2 places in all\)/],
  ])('refuses %s without repeating it', (_name, text, kinds, offset, message) => {
    const r = refusalOf(() => assertNoPersonalIdentifiers(text, 'description', { knownNames }));
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.field).toBe('description');
    expect(r.extensions).toMatchObject({ identifierKinds: kinds, offset });
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/Personal identifiers are not allowed here/);
    expect(r.message).toMatch(/describe the child instead/);
    for (const secret of ['4764', '120615', 'Emma']) {
      expect(r.message).not.toContain(secret);
      expect(JSON.stringify(r.extensions)).not.toContain(secret);
    }
  });

  it('lists the hits in text order, with a reusable name index', () => {
    const index = buildKnownNameIndex(knownNames);
    expect(findPersonalIdentifiers('1206154764 og Jensen', { knownNames: index }).map((h) => h.kind)).toEqual(['CPR_NUMBER', 'NAME']);
  });
});
