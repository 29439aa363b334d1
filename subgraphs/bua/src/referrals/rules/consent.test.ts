import { decideChildRead, type Principal, type Purpose } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { referralConsentRecords, type ReferralConsentSource } from './consent.ts';

const referral: ReferralConsentSource = { consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-01' }], municipalityCode: 751, ydernummer: '107510' };
const reader = (sector: Principal['sector'], organisation: string, roles: Principal['roles'] = sector === 'MUNICIPALITY' ? ['CASEWORKER'] : ['GP']): Principal => ({
  subject: `test:${organisation}`,
  displayName: 'Test',
  sector,
  organisation,
  roles,
});

/** BUA's decision on showing the referral, with no consent recorded at BUA: only the referral's own consents. */
function decide(principal: Principal, overrides: { referral?: ReferralConsentSource; birthDate?: string; today?: string; purpose?: Purpose } = {}) {
  return decideChildRead({
    principal,
    purpose: overrides.purpose ?? 'CARE_COORDINATION',
    owner: { sectors: ['BUA'], organisation: null, description: 'BUA' },
    dataClass: 'PERSONAL',
    what: 'the referral',
    consents: referralConsentRecords(overrides.referral ?? referral),
    birthDate: overrides.birthDate ?? '2015-03-04',
    today: overrides.today ?? '2026-12-02',
    now: new Date(`${overrides.today ?? '2026-12-02'}T10:00:00Z`),
  });
}

describe("a referral's own consents at BUA", () => {
  it("let the child's municipality and practice named in the referral follow it, for coordination and treatment", () => {
    expect(decide(reader('MUNICIPALITY', '751'))).toEqual({ allowed: true, basis: 'CONSENT' });
    expect(decide(reader('GENERAL_PRACTICE', '107510'))).toEqual({ allowed: true, basis: 'CONSENT' });
    expect(decide(reader('GENERAL_PRACTICE', '107510'), { purpose: 'ASSESSMENT_AND_TREATMENT' })).toMatchObject({ allowed: true });
  });

  it.each([
    ['another municipality', reader('MUNICIPALITY', '657')],
    ['another practice', reader('GENERAL_PRACTICE', '106570')],
    ['another sector', reader('PAEDIATRICS', '1234567', ['PAEDIATRICIAN'])],
  ])('do not open it to %s', (_, principal) => {
    expect(decide(principal)).toMatchObject({ allowed: false, code: 'CONSENT_REQUIRED' });
  });

  it('cover no other purpose (early detection)', () => {
    expect(decide(reader('MUNICIPALITY', '751'), { purpose: 'EARLY_DETECTION' })).toMatchObject({ allowed: false, code: 'CONSENT_REQUIRED' });
  });

  it("stop counting when a custody holder's consent lapses at 18; the young person's own goes on", () => {
    const adult = { birthDate: '2008-12-01', today: '2026-12-02' };
    expect(decide(reader('MUNICIPALITY', '751'), adult)).toMatchObject({ allowed: false, code: 'CONSENT_REQUIRED', details: { consentProblems: ['CUSTODY_HOLDER_CONSENT_LAPSED'] } });
    const own = { ...referral, consents: [{ givenBy: 'YOUNG_PERSON' as const, givenOn: '2026-06-01' }] };
    expect(decide(reader('MUNICIPALITY', '751'), { ...adult, referral: own })).toEqual({ allowed: true, basis: 'CONSENT' });
  });

  it('count from the day they were given', () => {
    expect(decide(reader('MUNICIPALITY', '751'), { today: '2026-10-31' })).toMatchObject({ allowed: false, details: { consentProblems: ['NOT_YET_VALID'] } });
  });
});
