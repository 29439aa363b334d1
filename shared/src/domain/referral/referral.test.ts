import { describe, expect, it } from 'vitest';
import { expectRefusal, refusalOf } from '../../testing/refusal.ts';
import { MISSING_NOTIFICATION, MISSING_PHONE_CONTACT, acuteReferralProblems, validateReferral, type ReferralInput } from './referral.ts';

const NOW = new Date('2026-12-01T10:00:00+01:00');
/** Born 2015-03-04: 11 on TODAY, so a custody holder consents. */
const CHILD = { birthDate: '2015-03-04', today: '2026-12-01', now: NOW };
/** Born 2010-06-01: 16 on TODAY, so the young person consents. */
const YOUNG = { ...CHILD, birthDate: '2010-06-01' };
const SCREENING = '0197a1c2-0000-7000-8000-0000000000a1';

const trin2 = {
  kind: 'PSYCHOLOGICAL',
  step: 'TRIN_2',
  description: 'Forløb hos PPR-psykolog, 8 samtaler om angst',
  startedOn: '2026-05-01',
  endedOn: '2026-09-30',
  responsible: 'PPR, Aarhus Kommune',
  effect: 'NOT_AS_EXPECTED',
};

const gp = (overrides: Partial<ReferralInput> = {}): ReferralInput => ({
  referrerSector: 'GENERAL_PRACTICE',
  reason: 'Tiltagende angst og skolefravær gennem 6 måneder; ønsker udredning for angst og ADHD.',
  stepReached: 'NONE',
  acute: false,
  screeningResultIds: [SCREENING],
  consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-28' }],
  ...overrides,
});

const municipality = (overrides: Partial<ReferralInput> = {}): ReferralInput =>
  gp({ referrerSector: 'MUNICIPALITY', stepReached: 'TRIN_2', interventionsTried: [trin2], ...overrides });

const acuteCall = { at: '2026-12-01T09:30:00+01:00', withWhom: 'Vagthavende læge, BUA akutmodtagelse' };
const notification = { filedAt: '2026-12-01T09:45:00+01:00' };

describe('validateReferral', () => {
  it('accepts a GP referral directly, without the municipality (agreement 6.2)', () => {
    const referral = validateReferral(gp(), CHILD);
    expect(referral).toMatchObject({ referrerSector: 'GENERAL_PRACTICE', stepReached: 'NONE', acute: false, screeningResultIds: [SCREENING] });
    expect(referral.interventionsTried).toEqual([]);
  });

  it("accepts a municipality's referral after Trin 2 without the expected effect, with its interventions", () => {
    const referral = validateReferral(municipality(), CHILD);
    expect(referral.interventionsTried).toEqual([{ ...trin2, kind: 'PSYCHOLOGICAL', step: 'TRIN_2', effect: 'NOT_AS_EXPECTED' }]);
  });

  it("accepts a young person's own consent from 15, and keeps a custody holder's beside it", () => {
    const consents = [
      { givenBy: 'YOUNG_PERSON' as const, givenOn: '2026-11-20' },
      { givenBy: 'CUSTODY_HOLDER' as const, givenOn: '2026-11-20' },
    ];
    expect(validateReferral(gp({ consents }), YOUNG).consents).toEqual(consents);
  });

  it('accepts an acute GP referral with the phone call and the notification recorded', () => {
    const referral = validateReferral(gp({ acute: true, emergencyPhoneContact: acuteCall, notificationFiled: notification }), CHILD);
    expect(referral.emergencyPhoneContact).toEqual(acuteCall);
    expect(referral.notificationFiled).toEqual({ ...notification, reference: null });
  });

  it("accepts a municipality's acute referral with the phone call only, without the Trin 2 condition", () => {
    const referral = validateReferral(municipality({ acute: true, stepReached: 'TRIN_1', interventionsTried: [], emergencyPhoneContact: acuteCall }), CHILD);
    expect(referral.notificationFiled).toBeNull();
  });

  it.each([
    ['referrerSector', { referrerSector: 'BUA' as never }, /The referring sector must be one of GENERAL_PRACTICE, MUNICIPALITY/],
    ['reason', { reason: '  ' }, /The reason for the referral is required/],
    ['reason', { reason: 'x'.repeat(4001) }, /4001 characters long; at most 4000/],
    ['stepReached', { stepReached: 'TRIN_3' }, /The step the pathway has reached must be one of NONE, TRIN_1, TRIN_2/],
    ['acute', { acute: 'yes' as never }, /acute must be true or false/],
    ['screeningResultIds[0]', { screeningResultIds: ['sdq-1'] }, /not the id of a screening result/],
    ['screeningResultIds[1]', { screeningResultIds: [SCREENING, SCREENING.toUpperCase()] }, /repeats a screening result/],
    ['screeningResultIds', { screeningResultIds: Array.from({ length: 21 }, () => SCREENING) }, /21 entries; at most 20/],
    ['consents', { consents: [] }, /needs the consent to refer and share/],
    ['consents[0].givenBy', { consents: [{ givenBy: 'YOUNG_PERSON', givenOn: '2026-11-28' }] }, /under 15 on 2026-11-28, so the consent is a custody holder's/],
    ['consents[0].givenOn', { consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-12-02' }] }, /lies in the future/],
    ['consents[0].givenOn', { consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2015-01-01' }] }, /before the child was born/],
    ['consents[0].givenOn', { consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-02-30' }] }, /not a real calendar date/],
    ['interventionsTried[0].endedOn', { interventionsTried: [{ ...trin2, endedOn: '2026-04-01' }] }, /ends \(2026-04-01\) before it starts \(2026-05-01\)/],
  ] as const)('refuses a bad %s', (field, overrides, message) => {
    expectRefusal(() => validateReferral(gp(overrides as Partial<ReferralInput>), CHILD), 'BAD_USER_INPUT', field, message);
  });

  it("refuses a 16-year-old's referral with only a custody holder's consent", () => {
    expectRefusal(
      () => validateReferral(gp({ consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' }] }), YOUNG),
      'BAD_USER_INPUT',
      'consents',
      /15 or older and must consent themselves/,
    );
  });

  it('refuses a person who is 18 or older', () => {
    expectRefusal(() => validateReferral(gp(), { ...CHILD, birthDate: '2008-11-30' }), 'BAD_USER_INPUT', 'cpr', /18 or older/);
  });

  it.each([
    ['stepReached', { stepReached: 'TRIN_1' }, /refers to BUA after Trin 2/],
    ['interventionsTried', { interventionsTried: [] }, /must attach the interventions tried/],
    ['interventionsTried', { interventionsTried: [{ ...trin2, effect: 'AS_EXPECTED' }] }, /None of the interventions tried is a Trin 2 intervention recorded as not having the expected effect/],
    ['interventionsTried', { interventionsTried: [{ ...trin2, step: 'TRIN_1' }] }, /None of the interventions tried/],
    ['interventionsTried[0].kind', { interventionsTried: [{ ...trin2, kind: 'MEDICAL' }] }, /The kind of intervention must be one of SOCIAL, PSYCHOLOGICAL, PEDAGOGICAL/],
  ] as const)("refuses a municipality's non-acute referral: %s", (field, overrides, message) => {
    expectRefusal(() => validateReferral(municipality(overrides as Partial<ReferralInput>), CHILD), 'BAD_USER_INPUT', field, message);
  });
});

describe('acute referrals', () => {
  it('name both missing things, one message each, when a GP sends neither', () => {
    const refusal = refusalOf(() => validateReferral(gp({ acute: true }), CHILD));
    expect(refusal.code).toBe('BAD_USER_INPUT');
    expect(refusal.field).toBe('emergencyPhoneContact');
    expect(refusal.extensions['fields']).toEqual(['emergencyPhoneContact', 'notificationFiled']);
    expect(refusal.extensions['problems']).toEqual([MISSING_PHONE_CONTACT, MISSING_NOTIFICATION]);
    expect(refusal.message).toContain('phone them first');
    expect(refusal.message).toContain('never as a correspondence letter');
  });

  it.each([
    ['emergencyPhoneContact', { notificationFiled: notification }, /phone them first, then record the call/],
    ['notificationFiled', { emergencyPhoneContact: acuteCall }, /notification \(underretning\) to the municipality filed/],
    ['emergencyPhoneContact.withWhom', { emergencyPhoneContact: { at: acuteCall.at, withWhom: ' ' }, notificationFiled: notification }, /with whom you spoke/],
    ['emergencyPhoneContact.at', { emergencyPhoneContact: { at: '', withWhom: 'x' }, notificationFiled: notification }, /when the psychiatric emergency service was phoned/],
    ['emergencyPhoneContact.at', { emergencyPhoneContact: { at: '2026-12-01T11:00:00+01:00', withWhom: 'x' }, notificationFiled: notification }, /must have been made before the referral is sent/],
    ['emergencyPhoneContact.at', { emergencyPhoneContact: { at: '2026-12-01 09:30', withWhom: 'x' }, notificationFiled: notification }, /date and time with a time zone/],
    ['notificationFiled.filedAt', { emergencyPhoneContact: acuteCall, notificationFiled: { filedAt: '' } }, /when the notification \(underretning\) was filed/],
    ['notificationFiled.filedAt', { emergencyPhoneContact: acuteCall, notificationFiled: { filedAt: '2026-12-02T09:00:00+01:00' } }, /lies in the future/],
  ] as const)('refuse a GP referral lacking %s', (field, overrides, message) => {
    expectRefusal(() => validateReferral(gp({ acute: true, ...(overrides as Partial<ReferralInput>) }), CHILD), 'BAD_USER_INPUT', field, message);
  });

  it('list no problems for a referral that is not acute', () => {
    expect(acuteReferralProblems(gp(), NOW)).toEqual([]);
  });
});
