import { childPseudonym, type Principal } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertMayRegister, validateEnd, validateRegistration, type RegistrationInput } from './registration.ts';
import { mayActInTrack, registeringSectors, screeningSectors, TRACK_DEFINITIONS } from './reference.ts';

const SECRET = 'test-secret-for-pseudonyms-0123456789abcdef';
const TODAY = '2026-11-23';
const ctx = { today: TODAY, pseudonymSecret: SECRET };
/** Synthetic: born 2015-04-02 (7th digit 4, YY 15: the 2000s). */
const CPR = '0204154123';

function refusal(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const person = (sector: Principal['sector'], organisation: string, roles: Principal['roles']): Principal => ({
  subject: 'test:x',
  displayName: 'Test',
  sector,
  organisation,
  roles,
});

const track2: RegistrationInput = { cpr: CPR, track: 'CHRONIC_SOMATIC_ILLNESS', municipalityCode: 751, chronicIllness: { diagnosisCode: 'E10.9' } };

describe('the three tracks as reference data', () => {
  it('name the participants of the terms of reference, track by track', () => {
    expect(TRACK_DEFINITIONS.map((t) => [t.number, t.participants.map((p) => p.kind)])).toEqual([
      [1, ['BUA', 'GENERAL_PRACTICE', 'PPR', 'FAMILY_SERVICES', 'SCHOOL_SERVICES']],
      [2, ['PAEDIATRICS', 'HEALTH_IT', 'GENERAL_PRACTICE', 'HEALTH_VISITING']],
      [3, ['RELATIVES_ORGANISATION', 'ADULT_PSYCHIATRY', 'FAMILY_SERVICES', 'PPR']],
    ]);
  });

  it('let the paediatric clinic and the GP register in track 2, adult psychiatry alone in track 3', () => {
    expect(registeringSectors('CHRONIC_SOMATIC_ILLNESS')).toEqual(['PAEDIATRICS', 'GENERAL_PRACTICE']);
    expect(registeringSectors('RELATIVE_OF_MENTALLY_ILL')).toEqual(['ADULT_PSYCHIATRY']);
    expect(screeningSectors('RELATIVE_OF_MENTALLY_ILL')).toEqual(['MUNICIPALITY']);
    expect(screeningSectors('CHRONIC_SOMATIC_ILLNESS')).toEqual(['PAEDIATRICS', 'GENERAL_PRACTICE', 'HEALTH_VISITING']);
  });

  it('need a clinical role as well as a participating sector', () => {
    expect(mayActInTrack(person('GENERAL_PRACTICE', '107510', ['GP']), 'CHRONIC_SOMATIC_ILLNESS', 'register')).toBe(true);
    expect(mayActInTrack(person('GENERAL_PRACTICE', '107510', ['ANALYST']), 'CHRONIC_SOMATIC_ILLNESS', 'register')).toBe(false);
    expect(mayActInTrack(person('HEALTH_VISITING', '751', ['HEALTH_VISITOR']), 'CHRONIC_SOMATIC_ILLNESS', 'register')).toBe(false);
    expect(mayActInTrack(person('HEALTH_VISITING', '751', ['HEALTH_VISITOR']), 'CHRONIC_SOMATIC_ILLNESS', 'screen')).toBe(true);
    expect(refusal(() => assertMayRegister(person('PAEDIATRICS', '9990021000016000', ['PAEDIATRICIAN']), 'RELATIVE_OF_MENTALLY_ILL')).extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'NOT_A_REGISTERING_PARTICIPANT',
    });
  });
});

describe('registering a child in a track', () => {
  it('derives the pseudonym and birth date from the CPR number and keeps neither the number nor more', () => {
    const r = validateRegistration(track2, ctx);
    expect(r).toMatchObject({ childId: childPseudonym(CPR, SECRET), birthDate: '2015-04-02', municipalityCode: 751, since: TODAY, relation: null });
    expect(JSON.stringify(r)).not.toContain(CPR);
  });

  it('takes the chronic illness of track 2 as an ICD-10 code outside chapter F, with the warning that only its form was checked', () => {
    const r = validateRegistration(track2, ctx);
    expect(r.diagnosis).toMatchObject({ sks: 'DE109', icd10: 'E10.9', chapter: 'IV' });
    expect(r.diagnosis!.warnings.map((w) => w.code)).toEqual(['OUTSIDE_CHAPTER_F']);
  });

  it('refuses a chapter F code as a chronic somatic illness, pointing to track 1', () => {
    const error = refusal(() => validateRegistration({ ...track2, chronicIllness: { diagnosisCode: 'DF900' } }, ctx));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.chronicIllness.diagnosisCode' });
    expect(error.message).toMatch(/belongs to track 1/);
  });

  it('takes track 1’s problem area with an optional chapter F code, and refuses a somatic code there', () => {
    const base = { cpr: CPR, track: 'RECOGNISED_MENTAL_PROBLEMS' as const, municipalityCode: 751 };
    expect(validateRegistration({ ...base, recognisedProblem: { area: 'ANXIETY_OR_DEPRESSION' } }, ctx)).toMatchObject({ problemArea: 'ANXIETY_OR_DEPRESSION', diagnosis: null });
    expect(validateRegistration({ ...base, recognisedProblem: { area: 'ATTENTION_OR_HYPERACTIVITY', diagnosisCode: 'F90.0' } }, ctx).diagnosis).toMatchObject({ sks: 'DF900' });
    expect(refusal(() => validateRegistration({ ...base, recognisedProblem: { area: 'OTHER', diagnosisCode: 'J45' } }, ctx)).extensions['field']).toBe(
      'input.recognisedProblem.diagnosisCode',
    );
  });

  it('takes track 3’s relation, the patient’s consent and a call-back number, and nothing about the patient', () => {
    const r = validateRegistration(
      { cpr: CPR, track: 'RELATIVE_OF_MENTALLY_ILL', municipalityCode: 657, relative: { relation: 'PARENT', patientConsentOn: '2026-11-20', contactPhone: '+45 70 00 00 00' } },
      ctx,
    );
    expect(r).toMatchObject({ relation: 'PARENT', patientConsentOn: '2026-11-20', contactPhone: '+45 70 00 00 00', municipalityCode: 657 });
  });

  it.each([
    ['input.cpr', { cpr: '3102154123' }],
    ['input.cpr', { cpr: '0204071234' }], // born 2007: 18 or older on TODAY
    ['input.municipalityCode', { municipalityCode: 101 }],
    ['input.since', { since: '2026-11-24' }],
    ['input.chronicIllness', { chronicIllness: null }],
    ['input.recognisedProblem', { recognisedProblem: { area: 'OTHER' } }],
    ['input.chronicIllness.diagnosisCode', { chronicIllness: { diagnosisCode: 'diabetes' } }],
  ] as const)('refuses a wrong %s, naming the field, without quoting a CPR number', (field, change) => {
    const error = refusal(() => validateRegistration({ ...track2, ...change } as RegistrationInput, ctx));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).not.toMatch(/\d{6}-?\d{4}/);
  });

  it.each([
    ['input.relative.relation', { relation: 'COUSIN' }],
    ['input.relative.patientConsentOn', { relation: 'PARENT', patientConsentOn: '2026-12-01' }],
    ['input.relative.contactPhone', { relation: 'PARENT', contactPhone: 'ring til afdelingen' }],
    ['input.relative.contactPhone', { relation: 'PARENT', contactPhone: '1'.repeat(31) }],
  ] as const)('refuses a wrong %s in track 3', (field, relative) => {
    const input: RegistrationInput = { cpr: CPR, track: 'RELATIVE_OF_MENTALLY_ILL', municipalityCode: 751, relative };
    expect(refusal(() => validateRegistration(input, ctx)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('ending a membership', () => {
  const membership = { since: '2026-01-05', endedOn: null };
  it('ends today by default, or on a day between the start and today', () => {
    expect(validateEnd({ reason: 'NO_LONGER_AT_RISK' }, membership, TODAY)).toEqual({ reason: 'NO_LONGER_AT_RISK', endedOn: TODAY });
    expect(validateEnd({ reason: 'TURNED_18', endedOn: '2026-01-05' }, membership, TODAY).endedOn).toBe('2026-01-05');
  });
  it.each([
    ['reason', { reason: 'BORED' }],
    ['endedOn', { reason: 'OTHER', endedOn: '2026-01-04' }],
    ['endedOn', { reason: 'OTHER', endedOn: '2026-11-24' }],
  ] as const)('refuses a wrong %s', (field, input) => {
    expect(refusal(() => validateEnd(input, membership, TODAY)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
