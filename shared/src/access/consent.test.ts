import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  assertConsentGivenByRightParty,
  consentCoverageGaps,
  consentCovers,
  consentInactiveReasons,
  isConsentActive,
  requiredConsentingParty,
  validateNewConsent,
  type ConsentRecord,
  type NewConsentInput,
} from './consent.ts';

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

describe('requiredConsentingParty: 15 or older consents themselves', () => {
  it('a custody holder at 14 years and 364 days, the young person from the 15th birthday', () => {
    expect(requiredConsentingParty('2011-03-01', '2026-02-28')).toBe('CUSTODY_HOLDER');
    expect(requiredConsentingParty('2011-03-01', '2026-03-01')).toBe('YOUNG_PERSON');
  });

  it('a child born 29 February turns 15 on 1 March (15 years after a leap year is never one)', () => {
    expect(requiredConsentingParty('2012-02-29', '2027-02-28')).toBe('CUSTODY_HOLDER');
    expect(requiredConsentingParty('2012-02-29', '2027-03-01')).toBe('YOUNG_PERSON');
  });
});

describe('assertConsentGivenByRightParty', () => {
  it('accepts the right party on both sides of the 15th birthday', () => {
    expect(() => assertConsentGivenByRightParty('CUSTODY_HOLDER', '2011-03-01', '2026-02-28')).not.toThrow();
    expect(() => assertConsentGivenByRightParty('YOUNG_PERSON', '2011-03-01', '2026-03-01')).not.toThrow();
  });

  it('refuses a custody holder for a young person of 15, saying the young person must consent', () => {
    const error = badInput(() => assertConsentGivenByRightParty('CUSTODY_HOLDER', '2011-03-01', '2026-03-01'));
    expect(error.message).toBe(
      'The young person is 15 or older on 2026-03-01 and must give consent themselves; a custody holder cannot consent on their behalf.',
    );
    expect(error.extensions).toMatchObject({ field: 'givenBy', required: 'YOUNG_PERSON' });
  });

  it('refuses a 14-year-old consenting themselves, saying a custody holder must', () => {
    const error = badInput(() => assertConsentGivenByRightParty('YOUNG_PERSON', '2011-03-01', '2026-02-28'));
    expect(error.message).toBe(
      'The child is under 15 on 2026-02-28; a custody holder (forældremyndighedsindehaver) must give the consent.',
    );
    expect(error.extensions).toMatchObject({ field: 'givenBy', required: 'CUSTODY_HOLDER' });
  });
});

describe('validateNewConsent', () => {
  // A 12-year-old in Aarhus; the municipality (owner) lets the GP see its case status.
  const ctx = { birthDate: '2013-06-15', today: '2026-03-01', ownerSectors: ['MUNICIPALITY'] as const };
  const valid: NewConsentInput = {
    givenBy: 'CUSTODY_HOLDER',
    givenOn: '2026-02-20',
    recipientSector: 'GENERAL_PRACTICE',
    recipientOrganisation: '123456',
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-02-20',
    validUntil: '2027-02-19',
  };
  const withInput = (patch: Partial<NewConsentInput>) => () => validateNewConsent({ ...valid, ...patch }, ctx);

  it('accepts a complete, consistent consent', () => {
    expect(() => validateNewConsent(valid, ctx)).not.toThrow();
    expect(withInput({ validUntil: null, recipientOrganisation: null })).not.toThrow();
    expect(withInput({ purposes: ['CARE_COORDINATION', 'EARLY_DETECTION'] })).not.toThrow();
    expect(withInput({ givenOn: '2026-03-01', validFrom: '2026-03-01', validUntil: '2026-03-01' })).not.toThrow();
  });

  it.each([
    ['givenOn', { givenOn: '2026-02-30' }],
    ['validFrom', { validFrom: '20-02-2026' }],
    ['validUntil', { validUntil: '2027/02/19' }],
  ] as const)('refuses a %s that is not a real YYYY-MM-DD date', (field, patch) => {
    expect(badInput(withInput(patch)).extensions['field']).toBe(field);
  });

  it('refuses a consent without a purpose', () => {
    const error = badInput(withInput({ purposes: [] }));
    expect(error.message).toMatch(/at least one purpose/);
    expect(error.extensions['field']).toBe('purposes');
  });

  it('refuses a purpose named twice, naming it', () => {
    const error = badInput(withInput({ purposes: ['CARE_COORDINATION', 'EARLY_DETECTION', 'CARE_COORDINATION'] }));
    expect(error.message).toBe('Each purpose may be named once; repeated: CARE_COORDINATION.');
    expect(error.extensions).toMatchObject({ field: 'purposes', repeated: ['CARE_COORDINATION'] });
  });

  it('refuses an empty recipient organisation (null means the whole sector)', () => {
    const error = badInput(withInput({ recipientOrganisation: '  ' }));
    expect(error.message).toMatch(/or be null to cover all of them/);
    expect(error.extensions['field']).toBe('recipientOrganisation');
  });

  it.each([
    ['SQL text', 'GENERAL_PRACTICE', "1'; DROP TABLE consents; --"],
    ['markup', 'GENERAL_PRACTICE', '<script>alert(1)</script>'],
    ['a 200,001-character string', 'GENERAL_PRACTICE', '1'.repeat(200_001)],
    ['a CPR number', 'GENERAL_PRACTICE', '0707614286'],
    ['a ydernummer with a leading zero', 'GENERAL_PRACTICE', '012345'],
    ['a SOR code of 17 digits', 'BUA', '12345678901234567'],
    ['a ydernummer for BUA', 'BUA', 'abc'],
  ] as const)('refuses %s as the recipient organisation of %s, saying what one looks like', (_what, recipientSector, recipientOrganisation) => {
    const error = badInput(withInput({ recipientSector, recipientOrganisation }));
    expect(error.extensions['field']).toBe('recipientOrganisation');
    expect(error.message).toMatch(/^recipientOrganisation must be an organisation of .*(ydernummer|SOR code)/);
    expect(error.message).not.toContain(recipientOrganisation.slice(0, 6));
  });

  it('accepts an organisation of the recipient sector in its canonical form', () => {
    expect(withInput({ recipientSector: 'GENERAL_PRACTICE', recipientOrganisation: '107510' })).not.toThrow();
    expect(withInput({ recipientSector: 'BUA', recipientOrganisation: '9990011000016009' })).not.toThrow();
  });

  it("refuses a consent to the owner's own sector: it already sees its own records", () => {
    const error = badInput(withInput({ recipientSector: 'MUNICIPALITY', recipientOrganisation: '657' }));
    expect(error.message).toMatch(/the municipality owns this data already/);
    expect(error.extensions['field']).toBe('recipientSector');
  });

  it('refuses a consent to the region, which sees aggregates only', () => {
    const error = badInput(withInput({ recipientSector: 'REGION', recipientOrganisation: null }));
    expect(error.message).toMatch(/aggregate statistics only/);
    expect(error.extensions['field']).toBe('recipientSector');
  });

  it('refuses a consent given in the future', () => {
    const error = badInput(withInput({ givenOn: '2026-03-02', validFrom: '2026-03-02' }));
    expect(error.message).toBe('givenOn 2026-03-02 is in the future; record a consent on or after the day it is given.');
    expect(error.extensions['field']).toBe('givenOn');
  });

  it('refuses a consent given before the child was born', () => {
    const error = badInput(withInput({ givenOn: '2013-06-14', validFrom: '2013-06-14' }));
    expect(error.message).toBe('givenOn 2013-06-14 is before the child was born.');
    expect(error.extensions['field']).toBe('givenOn');
  });

  it('refuses a consent valid from before it was given', () => {
    const error = badInput(withInput({ validFrom: '2026-02-19' }));
    expect(error.message).toMatch(/validFrom 2026-02-19 is before the consent was given \(2026-02-20\)/);
    expect(error.extensions['field']).toBe('validFrom');
  });

  it('refuses validUntil before validFrom', () => {
    const error = badInput(withInput({ validUntil: '2026-02-19' }));
    expect(error.message).toBe('validUntil 2026-02-19 is before validFrom 2026-02-20.');
    expect(error.extensions['field']).toBe('validUntil');
  });

  it('refuses a 12-year-old consenting themselves', () => {
    const error = badInput(withInput({ givenBy: 'YOUNG_PERSON' }));
    expect(error.extensions).toMatchObject({ field: 'givenBy', required: 'CUSTODY_HOLDER' });
  });

  it('refuses a custody holder consenting for a 15-year-old', () => {
    const error = badInput(() => validateNewConsent(valid, { ...ctx, birthDate: '2011-02-20' }));
    expect(error.message).toMatch(/is 15 or older on 2026-02-20 and must give consent themselves/);
    expect(error.extensions).toMatchObject({ field: 'givenBy', required: 'YOUNG_PERSON' });
  });

  it("refuses a custody holder's consent that would only start on or after the 18th birthday", () => {
    // Given at 14 (right party), but it could never be used: custody-holder consents lapse at 18.
    const fourteen = { ...ctx, birthDate: '2011-03-02' };
    const input = { ...valid, givenOn: '2026-03-01', validFrom: '2029-03-02', validUntil: null };
    const error = badInput(() => validateNewConsent(input, fourteen));
    expect(error.message).toBe(
      "The young person is 18 or older on 2029-03-02; only they can consent from their 18th birthday, so a custody holder's consent cannot start that day or later.",
    );
    expect(error.extensions['field']).toBe('validFrom');
    expect(() => validateNewConsent({ ...input, validFrom: '2029-03-01' }, fourteen)).not.toThrow();
  });
});

describe('isConsentActive', () => {
  const consent: ConsentRecord = {
    givenBy: 'CUSTODY_HOLDER',
    givenOn: '2026-01-10',
    recipientSector: 'GENERAL_PRACTICE',
    recipientOrganisation: null,
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-01-10',
    validUntil: '2026-12-31',
    withdrawnAt: null,
  };
  const at = (today: string, birthDate: string | null = '2015-05-05') => ({
    birthDate,
    today,
    now: new Date(`${today}T12:00:00+01:00`),
  });

  it('is active on every day from validFrom to validUntil inclusive', () => {
    expect(isConsentActive(consent, at('2026-01-10'))).toBe(true);
    expect(isConsentActive(consent, at('2026-06-01'))).toBe(true);
    expect(isConsentActive(consent, at('2026-12-31'))).toBe(true);
    expect(isConsentActive({ ...consent, validUntil: null }, at('2030-01-01'))).toBe(true);
  });

  it('is not yet valid before validFrom and expired after validUntil', () => {
    expect(consentInactiveReasons(consent, at('2026-01-09'))).toEqual(['NOT_YET_VALID']);
    expect(consentInactiveReasons(consent, at('2027-01-01'))).toEqual(['EXPIRED']);
    expect(isConsentActive(consent, at('2027-01-01'))).toBe(false);
  });

  it('stops at the instant of withdrawal, whatever the validity dates say', () => {
    // Consent can be withdrawn at any time, with effect from then.
    const withdrawn = { ...consent, withdrawnAt: '2026-06-01T10:00:00.000Z' };
    const ctx = (now: string) => ({ birthDate: '2015-05-05', today: '2026-06-01', now: new Date(now) });
    expect(isConsentActive(withdrawn, ctx('2026-06-01T09:59:59.999Z'))).toBe(true);
    expect(consentInactiveReasons(withdrawn, ctx('2026-06-01T10:00:00.000Z'))).toEqual(['WITHDRAWN']);
    expect(isConsentActive(withdrawn, ctx('2026-06-01T10:00:00.001Z'))).toBe(false);
  });

  it('treats an unreadable withdrawal time as withdrawn (fail closed)', () => {
    expect(consentInactiveReasons({ ...consent, withdrawnAt: 'yesterday' }, at('2026-06-01'))).toEqual(['WITHDRAWN']);
  });

  it("stops honouring a custody holder's consent on the 18th birthday, but not the young person's own", () => {
    const adult = { ...consent, givenOn: '2024-01-01', validFrom: '2024-01-01', validUntil: null };
    const born = '2008-03-01';
    expect(isConsentActive(adult, at('2026-02-28', born))).toBe(true);
    expect(consentInactiveReasons(adult, at('2026-03-01', born))).toEqual(['CUSTODY_HOLDER_CONSENT_LAPSED']);
    const own = { ...adult, givenBy: 'YOUNG_PERSON' as const };
    expect(isConsentActive(own, at('2026-03-01', born))).toBe(true);
    expect(isConsentActive(own, at('2030-03-01', born))).toBe(true);
  });

  it("ends a Feb-29 child's custody-holder consent on 1 March of a non-leap 18th year", () => {
    const adult = { ...consent, validFrom: '2024-01-01', validUntil: null };
    expect(isConsentActive(adult, at('2026-02-28', '2008-02-29'))).toBe(true);
    expect(isConsentActive(adult, at('2026-03-01', '2008-02-29'))).toBe(false);
  });

  it("does not honour a custody holder's consent when the birth date is unknown, but does the young person's", () => {
    expect(consentInactiveReasons(consent, at('2026-06-01', null))).toEqual(['BIRTH_DATE_UNKNOWN']);
    expect(isConsentActive({ ...consent, givenBy: 'YOUNG_PERSON' }, at('2026-06-01', null))).toBe(true);
  });

  it('reports every reason that applies unless withdrawn', () => {
    expect(consentInactiveReasons(consent, at('2027-01-01', '2008-03-01'))).toEqual([
      'EXPIRED',
      'CUSTODY_HOLDER_CONSENT_LAPSED',
    ]);
    const withdrawn = { ...consent, withdrawnAt: '2026-02-01T00:00:00Z' };
    expect(consentInactiveReasons(withdrawn, at('2027-01-01', '2008-03-01'))).toEqual(['WITHDRAWN']);
  });
});

describe('consentCovers', () => {
  const toPracticeA: ConsentRecord = {
    givenBy: 'CUSTODY_HOLDER',
    givenOn: '2026-01-10',
    recipientSector: 'GENERAL_PRACTICE',
    recipientOrganisation: '123456',
    purposes: ['CARE_COORDINATION', 'EARLY_DETECTION'],
    validFrom: '2026-01-10',
    validUntil: null,
    withdrawnAt: null,
  };
  const practiceA = { sector: 'GENERAL_PRACTICE', organisation: '123456' } as const;
  const practiceB = { sector: 'GENERAL_PRACTICE', organisation: '654321' } as const;
  const municipality = { sector: 'MUNICIPALITY', organisation: '123456' } as const;

  it('covers the named organisation for each named purpose', () => {
    expect(consentCovers(toPracticeA, practiceA, 'CARE_COORDINATION')).toBe(true);
    expect(consentCovers(toPracticeA, practiceA, 'EARLY_DETECTION')).toBe(true);
  });

  it('does not cover another purpose', () => {
    expect(consentCovers(toPracticeA, practiceA, 'ASSESSMENT_AND_TREATMENT')).toBe(false);
    expect(consentCoverageGaps(toPracticeA, practiceA, 'ASSESSMENT_AND_TREATMENT')).toEqual(['OTHER_PURPOSE']);
  });

  it('does not cover another organisation of the sector, unless it names none', () => {
    expect(consentCoverageGaps(toPracticeA, practiceB, 'CARE_COORDINATION')).toEqual(['OTHER_ORGANISATION']);
    expect(consentCovers({ ...toPracticeA, recipientOrganisation: null }, practiceB, 'CARE_COORDINATION')).toBe(true);
  });

  it('does not cover another sector, even with the same organisation code', () => {
    expect(consentCoverageGaps(toPracticeA, municipality, 'CARE_COORDINATION')).toEqual(['OTHER_SECTOR']);
    expect(consentCoverageGaps(toPracticeA, municipality, 'ASSESSMENT_AND_TREATMENT')).toEqual([
      'OTHER_SECTOR',
      'OTHER_PURPOSE',
    ]);
  });
});
