import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  REGION_MIDTJYLLAND_MUNICIPALITIES,
  assertMunicipalityCode,
  isRegionMidtjyllandMunicipalityCode,
  municipalityName,
} from './municipalities.ts';

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

describe('REGION_MIDTJYLLAND_MUNICIPALITIES', () => {
  it('lists exactly the 19 municipalities of the domain description', () => {
    expect(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => `${m.code} ${m.name}`)).toEqual([
      '615 Horsens', '657 Herning', '661 Holstebro', '665 Lemvig', '671 Struer', '706 Syddjurs', '707 Norddjurs',
      '710 Favrskov', '727 Odder', '730 Randers', '740 Silkeborg', '741 Samsø', '746 Skanderborg', '751 Aarhus',
      '756 Ikast-Brande', '760 Ringkøbing-Skjern', '766 Hedensted', '779 Skive', '791 Viborg',
    ]);
    expect(new Set(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code)).size).toBe(19);
  });
});

describe('isRegionMidtjyllandMunicipalityCode', () => {
  it('accepts every listed code', () => {
    for (const { code } of REGION_MIDTJYLLAND_MUNICIPALITIES) expect(isRegionMidtjyllandMunicipalityCode(code)).toBe(true);
  });

  it.each([101, 999, 0, 751.5, Number.NaN, '751', null])('rejects %j', (code) => {
    expect(isRegionMidtjyllandMunicipalityCode(code)).toBe(false);
  });
});

describe('assertMunicipalityCode', () => {
  it('returns a known code', () => {
    expect(assertMunicipalityCode(751)).toBe(751);
  });

  it('lists the valid codes when rejecting an unknown one', () => {
    const error = badInput(() => assertMunicipalityCode(999));
    expect(error.message).toMatch(
      /^Unknown municipality code 999: not one of the 19 municipalities of Region Midtjylland \(615 Horsens, 657 Herning, .*, 791 Viborg\)$/,
    );
    expect(error.extensions['field']).toBe('municipalityCode');
  });

  it('rejects a municipality outside the region, under a caller-chosen field', () => {
    expect(badInput(() => assertMunicipalityCode(101, 'residence')).extensions['field']).toBe('residence');
  });
});

describe('municipalityName', () => {
  it('names known codes, including non-ASCII names', () => {
    expect(municipalityName(751)).toBe('Aarhus');
    expect(municipalityName(741)).toBe('Samsø');
    expect(municipalityName(760)).toBe('Ringkøbing-Skjern');
  });

  it('is undefined outside the region', () => {
    expect(municipalityName(101)).toBeUndefined();
  });
});
