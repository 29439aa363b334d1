import { describe, expect, it } from 'vitest';
import {
  atLeastTrin3WhileBuaResponsible,
  currentStep,
  interventionAtItsStep,
  latestStep,
  letterAtItsStep,
  medicationAgreement,
  referralInPsychiatry,
  screeningActionPlan,
  treatmentResponsibilityReturned,
  treatmentResponsibilityTaken,
} from './step.ts';
import type { TimelineEvent } from './timeline.ts';

let n = 0;
const ev = (kind: TimelineEvent['kind'], at: string, recordStep: TimelineEvent['recordStep'] = null, sector: TimelineEvent['sector'] = 'BUA'): TimelineEvent => ({
  id: `${sector}:${kind}:${++n}`,
  sector,
  at,
  kind,
  recordStep,
  subjectId: `s${n}`,
  summary: '',
});

describe('letterAtItsStep', () => {
  it('reads every letter event at the step the letter names', () => {
    expect(letterAtItsStep.step(ev('LETTER_SENT', '2026-01-01T10:00:00.000Z', 'TRIN_1', 'GENERAL_PRACTICE'))).toBe('TRIN_1');
    expect(letterAtItsStep.step(ev('LETTER_REPLIED', '2026-01-01T10:00:00.000Z', 'TRIN_2', 'MUNICIPALITY'))).toBe('TRIN_2');
  });
  it('reads no step from a letter that names none, nor from anything but a letter', () => {
    expect(letterAtItsStep.step(ev('LETTER_RECEIVED', '2026-01-01T10:00:00.000Z', null, 'MUNICIPALITY'))).toBeNull();
    expect(letterAtItsStep.step(ev('INTERVENTION_STARTED', '2026-01-01T10:00:00.000Z', 'TRIN_1', 'MUNICIPALITY'))).toBeNull();
  });
});

describe('interventionAtItsStep', () => {
  it('reads a started intervention at its step, Trin 4 included', () => {
    expect(interventionAtItsStep.step(ev('INTERVENTION_STARTED', '2026-01-01T00:00:00.000Z', 'TRIN_2', 'MUNICIPALITY'))).toBe('TRIN_2');
    expect(interventionAtItsStep.step(ev('INTERVENTION_STARTED', '2026-01-01T00:00:00.000Z', 'TRIN_4', 'MUNICIPALITY'))).toBe('TRIN_4');
  });
  it('reads no step from an intervention ending', () => {
    expect(interventionAtItsStep.step(ev('INTERVENTION_ENDED', '2026-01-01T00:00:00.000Z', 'TRIN_2', 'MUNICIPALITY'))).toBeNull();
  });
});

describe('referralInPsychiatry', () => {
  it.each(['REFERRAL_RECEIVED', 'VISITATION_ASSESSMENT', 'VISITATION_NO_ASSESSMENT', 'ASSESSMENT_STARTED', 'ASSESSMENT_CONCLUDED', 'OUTCOME_COMMUNICATED'] as const)('reads %s as Trin 3', (kind) => {
    expect(referralInPsychiatry.step(ev(kind, '2026-01-01T10:00:00.000Z'))).toBe('TRIN_3');
  });
  it('does not read a referral only sent (BUA has not received it) or closed', () => {
    expect(referralInPsychiatry.step(ev('REFERRAL_SENT', '2026-01-01T10:00:00.000Z', null, 'GENERAL_PRACTICE'))).toBeNull();
    expect(referralInPsychiatry.step(ev('REFERRAL_CLOSED', '2026-01-01T10:00:00.000Z'))).toBeNull();
  });
});

describe('treatment responsibility and medication', () => {
  it('BUA taking over is Trin 3, its ending is Trin 4', () => {
    expect(treatmentResponsibilityTaken.step(ev('TREATMENT_RESPONSIBILITY_TAKEN', '2026-01-01T10:00:00.000Z'))).toBe('TRIN_3');
    expect(treatmentResponsibilityTaken.step(ev('TREATMENT_RESPONSIBILITY_RETURNED', '2026-01-01T10:00:00.000Z'))).toBeNull();
    expect(treatmentResponsibilityReturned.step(ev('TREATMENT_RESPONSIBILITY_RETURNED', '2026-01-01T10:00:00.000Z'))).toBe('TRIN_4');
  });
  it.each(['MEDICATION_AGREEMENT_PROPOSED', 'MEDICATION_AGREEMENT_ACCEPTED', 'MEDICATION_AGREEMENT_DECLINED'] as const)('reads %s as Trin 4', (kind) => {
    expect(medicationAgreement.step(ev(kind, '2026-01-01T10:00:00.000Z'))).toBe('TRIN_4');
  });
});

describe('latestStep', () => {
  it('is the step of the latest event a rule reads, skipping events no rule reads', () => {
    const timeline = [
      ev('LETTER_SENT', '2026-01-01T10:00:00.000Z', 'TRIN_1', 'GENERAL_PRACTICE'),
      ev('LETTER_SENT', '2026-02-01T10:00:00.000Z', 'TRIN_2', 'GENERAL_PRACTICE'),
      ev('NETWORK_MEETING_HELD', '2026-03-01T00:00:00.000Z', null, 'MUNICIPALITY'),
    ];
    expect(latestStep(timeline)).toMatchObject({ step: 'TRIN_2', event: timeline[1], rule: letterAtItsStep.rule });
  });
  it('can go down again: a Trin 1 letter after a Trin 2 one is Trin 1', () => {
    const timeline = [ev('LETTER_SENT', '2026-02-01T10:00:00.000Z', 'TRIN_2', 'GENERAL_PRACTICE'), ev('LETTER_SENT', '2026-03-01T10:00:00.000Z', 'TRIN_1', 'GENERAL_PRACTICE')];
    expect(latestStep(timeline)?.step).toBe('TRIN_1');
  });
  it('at one instant the higher step wins, whatever the order', () => {
    const at = '2026-04-01T10:00:00.000Z';
    expect(latestStep([ev('TREATMENT_RESPONSIBILITY_RETURNED', at), ev('LETTER_SENT', at, 'TRIN_1', 'GENERAL_PRACTICE')])?.step).toBe('TRIN_4');
    expect(latestStep([ev('LETTER_SENT', at, 'TRIN_1', 'GENERAL_PRACTICE'), ev('TREATMENT_RESPONSIBILITY_RETURNED', at)])?.step).toBe('TRIN_4');
  });
  it('is null when no event puts the child at a step', () => {
    expect(latestStep([])).toBeNull();
    expect(latestStep([ev('TRACK_JOINED', '2026-01-01T00:00:00.000Z', null, 'SCREENING')])).toBeNull();
  });
});

describe('atLeastTrin3WhileBuaResponsible', () => {
  const taken = ev('TREATMENT_RESPONSIBILITY_TAKEN', '2026-05-01T10:00:00.000Z');
  const laterLetter = ev('LETTER_SENT', '2026-06-01T10:00:00.000Z', 'TRIN_1', 'GENERAL_PRACTICE');
  it('keeps the child at Trin 3 while BUA holds treatment responsibility, with BUA taking over as the basis', () => {
    const timeline = [taken, laterLetter];
    expect(currentStep(timeline, true)).toMatchObject({ step: 'TRIN_3', event: taken });
  });
  it('does not apply once BUA no longer holds it, or when that is not known', () => {
    expect(currentStep([taken, laterLetter], false)?.step).toBe('TRIN_1');
    expect(currentStep([taken, laterLetter], null)?.step).toBe('TRIN_1');
  });
  it('leaves a higher step as it is', () => {
    const agreed = ev('MEDICATION_AGREEMENT_ACCEPTED', '2026-07-01T10:00:00.000Z', 'TRIN_4', 'GENERAL_PRACTICE');
    expect(currentStep([taken, agreed], true)).toMatchObject({ step: 'TRIN_4', event: agreed });
  });
  it('without BUA taking over in the timeline there is no basis to raise the step on', () => {
    expect(atLeastTrin3WhileBuaResponsible(null, [laterLetter], true)).toBeNull();
  });
});

describe('screeningActionPlan', () => {
  it('reads an action plan after a positive screening at Trin 1, and the positive screening alone at no step', () => {
    expect(screeningActionPlan.step(ev('ACTION_PLAN_MADE', '2026-03-01T11:00:00.000Z', null, 'SCREENING'))).toBe('TRIN_1');
    expect(screeningActionPlan.step(ev('SCREENING_POSITIVE', '2026-03-01T00:00:00.000Z', null, 'SCREENING'))).toBeNull();
    expect(currentStep([ev('TRACK_JOINED', '2026-02-01T00:00:00.000Z', null, 'SCREENING'), ev('SCREENING_POSITIVE', '2026-03-01T00:00:00.000Z', null, 'SCREENING')], false)).toBeNull();
  });
  it('is the basis of the step when the plan is the latest event read, and yields to a later referral in psychiatry', () => {
    const plan = ev('ACTION_PLAN_MADE', '2026-03-01T11:00:00.000Z', null, 'SCREENING');
    expect(latestStep([ev('SCREENING_POSITIVE', '2026-03-01T00:00:00.000Z', null, 'SCREENING'), plan])).toEqual({ step: 'TRIN_1', event: plan, rule: screeningActionPlan.rule });
    expect(latestStep([plan, ev('REFERRAL_RECEIVED', '2026-05-01T09:00:00.000Z')])?.step).toBe('TRIN_3');
  });
});
