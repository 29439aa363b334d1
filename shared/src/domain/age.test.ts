import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  ageFromCprOn,
  ageOn,
  assertInTargetGroup,
  eighteenthBirthday,
  isInTargetGroup,
  parseIsoDate,
  todayInDenmark,
} from './age.ts';
import { parseCpr } from './cpr.ts';

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

describe('parseIsoDate', () => {
  it('returns a real YYYY-MM-DD date unchanged', () => {
    expect(parseIsoDate('2024-02-29', 'onDate')).toBe('2024-02-29');
    expect(parseIsoDate('1858-01-01', 'onDate')).toBe('1858-01-01');
  });

  it.each(['2024-2-01', '24-02-01', '2024/02/01', ' 2024-02-01', '2024-02-01T00:00:00Z', ''])('rejects the shape %j', (s) => {
    const error = badInput(() => parseIsoDate(s, 'visitDate'));
    expect(error.message).toBe('visitDate must be a date written YYYY-MM-DD');
    expect(error.extensions['field']).toBe('visitDate');
  });

  it.each([
    ['2023-02-29', 'day'],
    ['2024-02-30', 'day'],
    ['2024-04-31', 'day'],
    ['2024-01-00', 'day'],
    ['2024-13-01', 'month'],
    ['2024-00-10', 'month'],
  ])('rejects the non-existent date %s', (s, part) => {
    const error = badInput(() => parseIsoDate(s, 'onDate'));
    expect(error.message).toMatch(/^onDate is not a real calendar date: /);
    expect(error.extensions).toMatchObject({ field: 'onDate', part });
  });
});

describe('ageOn', () => {
  it('counts whole years, turning older on the birthday itself', () => {
    expect(ageOn('2010-06-15', '2010-06-15')).toBe(0);
    expect(ageOn('2010-06-15', '2011-06-14')).toBe(0);
    expect(ageOn('2010-06-15', '2011-06-15')).toBe(1);
    expect(ageOn('2010-06-15', '2028-06-14')).toBe(17);
    expect(ageOn('2010-06-15', '2028-06-15')).toBe(18);
    expect(ageOn('2010-12-31', '2011-01-01')).toBe(0);
  });

  it('a person born 29 February turns older on 1 March in non-leap years', () => {
    expect(ageOn('2008-02-29', '2009-02-28')).toBe(0);
    expect(ageOn('2008-02-29', '2009-03-01')).toBe(1);
    expect(ageOn('2008-02-29', '2012-02-28')).toBe(3);
    expect(ageOn('2008-02-29', '2012-02-29')).toBe(4);
  });

  it('rejects a date before birth and invalid dates', () => {
    expect(badInput(() => ageOn('2010-06-15', '2010-06-14')).extensions['field']).toBe('onDate');
    expect(badInput(() => ageOn('2010-02-30', '2020-01-01')).extensions['field']).toBe('birthDate');
    expect(badInput(() => ageOn('2010-01-01', '2020-1-1')).extensions['field']).toBe('onDate');
  });
});

describe('ageFromCprOn', () => {
  it('uses the birth date in the CPR number, with or without hyphen', () => {
    expect(ageFromCprOn('070761-4285', '2024-07-06')).toBe(62);
    expect(ageFromCprOn('0707614285', '2024-07-07')).toBe(63);
    expect(ageFromCprOn(parseCpr('290200-4391'), '2018-03-01')).toBe(18);
  });
});

describe('eighteenthBirthday', () => {
  it('is the same day 18 years later', () => {
    expect(eighteenthBirthday('2010-06-15')).toBe('2028-06-15');
    expect(eighteenthBirthday('1999-12-31')).toBe('2017-12-31');
  });

  it('is 1 March for someone born 29 February', () => {
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-03-01');
    expect(eighteenthBirthday('2000-02-29')).toBe('2018-03-01');
  });
});

describe('isInTargetGroup', () => {
  it('includes a child born today and excludes one born tomorrow', () => {
    expect(isInTargetGroup('2024-05-01', '2024-05-01')).toBe(true);
    expect(isInTargetGroup('2024-05-02', '2024-05-01')).toBe(false);
  });

  it('includes the day before the 18th birthday and excludes the birthday', () => {
    expect(isInTargetGroup('2006-05-01', '2024-04-30')).toBe(true);
    expect(isInTargetGroup('2006-05-01', '2024-05-01')).toBe(false);
    expect(isInTargetGroup('2006-05-01', '2030-01-01')).toBe(false);
  });

  it('applies the 29 February rule', () => {
    expect(isInTargetGroup('2008-02-29', '2026-02-28')).toBe(true);
    expect(isInTargetGroup('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('agrees with ageOn < 18 across a birthday', () => {
    for (const onDate of ['2024-04-29', '2024-04-30', '2024-05-01', '2024-05-02']) {
      expect(isInTargetGroup('2006-05-01', onDate)).toBe(ageOn('2006-05-01', onDate) < 18);
    }
  });

  it('rejects invalid dates instead of guessing', () => {
    badInput(() => isInTargetGroup('2030-02-30', '2024-01-01'));
    badInput(() => isInTargetGroup('2010-01-01', '2024-02-30'));
  });
});

describe('assertInTargetGroup', () => {
  it('passes inside the group', () => {
    expect(() => assertInTargetGroup('2024-05-01', '2024-05-01')).not.toThrow();
    expect(() => assertInTargetGroup('2006-05-01', '2024-04-30')).not.toThrow();
  });

  it('explains a child not yet born, without the birth date', () => {
    const error = badInput(() => assertInTargetGroup('2024-05-02', '2024-05-01', 'cpr'));
    expect(error.message).toBe('The child is not yet born on 2024-05-01');
    expect(error.extensions).toMatchObject({ field: 'cpr', reason: 'NOT_YET_BORN' });
    expect(error.message + JSON.stringify(error.extensions)).not.toContain('2024-05-02');
  });

  it('explains a person aged 18 or older, without the birth date', () => {
    const error = badInput(() => assertInTargetGroup('2006-05-01', '2024-05-01'));
    expect(error.message).toBe(
      'The person is 18 or older on 2024-05-01; the collaboration agreement covers children and young people aged 0-18',
    );
    expect(error.extensions).toMatchObject({ field: 'birthDate', reason: 'AGED_18_OR_OLDER' });
    expect(error.message + JSON.stringify(error.extensions)).not.toContain('2006');
  });
});

describe('todayInDenmark', () => {
  it('uses Danish summer time (UTC+2)', () => {
    expect(todayInDenmark(new Date('2024-06-30T21:59:59Z'))).toBe('2024-06-30');
    expect(todayInDenmark(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });

  it('uses Danish winter time (UTC+1), also across a year boundary', () => {
    expect(todayInDenmark(new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
    expect(todayInDenmark(new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });

  it('defaults to now and returns a valid ISO date', () => {
    const today = todayInDenmark();
    expect(parseIsoDate(today, 'today')).toBe(today);
  });
});
