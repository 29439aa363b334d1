import type { GraduatedStep, PathwayEventKind } from '../generated/resolvers-types.ts';
import type { TimelineEvent } from './timeline.ts';

/**
 * The step of the graduated pathway (agreement 6.1) a child is at, from its merged timeline. Each rule reads one
 * kind of event as a step, or not at all; the child is at the step of the latest event some rule reads (at the same
 * instant, the higher step), and while BUA holds treatment responsibility at least at Trin 3.
 */
export interface StepRule {
  /** The rule in words, for `StepBasis.rule`. */
  rule: string;
  step(e: TimelineEvent): GraduatedStep | null;
}

const LETTER_KINDS: readonly PathwayEventKind[] = ['LETTER_SENT', 'LETTER_RECEIVED', 'LETTER_READ', 'LETTER_REPLIED'];
const PSYCHIATRY_KINDS: readonly PathwayEventKind[] = ['REFERRAL_RECEIVED', 'VISITATION_ASSESSMENT', 'VISITATION_NO_ASSESSMENT', 'ASSESSMENT_STARTED', 'ASSESSMENT_CONCLUDED', 'OUTCOME_COMMUNICATED'];
const MEDICATION_KINDS: readonly PathwayEventKind[] = ['MEDICATION_AGREEMENT_PROPOSED', 'MEDICATION_AGREEMENT_ACCEPTED', 'MEDICATION_AGREEMENT_DECLINED'];

/** Trin 1 and 2: a correspondence letter between GP and municipality is at the step it names. */
export const letterAtItsStep: StepRule = {
  rule: 'A correspondence letter between the GP and the municipality puts the child at the step the letter names (Trin 1 or 2).',
  step: (e) => (LETTER_KINDS.includes(e.kind) && (e.recordStep === 'TRIN_1' || e.recordStep === 'TRIN_2') ? e.recordStep : null),
};

/** Trin 1, 2 and 4: a municipal intervention is at the step it was recorded for. */
export const interventionAtItsStep: StepRule = {
  rule: 'A municipal intervention puts the child at the step it was started for (Trin 1, 2, or 4 for follow-up).',
  step: (e) => (e.kind === 'INTERVENTION_STARTED' && e.recordStep !== null && e.recordStep !== 'TRIN_3' ? e.recordStep : null),
};

/** Trin 3: BUA received, visited, assessed the referral, or communicated its outcome. */
export const referralInPsychiatry: StepRule = {
  rule: 'A referral BUA has received, visited or assessed, or whose outcome it communicated, puts the child at Trin 3.',
  step: (e) => (PSYCHIATRY_KINDS.includes(e.kind) ? 'TRIN_3' : null),
};

/** Trin 3: BUA took over full treatment responsibility. */
export const treatmentResponsibilityTaken: StepRule = {
  rule: 'BUA taking over treatment responsibility puts the child at Trin 3.',
  step: (e) => (e.kind === 'TREATMENT_RESPONSIBILITY_TAKEN' ? 'TRIN_3' : null),
};

/** Trin 4: BUA's treatment responsibility ended, follow-up is the municipality's. */
export const treatmentResponsibilityReturned: StepRule = {
  rule: "BUA's treatment responsibility ending with its course puts the child at Trin 4 (follow-up).",
  step: (e) => (e.kind === 'TREATMENT_RESPONSIBILITY_RETURNED' ? 'TRIN_4' : null),
};

/** Trin 4: BUA and the GP agree who continues the medication. */
export const medicationAgreement: StepRule = {
  rule: 'A medication agreement between BUA and the GP puts the child at Trin 4 (follow-up).',
  step: (e) => (MEDICATION_KINDS.includes(e.kind) ? 'TRIN_4' : null),
};

/**
 * Trin 1: an action plan after a positive screening gives the child offers from the municipality's catalogue to
 * prevent mental distress (the early-detection mandate's "handleplan"): early intervention on the basis of a
 * professional assessment, the municipality's work at Trin 1. The plan names no step; an in-depth assessment the
 * municipality starts after it is a Trin 2 intervention and places the child there. A positive screening alone is
 * detection, not an intervention, and reads no step.
 */
export const screeningActionPlan: StepRule = {
  rule: "An action plan from the municipality's offers after a positive screening puts the child at Trin 1 (early intervention).",
  step: (e) => (e.kind === 'ACTION_PLAN_MADE' ? 'TRIN_1' : null),
};

export const STEP_RULES: readonly StepRule[] = [
  letterAtItsStep,
  interventionAtItsStep,
  referralInPsychiatry,
  treatmentResponsibilityTaken,
  treatmentResponsibilityReturned,
  medicationAgreement,
  screeningActionPlan,
];

export interface CurrentStep {
  step: GraduatedStep;
  event: TimelineEvent;
  rule: string;
}

/** The step one event puts the child at, and by which rule; null when no rule reads it. */
export function stepOfEvent(e: TimelineEvent): { step: GraduatedStep; rule: string } | null {
  for (const r of STEP_RULES) {
    const step = r.step(e);
    if (step) return { step, rule: r.rule };
  }
  return null;
}

const higher = (a: GraduatedStep, b: GraduatedStep) => a > b;

/** The latest step an event of the timeline (oldest first) puts the child at; at one instant the higher step wins. */
export function latestStep(timeline: readonly TimelineEvent[]): CurrentStep | null {
  let current: CurrentStep | null = null;
  for (const event of timeline) {
    const found = stepOfEvent(event);
    if (!found) continue;
    if (current && current.event.at === event.at && !higher(found.step, current.step)) continue;
    current = { step: found.step, event, rule: found.rule };
  }
  return current;
}

/**
 * While BUA holds treatment responsibility the child is at Trin 3 at least: a later letter about Trin 1 does not move
 * the child out of psychiatry. The basis is then BUA's taking over.
 */
export function atLeastTrin3WhileBuaResponsible(current: CurrentStep | null, timeline: readonly TimelineEvent[], buaHoldsTreatmentResponsibility: boolean): CurrentStep | null {
  if (!buaHoldsTreatmentResponsibility || (current && current.step >= 'TRIN_3')) return current;
  const taken = timeline.filter((e) => e.kind === 'TREATMENT_RESPONSIBILITY_TAKEN').at(-1);
  return taken
    ? { step: 'TRIN_3', event: taken, rule: 'While BUA holds treatment responsibility the child is at Trin 3 at least, whatever happened since.' }
    : current;
}

/** The child's current step from its timeline and whether BUA holds treatment responsibility now (null: unknown). */
export function currentStep(timeline: readonly TimelineEvent[], buaHoldsTreatmentResponsibility: boolean | null): CurrentStep | null {
  return atLeastTrin3WhileBuaResponsible(latestStep(timeline), timeline, buaHoldsTreatmentResponsibility === true);
}
