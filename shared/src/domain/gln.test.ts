import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import { assertGln, glnFromPrefix, gs1CheckDigit, isValidGln } from './gln.ts';

function badInput(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

// Check digits worked by hand: weights 1,3,1,3,... from the left; check = (10 - sum mod 10) mod 10.
// 579000133058: 5+21+9+0+0+0+1+9+3+0+5+24 = 77 -> 3.  629104150021 (GS1's own example): 57 -> 3.
const VALID = ['5790000000005', '5790001330583', '6291041500213', '4006381333931', '0000000000000'];

describe('gs1CheckDigit', () => {
  it.each(VALID)('computes the check digit of %s', (gln) => {
    expect(gs1CheckDigit(gln.slice(0, 12))).toBe(Number(gln[12]));
  });

  it.each(['57900013305', '5790001330583', '57900013305x'])('rejects a prefix that is not 12 digits: %j', (s) => {
    expect(badInput(() => gs1CheckDigit(s)).extensions['field']).toBe('first12');
  });
});

describe('isValidGln', () => {
  it.each(VALID)('accepts %s', (gln) => {
    expect(isValidGln(gln)).toBe(true);
  });

  it.each(['5790001330584', '579000133058', '57900013305833', '579000133058X', ' 5790001330583'])('rejects %j', (s) => {
    expect(isValidGln(s)).toBe(false);
  });

  it('detects every single-digit typo', () => {
    const gln = '5790001330583';
    for (let i = 0; i < 13; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === gln[i]) continue;
        expect(isValidGln(gln.slice(0, i) + d + gln.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe('assertGln', () => {
  it('returns a valid GLN, trimmed', () => {
    expect(assertGln('5790001330583')).toBe('5790001330583');
    expect(assertGln(' 5790001330583 ')).toBe('5790001330583');
  });

  it('says which check digit was expected', () => {
    const error = badInput(() => assertGln('5790001330584'));
    expect(error.message).toBe('locationNumber check digit is wrong: expected 3, got 4');
    expect(error.extensions).toMatchObject({ field: 'locationNumber', expected: 3, got: 4 });
  });

  it.each(['579000133058', '57900013305831', '579000133058X', '5790-001330583', ''])('says %j must be 13 digits', (s) => {
    const error = badInput(() => assertGln(s, 'senderGln'));
    expect(error.message).toBe('senderGln must be 13 digits (a GLN / EAN location number)');
    expect(error.extensions['field']).toBe('senderGln');
  });
});

describe('glnFromPrefix', () => {
  it.each(['579000000000', '579000133058', '579000999999', '000000000001'])('builds a valid GLN from %s', (prefix) => {
    const gln = glnFromPrefix(prefix);
    expect(gln).toHaveLength(13);
    expect(gln.startsWith(prefix)).toBe(true);
    expect(isValidGln(gln)).toBe(true);
  });

  it('reproduces known GLNs', () => {
    expect(glnFromPrefix('579000000000')).toBe('5790000000005');
    expect(glnFromPrefix('579000133058')).toBe('5790001330583');
  });
});
