import { decideChildRead, type ConsentRecord, type Principal, type Purpose } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@pathway-graph/shared/testing/refusal';
import { outcomeRecipientsToSend, referralConsentRecords, statusDisclosure, type ReferralConsentSource } from './consent.ts';

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

describe("BUA's status messages after the custody holder's consent lapsed at 18", () => {
  // Referred at 11 on a custody holder's consent; turns 18 on 2033-03-04.
  const young = { ...referral, birthDate: '2015-03-04' };
  const at = (today: string) => ({ today, now: new Date(`${today}T10:00:00Z`) });
  const ownConsent = (party: 'MUNICIPALITY' | 'GENERAL_PRACTICE', organisation: string | null, overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
    givenBy: 'YOUNG_PERSON',
    givenOn: '2033-03-04',
    recipientSector: party,
    recipientOrganisation: organisation,
    purposes: ['CARE_COORDINATION'],
    validFrom: '2033-03-04',
    validUntil: null,
    withdrawnAt: null,
    ...overrides,
  });

  it('tells both parties the day before the 18th birthday', () => {
    expect(statusDisclosure(young, [], at('2033-03-03'))).toEqual({ tell: ['MUNICIPALITY', 'GENERAL_PRACTICE'], notTold: [] });
  });

  it('tells neither from the birthday on, naming each party and the lapsed consent', () => {
    const d = statusDisclosure(young, [], at('2033-03-04'));
    expect(d.tell).toEqual([]);
    expect(d.notTold).toEqual([
      { party: 'MUNICIPALITY', organisation: '751', reason: 'CUSTODY_HOLDER_CONSENT_LAPSED', explanation: expect.stringMatching(/custody holder's, which ended when the young person turned 18/) },
      { party: 'GENERAL_PRACTICE', organisation: '107510', reason: 'CUSTODY_HOLDER_CONSENT_LAPSED', explanation: expect.stringMatching(/^The GP was not told/) },
    ]);
  });

  it("tells the party the young person's own consent names, and only it", () => {
    const d = statusDisclosure(young, [ownConsent('MUNICIPALITY', '751')], at('2033-04-01'));
    expect(d.tell).toEqual(['MUNICIPALITY']);
    expect(d.notTold.map((n) => [n.party, n.reason])).toEqual([['GENERAL_PRACTICE', 'CUSTODY_HOLDER_CONSENT_LAPSED']]);
  });

  it("keeps telling on the young person's own consent given with the referral (from 15)", () => {
    expect(statusDisclosure({ ...young, consents: [{ givenBy: 'YOUNG_PERSON', givenOn: '2031-01-01' }] }, [], at('2034-01-01')).tell).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE']);
  });

  it.each([
    ['withdrawn', ownConsent('GENERAL_PRACTICE', '107510', { withdrawnAt: '2033-03-10T08:00:00Z' })],
    ['for another practice', ownConsent('GENERAL_PRACTICE', '106570')],
    ['for another purpose', ownConsent('GENERAL_PRACTICE', '107510', { purposes: ['EARLY_DETECTION'] })],
  ])("does not count the young person's consent %s", (_, consent) => {
    const d = statusDisclosure(young, [consent], at('2033-04-01'));
    expect(d.tell).not.toContain('GENERAL_PRACTICE');
  });

  it('says NO_CONSENT when no consent ever covered the party', () => {
    const d = statusDisclosure({ ...young, consents: [] }, [], at('2026-12-02'));
    expect(d.notTold.map((n) => n.reason)).toEqual(['NO_CONSENT', 'NO_CONSENT']);
  });
});

describe('sending the outcome to the parties BUA may tell now', () => {
  const at = '2033-03-10T10:00:00Z';
  const assessed = { status: 'ASSESSED' as const, history: [], visitationDecision: 'ASSESSMENT' as const, communicated: { PARENTS: at } };

  it('sends to the tellable parties not yet told, and to nobody else', () => {
    expect(outcomeRecipientsToSend(assessed, ['MUNICIPALITY', 'GENERAL_PRACTICE'])).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE']);
    expect(outcomeRecipientsToSend({ ...assessed, communicated: { MUNICIPALITY: at } }, ['MUNICIPALITY', 'GENERAL_PRACTICE'])).toEqual(['GENERAL_PRACTICE']);
    expect(outcomeRecipientsToSend({ ...assessed, status: 'VISITED', visitationDecision: 'NO_ASSESSMENT_NEEDED' }, ['GENERAL_PRACTICE'])).toEqual(['GENERAL_PRACTICE']);
  });

  it.each([
    ['before an outcome', { ...assessed, status: 'ASSESSMENT_STARTED' as const }, ['MUNICIPALITY' as const], 'OUTCOME_NOT_RECORDED'],
    ['after closing', { ...assessed, status: 'CLOSED' as const }, ['MUNICIPALITY' as const], 'CLOSED'],
    ['when every tellable party was told', { ...assessed, communicated: { MUNICIPALITY: at } }, ['MUNICIPALITY' as const], 'NOTHING_TO_SEND'],
    ['when no party may be told', assessed, [], 'NOTHING_TO_SEND'],
  ])('refuses %s with CONFLICT', (_, state, tellable, reason) => {
    const refusal = refusalOf(() => outcomeRecipientsToSend(state, tellable));
    expect(refusal).toMatchObject({ code: 'CONFLICT', field: 'referralId', extensions: { reason } });
  });
});
