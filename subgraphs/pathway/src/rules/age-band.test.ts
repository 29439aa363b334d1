import { describe, expect, it } from 'vitest';
import { ageBandOn } from './age-band.ts';

describe('ageBandOn', () => {
  it.each([
    ['2026-11-23', 'UNDER_6'],
    ['2020-11-24', 'UNDER_6'],
    ['2020-11-23', 'AGE_6_TO_12'],
    ['2013-11-24', 'AGE_6_TO_12'],
    ['2013-11-23', 'AGE_13_TO_14'],
    ['2011-11-24', 'AGE_13_TO_14'],
    ['2011-11-23', 'AGE_15_TO_17'],
    ['2008-11-24', 'AGE_15_TO_17'],
    ['2008-11-23', 'ADULT'],
  ] as const)('born %s is %s on 2026-11-23', (birthDate, band) => {
    expect(ageBandOn(birthDate, '2026-11-23')).toBe(band);
  });

  it('uses the Danish 1 March rule for a child born on 29 February', () => {
    expect(ageBandOn('2012-02-29', '2027-02-28')).toBe('AGE_13_TO_14');
    expect(ageBandOn('2012-02-29', '2027-03-01')).toBe('AGE_15_TO_17');
  });
});
