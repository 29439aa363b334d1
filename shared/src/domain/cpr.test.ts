import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import { cprCentury, isValidCpr, maskCpr, parseCpr, passesModulus11 } from './cpr.ts';

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

/** Neither the message nor the details may reveal the number (in either spelling) or its serial part. */
function expectNoCpr(error: GraphQLError, digits: string) {
  const text = error.message + JSON.stringify(error.extensions);
  expect(text).not.toContain(digits);
  expect(text).not.toContain(`${digits.slice(0, 6)}-${digits.slice(6)}`);
  expect(text).not.toContain(digits.slice(6));
}

describe('parseCpr: format', () => {
  it('accepts DDMMYY-SSSS and DDMMYYSSSS with the same result', () => {
    expect(parseCpr('070761-4285')).toEqual({ normalized: '0707614285', birthDate: '1961-07-07' });
    expect(parseCpr('0707614285')).toEqual(parseCpr('070761-4285'));
  });

  it('trims surrounding whitespace', () => {
    expect(parseCpr('  070761-4285\n').normalized).toBe('0707614285');
  });

  it.each(['', '070761428', '07076142851', '070761/4285', '070761 4285', '07076-14285', '0707614-285', 'O707614285', '070761--4285', '070761-428x'])(
    'rejects %j, explaining the expected format',
    (input) => {
      const error = badInput(() => parseCpr(input));
      expect(error.message).toContain('10 digits');
      expect(error.message).toContain('DDMMYY-SSSS');
      expect(error.extensions['field']).toBe('cpr');
    },
  );

  it('reports a caller-chosen field', () => {
    expect(badInput(() => parseCpr('x', 'childCpr')).extensions['field']).toBe('childCpr');
  });

  it('rejects a non-string without crashing', () => {
    badInput(() => parseCpr(undefined as unknown as string));
  });
});

describe('parseCpr: century from the 7th digit and YY', () => {
  it.each([
    // 0-3: always 1900s, even for YY <= 36
    ['010100-0391', '1900-01-01'],
    ['010136-2391', '1936-01-01'],
    ['311299-3391', '1999-12-31'],
    // 4 and 9: 2000-2036 for YY <= 36, else 1937-1999
    ['010100-4391', '2000-01-01'],
    ['010136-4391', '2036-01-01'],
    ['010137-4391', '1937-01-01'],
    ['311299-4391', '1999-12-31'],
    ['010136-9391', '2036-01-01'],
    ['010137-9391', '1937-01-01'],
    // 5-8: 2000-2057 for YY <= 57, else 1858-1899
    ['010157-5391', '2057-01-01'],
    ['010158-5391', '1858-01-01'],
    ['010157-6391', '2057-01-01'],
    ['010158-7391', '1858-01-01'],
    ['010157-8391', '2057-01-01'],
    ['311299-8391', '1899-12-31'],
  ])('%s -> %s', (input, birthDate) => {
    expect(parseCpr(input).birthDate).toBe(birthDate);
  });

  it('cprCentury covers every 7th digit', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => cprCentury(d, 36))).toEqual([1900, 1900, 1900, 1900, 2000, 2000, 2000, 2000, 2000, 2000]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => cprCentury(d, 58))).toEqual([1900, 1900, 1900, 1900, 1900, 1800, 1800, 1800, 1800, 1900]);
  });
});

describe('parseCpr: impossible dates', () => {
  it('accepts 29 February in leap years, including 2000', () => {
    expect(parseCpr('290200-4391').birthDate).toBe('2000-02-29');
    expect(parseCpr('290200-9391').birthDate).toBe('2000-02-29');
    expect(parseCpr('290200-5391').birthDate).toBe('2000-02-29');
    expect(parseCpr('290296-1391').birthDate).toBe('1996-02-29');
    expect(parseCpr('290256-6391').birthDate).toBe('2056-02-29');
  });

  it.each([
    ['290200-0391', '1900'],
    ['290297-1391', '1997'],
    ['290258-5391', '1858'],
  ])('rejects 29 February in a non-leap year (%s, %s)', (input) => {
    const error = badInput(() => parseCpr(input));
    expect(error.message).toBe('CPR number has an impossible date: day 29 does not exist in month 02 (the year is not a leap year)');
    expect(error.extensions['part']).toBe('day');
    expectNoCpr(error, input.replace('-', ''));
  });

  it.each([
    ['310299-1391', 'day', 'day 31 does not exist in month 02'],
    ['310499-1391', 'day', 'day 31 does not exist in month 04'],
    ['000199-1391', 'day', 'day 00 does not exist'],
    ['011399-1391', 'month', 'month 13 does not exist'],
    ['010099-1391', 'month', 'month 00 does not exist'],
  ])('rejects %s, naming the impossible %s', (input, part, reason) => {
    const error = badInput(() => parseCpr(input));
    expect(error.message).toContain(reason);
    expect(error.extensions).toMatchObject({ part, field: 'cpr' });
    expectNoCpr(error, input.replace('-', ''));
  });
});

describe('modulus 11', () => {
  it('is informational: a number failing it but with a real date is accepted', () => {
    expect(passesModulus11('0707614286')).toBe(false);
    expect(isValidCpr('070761-4286')).toBe(true);
    expect(parseCpr('070761-4286').birthDate).toBe('1961-07-07');
  });

  it('recognises a number that passes', () => {
    expect(passesModulus11('070761-4285')).toBe(true);
    expect(passesModulus11('0707614285')).toBe(true);
    expect(passesModulus11(parseCpr('070761-4285'))).toBe(true);
  });

  it('returns false rather than throwing for malformed input', () => {
    expect(passesModulus11('07076142')).toBe(false);
    expect(passesModulus11('abc')).toBe(false);
  });
});

describe('isValidCpr', () => {
  it('is true exactly when parseCpr succeeds', () => {
    expect(isValidCpr('070761-4285')).toBe(true);
    expect(isValidCpr(' 0707614285 ')).toBe(true);
    expect(isValidCpr('310299-1391')).toBe(false);
    expect(isValidCpr('070761')).toBe(false);
  });
});

describe('maskCpr', () => {
  it('keeps the date part and hides the serial', () => {
    expect(maskCpr('0707614285')).toBe('070761-xxxx');
    expect(maskCpr(parseCpr('070761-4285'))).toBe('070761-xxxx');
  });

  it('refuses to mask something that is not a CPR number', () => {
    badInput(() => maskCpr('310299-1391'));
  });
});
