import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actionPlanDueOn, assertOffersSuit, isOverdue, PLAN_LIMITS, validatePlanInput, type OfferFacts, type PlanInput } from './rules.ts';

const TODAY = '2026-09-08';
const RESULT = '0190f3c8-0000-7000-8000-000000000001';
const OFFER_A = '0190f3c8-0000-7000-8000-00000000000a';
const OFFER_B = '0190f3c8-0000-7000-8000-00000000000b';

function refusal(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
const refused = (fn: () => unknown) => {
  const e = refusal(fn);
  return { code: e.extensions['code'], field: e.extensions['field'], rule: e.extensions['rule'] ?? null, message: e.message };
};

const plan = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  screeningResultId: RESULT,
  offerIds: [OFFER_A],
  responsible: { sector: 'MUNICIPALITY', organisation: '751', personName: 'Demo Koordinator', phone: '+45 70 00 00 00' },
  followUpOn: '2026-11-10',
  ...overrides,
});

describe('an action plan’s own input', () => {
  it('takes a positive result’s id, one to ten offers, the responsible organisation and person, and a follow-up within a year', () => {
    expect(validatePlanInput(plan({ note: 'Opfølgning med ny WHO-5.\nRing til familien.' }), TODAY)).toEqual({
      screeningResultId: RESULT,
      offerIds: [OFFER_A],
      responsible: { sector: 'MUNICIPALITY', organisation: '751', personName: 'Demo Koordinator', phone: '+45 70 00 00 00' },
      followUpOn: '2026-11-10',
      note: 'Opfølgning med ny WHO-5.\nRing til familien.',
    });
  });

  it('refuses a plan without offers, with more than ten, with an id that is not one, or naming an offer twice', () => {
    expect(refused(() => validatePlanInput(plan({ offerIds: [] }), TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.offerIds' });
    const eleven = Array.from({ length: PLAN_LIMITS.offers + 1 }, (_, i) => `0190f3c8-0000-7000-8000-${String(i).padStart(12, '0')}`);
    expect(refused(() => validatePlanInput(plan({ offerIds: eleven }), TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.offerIds' });
    expect(refused(() => validatePlanInput(plan({ offerIds: [OFFER_A, 'tilbud-1'] }), TODAY))).toMatchObject({ field: 'input.offerIds[1]' });
    expect(refused(() => validatePlanInput(plan({ offerIds: [OFFER_A, OFFER_B, OFFER_A] }), TODAY))).toMatchObject({ field: 'input.offerIds[2]' });
  });

  it('refuses a result id that is not one', () => {
    expect(refused(() => validatePlanInput(plan({ screeningResultId: '42' }), TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.screeningResultId' });
  });

  it('makes an organisation that cares for children responsible, named as its sector names it', () => {
    const responsible = (r: Partial<PlanInput['responsible']>) => plan({ responsible: { ...plan().responsible, ...r } });
    expect(refused(() => validatePlanInput(responsible({ sector: 'REGION', organisation: 'RM' }), TODAY))).toMatchObject({ field: 'input.responsible.sector' });
    expect(refused(() => validatePlanInput(responsible({ sector: 'MUNICIPALITY', organisation: '9999' }), TODAY))).toMatchObject({ field: 'input.responsible.organisation' });
    expect(validatePlanInput(responsible({ sector: 'PAEDIATRICS', organisation: '9990021000016000' }), TODAY).responsible.sector).toBe('PAEDIATRICS');
    expect(refused(() => validatePlanInput(responsible({ personName: ' ' }), TODAY))).toMatchObject({ field: 'input.responsible.personName' });
    expect(refused(() => validatePlanInput(responsible({ personName: 'x'.repeat(PLAN_LIMITS.personName + 1) }), TODAY))).toMatchObject({ field: 'input.responsible.personName' });
    expect(refused(() => validatePlanInput(responsible({ personName: 'Demo\u0000Koordinator' }), TODAY))).toMatchObject({ field: 'input.responsible.personName' });
    expect(refused(() => validatePlanInput(responsible({ phone: '7'.repeat(PLAN_LIMITS.phone + 1) }), TODAY))).toMatchObject({ field: 'input.responsible.phone' });
  });

  it('follows up after today and within a year', () => {
    expect(refused(() => validatePlanInput(plan({ followUpOn: TODAY }), TODAY))).toMatchObject({ field: 'input.followUpOn' });
    expect(refused(() => validatePlanInput(plan({ followUpOn: '2027-09-10' }), TODAY))).toMatchObject({ field: 'input.followUpOn' });
    expect(validatePlanInput(plan({ followUpOn: '2027-09-09' }), TODAY).followUpOn).toBe('2027-09-09');
    expect(refused(() => validatePlanInput(plan({ followUpOn: '2026-02-30' }), TODAY))).toMatchObject({ field: 'input.followUpOn' });
  });

  it('keeps a note to 2000 characters, line breaks allowed', () => {
    expect(refused(() => validatePlanInput(plan({ note: 'x'.repeat(PLAN_LIMITS.note + 1) }), TODAY))).toMatchObject({ field: 'input.note' });
    expect(validatePlanInput(plan({ note: 'x'.repeat(PLAN_LIMITS.note) }), TODAY).note).toHaveLength(PLAN_LIMITS.note);
  });
});

describe('the offers of a plan, against the municipality’s catalogue', () => {
  const offer = (o: Partial<OfferFacts> = {}): OfferFacts => ({
    id: OFFER_A,
    municipalityCode: 751,
    tracks: ['CHRONIC_SOMATIC_ILLNESS'],
    minAge: 7,
    maxAge: 15,
    available: true,
    ...o,
  });
  // Born 2014-03-10: 12 on TODAY.
  const child = { municipalityCode: 751 as number | null, track: 'CHRONIC_SOMATIC_ILLNESS' as const, birthDate: '2014-03-10', today: TODAY };
  const check = (o: OfferFacts | null, c: Partial<typeof child> = {}) => () => assertOffersSuit([OFFER_A], new Map([[OFFER_A, o]]), { ...child, ...c });

  it('accepts an available offer of the child’s municipality for its track and age', () => {
    expect(check(offer())).not.toThrow();
    expect(check(offer({ minAge: 12, maxAge: 12 }))).not.toThrow();
  });

  it('names the offer and why it does not fit', () => {
    expect(refused(check(null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.offerIds[0]', rule: 'OFFER_NOT_FOUND' });
    expect(refused(check(offer({ municipalityCode: 657 })))).toMatchObject({ rule: 'OFFER_OF_ANOTHER_MUNICIPALITY' });
    expect(refused(check(offer({ available: false })))).toMatchObject({ rule: 'OFFER_NOT_AVAILABLE' });
    expect(refused(check(offer({ tracks: ['RELATIVE_OF_MENTALLY_ILL'] })))).toMatchObject({ rule: 'OFFER_NOT_FOR_TRACK' });
    expect(refused(check(offer({ minAge: 13 })))).toMatchObject({ rule: 'OFFER_NOT_FOR_AGE' });
    expect(refused(check(offer({ maxAge: 11 })))).toMatchObject({ rule: 'OFFER_NOT_FOR_AGE' });
  });

  it('takes any municipality’s offer for a membership from before the municipality was asked', () => {
    expect(check(offer({ municipalityCode: 657 }), { municipalityCode: null })).not.toThrow();
  });

  it('names the second offer when the first fits', () => {
    const offers = new Map<string, OfferFacts | null>([
      [OFFER_A, offer()],
      [OFFER_B, offer({ id: OFFER_B, available: false })],
    ]);
    expect(refused(() => assertOffersSuit([OFFER_A, OFFER_B], offers, child))).toMatchObject({ field: 'input.offerIds[1]', rule: 'OFFER_NOT_AVAILABLE' });
  });
});

describe('when a missing plan is due', () => {
  it('is the configured number of days after the positive screening, and overdue the day after', () => {
    expect(actionPlanDueOn('2026-09-01', 14)).toBe('2026-09-15');
    expect(actionPlanDueOn('2026-12-25', 14)).toBe('2027-01-08');
    expect(actionPlanDueOn('2028-02-20', 14)).toBe('2028-03-05');
    expect(isOverdue('2026-09-15', '2026-09-15')).toBe(false);
    expect(isOverdue('2026-09-15', '2026-09-16')).toBe(true);
  });
});
