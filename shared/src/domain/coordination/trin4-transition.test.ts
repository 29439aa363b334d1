import { describe, expect, it } from 'vitest';
import { expectRefusal, refusalOf } from '../../testing/refusal.ts';
import {
  agreementInForce,
  isReviewDue,
  proposeMedicationAgreement,
  respondToMedicationAgreement,
  supersedeMedicationAgreement,
  type MedicationProposalInput,
} from './medication-agreement.ts';
import { addMonths, assertMayMakeTransitionPlan, birthDatesTurning18Within, latestBirthDateTurning18By, missingTransitionPlanAction, needsTransitionPlan, transitionPlanMaker, validateTransitionPlan, type TransitionPlanInput } from './transition-plan.ts';

const proposal: MedicationProposalInput = {
  medicine: { atcCode: 'N06BA04', name: 'Methylphenidat' },
  prescriber: 'GENERAL_PRACTICE',
  prescribesFrom: '2027-01-01',
  reviewOn: '2027-06-01',
  proposedBy: 'BUA',
  proposedAt: '2026-12-10T10:00:00+01:00',
};
const TODAY = '2026-12-10';
const proposed = () => proposeMedicationAgreement(proposal, TODAY).agreement;
const accept = { by: 'GENERAL_PRACTICE', at: '2026-12-11T09:00:00+01:00', accept: true };

describe('medication agreements (Trin 4)', () => {
  it('is proposed by one side and accepted by the other, then in force and reviewed on its date', () => {
    const accepted = respondToMedicationAgreement(proposed(), accept);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', response: { by: 'GENERAL_PRACTICE', accepted: true, reason: null } });
    expect(agreementInForce([accepted])).toBe(accepted);
    expect(isReviewDue(accepted, '2027-05-31')).toBe(false);
    expect(isReviewDue(accepted, '2027-06-01')).toBe(true);
  });

  it('is declined with a reason, and superseded by a newer proposal', () => {
    expect(respondToMedicationAgreement(proposed(), { ...accept, accept: false, reason: 'Ønsker BUA fortsætter til næste kontrol.' }).status).toBe('DECLINED');
    const superseded = supersedeMedicationAgreement(respondToMedicationAgreement(proposed(), accept), '2027-02-01T10:00:00+01:00');
    expect(superseded).toMatchObject({ status: 'SUPERSEDED', supersededAt: '2027-02-01T10:00:00+01:00' });
    expect(agreementInForce([superseded])).toBeNull();
  });

  it('warns about a substance outside N05/N06 and normalises the code', () => {
    const { agreement, warnings } = proposeMedicationAgreement({ ...proposal, medicine: { atcCode: 'c02ac02', name: 'Guanfacin' } }, TODAY);
    expect(agreement.proposal.medicine.atcCode).toBe('C02AC02');
    expect(warnings.map((w) => w.code)).toEqual(['OUTSIDE_PSYCHIATRIC_GROUPS']);
  });

  it.each([
    ['medicine.atcCode', { medicine: { atcCode: 'N06BA', name: 'x' } }, /is an ATC group \(level 4\)/],
    ['medicine.name', { medicine: { atcCode: 'N06BA04', name: '' } }, /The medicine name is required/],
    ['reviewOn', { reviewOn: '2026-12-31' }, /must come after prescribesFrom/],
    ['reviewOn', { prescribesFrom: '2026-01-01', reviewOn: '2026-06-01' }, /lies in the past/],
    ['prescriber', { prescriber: 'MUNICIPALITY' }, /Who prescribes must be one of BUA, GENERAL_PRACTICE/],
    ['proposedAt', { proposedAt: '10 December' }, /time zone/],
  ] as const)('refuses a proposal with a bad %s', (field, overrides, message) => {
    expectRefusal(() => proposeMedicationAgreement({ ...proposal, ...(overrides as Partial<MedicationProposalInput>) }, TODAY), 'BAD_USER_INPUT', field, message);
  });

  it.each([
    ['acceptance by the proposer', () => respondToMedicationAgreement(proposed(), { ...accept, by: 'BUA' }), 'CONFLICT', 'by', /BUA made this proposal, so only the GP can accept or decline it/],
    ['a second acceptance', () => respondToMedicationAgreement(respondToMedicationAgreement(proposed(), accept), accept), 'CONFLICT', 'status', /already accepted by the GP at .*cannot be accepted again/],
    ['accepting a declined proposal', () => respondToMedicationAgreement(respondToMedicationAgreement(proposed(), { ...accept, accept: false, reason: 'Nej' }), accept), 'CONFLICT', 'status', /was declined .*make a new proposal/],
    ['accepting a superseded proposal', () => respondToMedicationAgreement(supersedeMedicationAgreement(proposed(), '2026-12-12T10:00:00+01:00'), accept), 'CONFLICT', 'status', /superseded at .*respond to the newer proposal/],
    ['declining without a reason', () => respondToMedicationAgreement(proposed(), { ...accept, accept: false }), 'BAD_USER_INPUT', 'reason', /Say why the proposal is declined/],
    ['a response before the proposal', () => respondToMedicationAgreement(proposed(), { ...accept, at: '2026-12-09T10:00:00+01:00' }), 'BAD_USER_INPUT', 'at', /before the proposal/],
    ['superseding twice', () => supersedeMedicationAgreement(supersedeMedicationAgreement(proposed(), '2026-12-12T10:00:00+01:00'), '2026-12-13T10:00:00+01:00'), 'CONFLICT', 'status', /already superseded/],
    ['superseding a declined proposal', () => supersedeMedicationAgreement(respondToMedicationAgreement(proposed(), { ...accept, accept: false, reason: 'Nej' }), '2026-12-13T10:00:00+01:00'), 'CONFLICT', 'status', /nothing to supersede/],
  ] as const)('refuses %s', (_, action, code, field, message) => {
    expectRefusal(action, code, field, message);
  });
});

describe('transition to adulthood', () => {
  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-10', -3)).toBe('2026-09-10');
  });

  it.each([
    ['turns 18 in exactly six months', '2009-06-10', '2026-12-10', true, true],
    ['turns 18 in six months and a day', '2009-06-11', '2026-12-10', true, false],
    ['turns 18 tomorrow', '2008-12-11', '2026-12-10', true, true],
    ['turned 18 today', '2008-12-10', '2026-12-10', true, false],
    ['no active pathway', '2009-03-01', '2026-12-10', false, false],
  ] as const)('when the young person %s: %s', (_, birthDate, today, active, expected) => {
    expect(needsTransitionPlan(birthDate, today, active)).toBe(expected);
  });

  it("uses the Danish birthday rule: born 29 February 2008 turns 18 on 1 March 2026", () => {
    expect(needsTransitionPlan('2008-02-29', '2025-09-01', true)).toBe(true);
    expect(needsTransitionPlan('2008-02-29', '2025-08-31', true)).toBe(false);
    expect(needsTransitionPlan('2008-02-29', '2026-02-28', true)).toBe(true);
    expect(needsTransitionPlan('2008-02-29', '2026-03-01', true)).toBe(false);
  });

  const BIRTH = '2009-03-15';
  const plan: TransitionPlanInput = {
    responsible: { sector: 'BUA', name: 'Demo Overlæge', role: 'Overlæge' },
    plannedOn: '2027-03-01',
    receivingService: 'Voksenpsykiatrien, Aarhus Universitetshospital',
    individualAssessment: 'Fortsat behov for medicinsk behandling og støtte til uddannelse.',
    youngPersonConsent: { decision: 'GIVEN', decidedOn: '2026-12-01', scope: 'Overdragelse af journal og medicinaftale til voksenpsykiatrien.' },
  };

  it('gives the birth dates that need a plan as a range a database can select, the same as needsTransitionPlan', () => {
    expect(latestBirthDateTurning18By('2026-03-01')).toBe('2008-03-01');
    expect(latestBirthDateTurning18By('2028-02-29')).toBe('2010-02-28');
    expect(latestBirthDateTurning18By('2026-12-10')).toBe('2008-12-10');
    // Every birth date over four years around the window, for days on either side of a leap day.
    for (const today of ['2026-02-28', '2026-03-01', '2025-09-01', '2025-08-31', '2027-08-29', '2027-08-31', '2026-12-10']) {
      const { bornAfter, bornOnOrBefore } = birthDatesTurning18Within(today);
      for (let t = Date.UTC(2006, 0, 1); t <= Date.UTC(2010, 11, 31); t += 86_400_000) {
        const birthDate = new Date(t).toISOString().slice(0, 10);
        expect(birthDate > bornAfter && birthDate <= bornOnOrBefore, `${birthDate} on ${today}`).toBe(needsTransitionPlan(birthDate, today, true));
      }
    }
  });

  it('validates a plan', () => {
    expect(validateTransitionPlan(plan, { birthDate: BIRTH, today: TODAY })).toMatchObject({ plannedOn: '2027-03-01', youngPersonConsent: { decision: 'GIVEN' } });
    expect(validateTransitionPlan({ ...plan, youngPersonConsent: { decision: 'REFUSED', decidedOn: '2026-12-01' } }, { birthDate: BIRTH, today: TODAY }).youngPersonConsent.scope).toBeNull();
  });

  it.each([
    ['plannedOn', { plannedOn: '2026-12-01' }, /lies in the past/],
    ['plannedOn', { plannedOn: '2027-06-16' }, /more than 3 months after the 18th birthday \(2027-03-15\).*by 2027-06-15/],
    ['youngPersonConsent.decidedOn', { youngPersonConsent: { decision: 'GIVEN', decidedOn: '2024-03-14', scope: 'x' } }, /consents themselves from 15/],
    ['youngPersonConsent.decidedOn', { youngPersonConsent: { decision: 'GIVEN', decidedOn: '2026-12-11', scope: 'x' } }, /lies in the future/],
    ['youngPersonConsent.scope', { youngPersonConsent: { decision: 'GIVEN', decidedOn: '2026-12-01' } }, /What the consent covers/],
    ['youngPersonConsent', { youngPersonConsent: null as never }, /young person's own consent/],
    ['responsible.sector', { responsible: { sector: 'REGION', name: 'x', role: 'y' } }, /The responsible person's sector must be one of/],
    ['receivingService', { receivingService: '' }, /The receiving adult service is required/],
    ['individualAssessment', { individualAssessment: ' ' }, /The individual assessment is required/],
  ] as const)('refuses a plan with a bad %s', (field, overrides, message) => {
    expectRefusal(() => validateTransitionPlan({ ...plan, ...(overrides as Partial<TransitionPlanInput>) }, { birthDate: BIRTH, today: TODAY }), 'BAD_USER_INPUT', field, message);
  });

  const facts = { birthDate: BIRTH, today: TODAY, activePathway: true, hasPlan: false, buaHoldsTreatmentResponsibility: true };

  it.each([
    ['BUA holds treatment responsibility', facts, { owner: 'BUA', dueOn: '2026-12-15', overdue: false }],
    ['BUA does not', { ...facts, buaHoldsTreatmentResponsibility: false }, { owner: 'MUNICIPALITY', dueOn: '2026-12-15', overdue: false }],
    ['the due date passed', { ...facts, today: '2027-01-05' }, { owner: 'BUA', dueOn: '2026-12-15', overdue: true }],
  ] as const)('makes a missing plan an open action when %s', (_, input, expected) => {
    expect(missingTransitionPlanAction(input)).toMatchObject({ ...expected, description: expect.stringContaining('turns 18 on 2027-03-15') });
  });

  it('opens no action when a plan exists or none is needed', () => {
    expect(missingTransitionPlanAction({ ...facts, hasPlan: true })).toBeNull();
    expect(missingTransitionPlanAction({ ...facts, today: '2026-09-01' })).toBeNull();
    expect(missingTransitionPlanAction({ ...facts, activePathway: false })).toBeNull();
  });
});

describe('who makes the transition plan', () => {
  it('is BUA while it holds treatment responsibility, else the municipality', () => {
    expect(transitionPlanMaker(true)).toBe('BUA');
    expect(transitionPlanMaker(false)).toBe('MUNICIPALITY');
    expect(() => assertMayMakeTransitionPlan('BUA', true)).not.toThrow();
    expect(() => assertMayMakeTransitionPlan('MUNICIPALITY', false)).not.toThrow();
  });

  it('refuses the municipality while BUA is responsible, naming BUA', () => {
    const refusal = refusalOf(() => assertMayMakeTransitionPlan('MUNICIPALITY', true));
    expect(refusal.message).toMatch(/transition plan is BUA's to make/);
    expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_RESPONSIBLE_FOR_TRANSITION_PLAN', responsible: 'BUA' });
  });

  it('refuses BUA without treatment responsibility, naming the municipality', () => {
    const refusal = refusalOf(() => assertMayMakeTransitionPlan('BUA', false));
    expect(refusal.message).toMatch(/the municipality's to make/);
    expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', responsible: 'MUNICIPALITY' });
  });

  it('gives the missing plan to the same sector', () => {
    const facts = { birthDate: '2009-03-01', today: '2026-12-10', activePathway: true, hasPlan: false };
    expect(missingTransitionPlanAction({ ...facts, buaHoldsTreatmentResponsibility: true })?.owner).toBe(transitionPlanMaker(true));
    expect(missingTransitionPlanAction({ ...facts, buaHoldsTreatmentResponsibility: false })?.owner).toBe(transitionPlanMaker(false));
  });
});
