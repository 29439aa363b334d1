import { describe, expect, it } from 'vitest';
import { expectRefusal } from '../../testing/refusal.ts';
import { parseAtcCode, parseAtcSubstance, parseMedicineName } from './atc-code.ts';

describe('parseAtcCode', () => {
  it.each([
    ['N', 1],
    ['N06', 2],
    ['N06B', 3],
    ['N06BA', 4],
    ['N06BA04', 5],
    [' n06ba 04 ', 5],
  ] as const)('reads %j as level %i', (input, level) => {
    expect(parseAtcCode(input)).toMatchObject({ code: input.replace(/\s+/g, '').toUpperCase(), level });
  });

  it.each(['N6BA04', 'N06BA4', 'N06BA041', 'N06B04', '06BA04', ''])('refuses the malformed %j', (input) => {
    expectRefusal(() => parseAtcCode(input, 'medicine.atcCode'), 'BAD_USER_INPUT', 'medicine.atcCode', input === '' ? /must be an ATC code/ : /not a well-formed ATC code/);
  });

  it('refuses a letter that is no anatomical main group', () => {
    expectRefusal(() => parseAtcCode('E06BA04'), 'BAD_USER_INPUT', 'atcCode', /no anatomical main group E/);
  });
});

describe('parseAtcSubstance', () => {
  it('accepts methylphenidate without a warning', () => {
    expect(parseAtcSubstance('N06BA04')).toEqual({ code: 'N06BA04', level: 5, warnings: [] });
  });

  it('accepts guanfacine (C02AC02) with a warning that it lies outside N05/N06', () => {
    expect(parseAtcSubstance('C02AC02', 'atc').warnings).toEqual([
      { code: 'OUTSIDE_PSYCHIATRIC_GROUPS', field: 'atc', message: expect.stringMatching(/C02AC02 is outside the psycholeptics \(N05\) and psychoanaleptics \(N06\)/) },
    ]);
  });

  it('refuses a group, which cannot be prescribed', () => {
    const refusal = expectRefusal(() => parseAtcSubstance('N06BA'), 'BAD_USER_INPUT', 'atcCode', /N06BA is an ATC group \(level 4\).*level-5 code/);
    expect(refusal.extensions['level']).toBe(4);
  });
});

describe('parseMedicineName', () => {
  it('trims the name and refuses an empty or overlong one', () => {
    expect(parseMedicineName('  Methylphenidat ')).toBe('Methylphenidat');
    expectRefusal(() => parseMedicineName(' '), 'BAD_USER_INPUT', 'medicineName', /The medicine name is required/);
    expectRefusal(() => parseMedicineName('x'.repeat(201)), 'BAD_USER_INPUT', 'medicineName', /201 characters long; at most 200/);
  });
});
