import { ageOn, eighteenthBirthday, parseIsoDate } from '../age.ts';
import { daysInMonth, toIsoDate } from '../calendar.ts';
import { badUserInput, conflict } from '../../errors.ts';
import { oneOf, requiredText } from '../input.ts';
import { COORDINATING_SECTORS, type CoordinatingSector } from './contact-persons.ts';

/**
 * "at overgangen fra ung til voksen planlægges og koordineres ud fra en individuel vurdering" (agreement 6.1). A young
 * person in an active pathway who turns 18 within six months needs a transition plan: who is responsible, the planned
 * date, the receiving adult service, the individual assessment, and the young person's own consent for what continues
 * (a custody holder's consent ends at 18, so nothing that continues can rest on it).
 *
 * Decisions, documented here because the agreement leaves them open:
 * - "within six months": the 18th birthday (Danish rule: 29 February -> 1 March) falls on or before the day six
 *   months after today; from the 18th birthday on, the person is outside the target group and no plan is "needed" by
 *   this rule (a late plan is the open action's business, which is overdue by then).
 * - The planned date lies between today and three months after the 18th birthday: a handover just after 18 is common
 *   when the adult service has a waiting list; later than that the child services would carry an adult without plan.
 * - A missing plan is an open action of the responsible sector: BUA while it holds treatment responsibility, else the
 *   municipality (which coordinates the pathway outside psychiatry); it is due three months before the 18th birthday,
 *   so it is overdue from the start when the pathway became active later than that.
 */

export const TRANSITION_WINDOW_MONTHS = 6;
export const PLANNED_DATE_MARGIN_MONTHS = 3;
export const PLAN_DUE_MONTHS_BEFORE = 3;

/** `isoDate` + `months`, clamped to the month's last day (31 August + 6 months = 28/29 February). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = parseIsoDate(isoDate, 'date').split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

export function needsTransitionPlan(birthDate: string, today: string, activePathway: boolean): boolean {
  if (!activePathway) return false;
  const adult = eighteenthBirthday(birthDate);
  return today < adult && adult <= addMonths(today, TRANSITION_WINDOW_MONTHS);
}

/** The latest birth date whose 18th birthday (Danish rule: 29 February -> 1 March) falls on or before `day`. */
export function latestBirthDateTurning18By(day: string): string {
  const [y, m, d] = parseIsoDate(day, 'day').split('-').map(Number) as [number, number, number];
  const year = y - 18;
  // 29 February has no twin 18 years earlier (18 is no multiple of 4); such a child turned 18 on 1 March.
  if (m === 2 && d === 29) return toIsoDate(year, 2, 28);
  return toIsoDate(year, m, d);
}

/**
 * The birth dates of the young people who turn 18 within the transition window from `today` (needsTransitionPlan's
 * rule), as a range a database can select: born after `bornAfter`, on or before `bornOnOrBefore`.
 */
export function birthDatesTurning18Within(today: string): { bornAfter: string; bornOnOrBefore: string } {
  return { bornAfter: latestBirthDateTurning18By(today), bornOnOrBefore: latestBirthDateTurning18By(addMonths(today, TRANSITION_WINDOW_MONTHS)) };
}

export interface TransitionPlanInput {
  responsible: { sector: string; name: string; role: string };
  plannedOn: string;
  /** The adult service that takes over, e.g. "Voksenpsykiatrien, Aarhus Universitetshospital". */
  receivingService: string;
  individualAssessment: string;
  youngPersonConsent: { decision: string; decidedOn: string; scope?: string | null };
}

export interface TransitionPlan {
  responsible: { sector: CoordinatingSector; name: string; role: string };
  plannedOn: string;
  receivingService: string;
  individualAssessment: string;
  youngPersonConsent: { decision: 'GIVEN' | 'REFUSED'; decidedOn: string; scope: string | null };
}

export function validateTransitionPlan(input: TransitionPlanInput, ctx: { birthDate: string; today: string }): TransitionPlan {
  const adult = eighteenthBirthday(ctx.birthDate);
  const plannedOn = parseIsoDate(input.plannedOn, 'plannedOn');
  const latest = addMonths(adult, PLANNED_DATE_MARGIN_MONTHS);
  if (plannedOn < ctx.today) throw badUserInput('plannedOn lies in the past; plan the transition for a day ahead.', { field: 'plannedOn' });
  if (plannedOn > latest) {
    throw badUserInput(
      `plannedOn (${plannedOn}) is more than ${PLANNED_DATE_MARGIN_MONTHS} months after the 18th birthday (${adult}); plan the handover to the adult service by ${latest}.`,
      { field: 'plannedOn', latest },
    );
  }
  const consent = input.youngPersonConsent;
  if (!consent) throw badUserInput("Record the young person's own consent (or refusal) for what continues after 18.", { field: 'youngPersonConsent' });
  const decision = oneOf(consent.decision, ['GIVEN', 'REFUSED'] as const, 'youngPersonConsent.decision', "The young person's decision");
  const decidedOn = parseIsoDate(consent.decidedOn, 'youngPersonConsent.decidedOn');
  if (decidedOn > ctx.today) throw badUserInput('youngPersonConsent.decidedOn lies in the future.', { field: 'youngPersonConsent.decidedOn' });
  if (ageOn(ctx.birthDate, decidedOn) < 15) {
    throw badUserInput(
      "The young person consents themselves from 15; a decision recorded before then is a custody holder's, which ends at 18. Record the young person's own decision.",
      { field: 'youngPersonConsent.decidedOn' },
    );
  }
  const scope =
    decision === 'GIVEN'
      ? requiredText(consent.scope, 'youngPersonConsent.scope', 2_000, 'What the consent covers (what continues and who may share what)')
      : null;
  return {
    responsible: {
      sector: oneOf(input.responsible?.sector, COORDINATING_SECTORS, 'responsible.sector', "The responsible person's sector"),
      name: requiredText(input.responsible?.name, 'responsible.name', 200, "The responsible person's name"),
      role: requiredText(input.responsible?.role, 'responsible.role', 200, "The responsible person's role"),
    },
    plannedOn,
    receivingService: requiredText(input.receivingService, 'receivingService', 200, 'The receiving adult service'),
    individualAssessment: requiredText(input.individualAssessment, 'individualAssessment', 4_000, 'The individual assessment'),
    youngPersonConsent: { decision, decidedOn, scope },
  };
}

/**
 * The sector whose plan it is to make: "Børne- og ungdomspsykiatrien ... har det fulde behandlingsansvar, såfremt
 * barnet/den unge vurderes at have behov for udredning/diagnosticering" (agreement 6.1, Trin 3), so while BUA holds
 * treatment responsibility (a referral in assessment or treatment) the transition out of child psychiatry is BUA's to
 * plan; otherwise the municipality's, which coordinates the pathway outside psychiatry. The same rule decides whose
 * open action a missing plan is (missingTransitionPlanAction), so the one asked to make it is the one allowed to.
 */
export function transitionPlanMaker(buaHoldsTreatmentResponsibility: boolean): Extract<CoordinatingSector, 'BUA' | 'MUNICIPALITY'> {
  return buaHoldsTreatmentResponsibility ? 'BUA' : 'MUNICIPALITY';
}

/** Refuses (CONFLICT, naming who is responsible) a plan by the sector that is not responsible for making it. */
export function assertMayMakeTransitionPlan(sector: 'BUA' | 'MUNICIPALITY', buaHoldsTreatmentResponsibility: boolean): void {
  const responsible = transitionPlanMaker(buaHoldsTreatmentResponsibility);
  if (responsible === sector) return;
  throw conflict(
    responsible === 'BUA'
      ? "BUA holds treatment responsibility for the young person (a referral in assessment or treatment), so the transition plan is BUA's to make (agreement 6.1); BUA records it and sends it to the municipality."
      : "BUA holds no treatment responsibility for the young person now (no referral in assessment or treatment), so the transition plan is the municipality's to make (agreement 6.1); the municipality records it.",
    { reason: 'NOT_RESPONSIBLE_FOR_TRANSITION_PLAN', responsible },
  );
}

export interface MissingPlanFacts {
  birthDate: string;
  today: string;
  activePathway: boolean;
  hasPlan: boolean;
  /** Whether BUA holds treatment responsibility now (treatmentResponsibility(...).holder === 'BUA'). */
  buaHoldsTreatmentResponsibility: boolean;
}

export interface OpenAction {
  owner: CoordinatingSector;
  dueOn: string;
  overdue: boolean;
  description: string;
}

/** The open action a missing plan creates, or null when no plan is needed or one exists. */
export function missingTransitionPlanAction(facts: MissingPlanFacts): OpenAction | null {
  if (facts.hasPlan || !needsTransitionPlan(facts.birthDate, facts.today, facts.activePathway)) return null;
  const adult = eighteenthBirthday(facts.birthDate);
  const dueOn = addMonths(adult, -PLAN_DUE_MONTHS_BEFORE);
  return {
    owner: transitionPlanMaker(facts.buaHoldsTreatmentResponsibility),
    dueOn,
    overdue: facts.today > dueOn,
    description: `Make the transition plan: the young person turns 18 on ${adult} (agreement 6.1: the transition from young person to adult is planned individually).`,
  };
}
