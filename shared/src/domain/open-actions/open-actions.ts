import type { Sector } from '../../auth/principal.ts';
import { eighteenthBirthday, todayInDenmark } from '../age.ts';
import { addMonths, missingTransitionPlanAction } from '../coordination/transition-plan.ts';
import { OUTCOME_RECIPIENTS, type OutcomeRecipient, type ReferralStatus, type VisitationDecision } from '../referral/status.ts';
import { addWorkingDays } from '../working-days.ts';

/**
 * Open actions on a child's pathway (agreement 6.1: "Alle parter i et forløb har et særligt ansvar for at have øje for
 * borgerens samlede forløb"): something one organisation still has to do, with the day it is due. Each sector computes
 * the open actions in the records it holds with these rules, for the pathway view (`openActions` facts) and for the
 * worklists of the organisations that own them.
 *
 * One action is reported by one sector only, the one holding the record that decides it (so the merged view never
 * shows it twice): a letter's overdue reply by the municipality (the GP's copy of the letter does not report it), BUA's
 * referral work and transition plans by BUA, a medication proposal by the side that owes the answer (its copy changes
 * first when it answers), each sector's own network meetings' actions, each referrer sector's own part of the joint
 * decision, each sector's own consents.
 *
 * Due dates, documented here because the agreement leaves most of them open:
 * - a letter's reply: the reply deadline the receiving municipality set (`replyDueOn`); the action exists once that
 *   day has passed without a reply (the kind is "overdue" by definition).
 * - visitation: 8 working days after BUA received the referral, the period in which the region must tell the family
 *   whether assessment can start within a month (sundhedsloven § 82 b, udredningsret).
 * - communicating the outcome: 5 working days after the assessment concluded.
 * - the joint decision after "no need for assessment": 10 working days after the visitation decision, for each of the
 *   municipality and the GP that has not yet recorded its part.
 * - accepting a medication agreement: 10 working days after the proposal, and never later than the day the proposed
 *   prescriber is to take over (`prescribesFrom`).
 * - a network meeting's agreed action: its own due date; reported once that day has passed without completion.
 * - a transition plan: PLAN_DUE_MONTHS_BEFORE (3) months before the 18th birthday (transition-plan.ts); BUA reports it
 *   for the children with an active referral, owned by BUA while it holds treatment responsibility, else by the
 *   child's municipality.
 * - a custody holder's consent that lapses at 18: reported from CONSENT_LAPSE_NOTICE_MONTHS (3) months before the 18th
 *   birthday while the pathway is active, due on the birthday (the young person's own consent is needed by then).
 */

export const OPEN_ACTION_KINDS = [
  'LETTER_REPLY_OVERDUE',
  'REFERRAL_AWAITING_VISITATION',
  'OUTCOME_NOT_COMMUNICATED',
  'NO_ASSESSMENT_COURSE_NOT_AGREED',
  'MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE',
  'NETWORK_MEETING_ACTION_OVERDUE',
  'SCREENING_WITHOUT_ACTION_PLAN',
  'TRANSITION_PLAN_MISSING',
  'CONSENT_LAPSES_AT_18',
] as const;
export type OpenActionKind = (typeof OPEN_ACTION_KINDS)[number];

export const VISITATION_DUE_WORKING_DAYS = 8;
export const OUTCOME_COMMUNICATION_DUE_WORKING_DAYS = 5;
export const JOINT_DECISION_DUE_WORKING_DAYS = 10;
export const MEDICATION_ACCEPTANCE_DUE_WORKING_DAYS = 10;
export const CONSENT_LAPSE_NOTICE_MONTHS = 3;

/** One open action, in the shape of the `OpenActionFact` every sector serves. */
export interface OpenAction {
  kind: OpenActionKind;
  /** The record it is about, by its id in the holding sector. */
  subjectId: string;
  ownerSector: Sector;
  /** Municipality code, ydernummer or SOR code. */
  ownerOrganisation: string;
  dueOn: string;
  overdue: boolean;
}

function action(kind: OpenActionKind, subjectId: string, owner: { sector: Sector; organisation: string }, dueOn: string, today: string): OpenAction {
  return { kind, subjectId, ownerSector: owner.sector, ownerOrganisation: owner.organisation, dueOn, overdue: today > dueOn };
}

/** The Danish calendar day of an instant (a timestamp from the database or a message). */
export const danishDayOf = (instant: string): string => todayInDenmark(new Date(instant));

/** Earliest first, then by kind and subject: the order a child's actions are listed in. */
export function byDueDate(a: OpenAction, b: OpenAction): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
}

// ---- the municipality ----

export interface LetterForActions {
  id: string;
  municipalityCode: number;
  status: 'RECEIVED' | 'READ' | 'ANSWERED';
  replyDueOn: string;
}

/** A received letter not answered by its reply deadline: the receiving municipality owes the reply. */
export function letterReplyOverdue(letter: LetterForActions, today: string): OpenAction | null {
  if (letter.status === 'ANSWERED' || !(today > letter.replyDueOn)) return null;
  return action('LETTER_REPLY_OVERDUE', letter.id, { sector: 'MUNICIPALITY', organisation: String(letter.municipalityCode) }, letter.replyDueOn, today);
}

// ---- BUA's referrals ----

export interface ReferralForActions {
  id: string;
  status: ReferralStatus;
  receivedAt: string;
  /** When the assessment concluded; null before. */
  outcomeConcludedAt: string | null;
  /** When the outcome was communicated to each recipient. */
  communicated: Partial<Record<OutcomeRecipient, string>>;
}

/** A referral received but not yet visited: BUA owes the visitation decision. */
export function referralAwaitingVisitation(referral: ReferralForActions, bua: string, today: string): OpenAction | null {
  if (referral.status !== 'SENT' && referral.status !== 'RECEIVED') return null;
  const dueOn = addWorkingDays(danishDayOf(referral.receivedAt), VISITATION_DUE_WORKING_DAYS);
  return action('REFERRAL_AWAITING_VISITATION', referral.id, { sector: 'BUA', organisation: bua }, dueOn, today);
}

/**
 * An assessed referral whose outcome has not reached the parents, the municipality and the GP: BUA owes it. A sector
 * BUA may no longer tell (`untellable`: no consent in force, e.g. a custody holder's that lapsed at 18) is owed nothing.
 */
export function outcomeNotCommunicated(referral: ReferralForActions, bua: string, today: string, untellable: readonly OutcomeRecipient[] = []): OpenAction | null {
  if (referral.status !== 'ASSESSED' || referral.outcomeConcludedAt === null) return null;
  if (OUTCOME_RECIPIENTS.every((to) => referral.communicated[to] !== undefined || untellable.includes(to))) return null;
  const dueOn = addWorkingDays(danishDayOf(referral.outcomeConcludedAt), OUTCOME_COMMUNICATION_DUE_WORKING_DAYS);
  return action('OUTCOME_NOT_COMMUNICATED', referral.id, { sector: 'BUA', organisation: bua }, dueOn, today);
}

// ---- the joint decision after no need for assessment (held by the municipality and the GP) ----

export interface JointDecisionForActions {
  referralId: string;
  visitation: { decision: VisitationDecision; decidedAt: string } | null;
  /** The sectors that recorded their part of the further course. */
  partsRecordedBy: readonly Sector[];
}

/**
 * The holder's own part of the joint decision, not yet recorded after visitation found no need for assessment: one
 * action per owner, each reported by the owner's own sector (which holds both parts).
 */
export function noAssessmentCourseNotAgreed(
  decision: JointDecisionForActions,
  owner: { sector: 'MUNICIPALITY' | 'GENERAL_PRACTICE'; organisation: string },
  today: string,
): OpenAction | null {
  if (decision.visitation?.decision !== 'NO_ASSESSMENT_NEEDED' || decision.partsRecordedBy.includes(owner.sector)) return null;
  const dueOn = addWorkingDays(danishDayOf(decision.visitation.decidedAt), JOINT_DECISION_DUE_WORKING_DAYS);
  return action('NO_ASSESSMENT_COURSE_NOT_AGREED', decision.referralId, owner, dueOn, today);
}

// ---- Trin 4 medication agreements (held by BUA) ----

export interface MedicationAgreementForActions {
  id: string;
  status: 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'SUPERSEDED';
  proposedBy: 'BUA' | 'GENERAL_PRACTICE';
  proposedAt: string;
  prescribesFrom: string;
  ydernummer: string;
}

/** A proposal awaiting the other side's answer: the side that did not propose owes it. */
export function medicationAgreementAwaitingAcceptance(agreement: MedicationAgreementForActions, bua: string, today: string): OpenAction | null {
  if (agreement.status !== 'PROPOSED') return null;
  const owner = agreement.proposedBy === 'BUA' ? { sector: 'GENERAL_PRACTICE' as const, organisation: agreement.ydernummer } : { sector: 'BUA' as const, organisation: bua };
  const byWorkingDays = addWorkingDays(danishDayOf(agreement.proposedAt), MEDICATION_ACCEPTANCE_DUE_WORKING_DAYS);
  const dueOn = agreement.prescribesFrom < byWorkingDays ? agreement.prescribesFrom : byWorkingDays;
  return action('MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE', agreement.id, owner, dueOn, today);
}

// ---- network meetings (each sector its own) ----

export interface NetworkMeetingForActions {
  id: string;
  actions: ReadonlyArray<{ owner: { sector: Sector; organisation: string }; dueOn: string; completedAt: string | null }>;
}

/** Each agreed action still open after its due date, owned by the organisation the meeting gave it to. */
export function networkMeetingActionsOverdue(meeting: NetworkMeetingForActions, today: string): OpenAction[] {
  return meeting.actions
    .filter((a) => a.completedAt === null && today > a.dueOn)
    .map((a) => action('NETWORK_MEETING_ACTION_OVERDUE', meeting.id, a.owner, a.dueOn, today));
}

// ---- screening ----

export interface PositiveScreeningForActions {
  id: string;
  /** The day the action plan is due (screening's own rule, `actionPlanDueOn`). */
  planDueOn: string;
  recordedBy: { sector: Sector; organisation: string };
}

/** A positive screening without an action plan: the organisation that recorded it owes the plan. */
export function screeningWithoutActionPlan(screening: PositiveScreeningForActions, today: string): OpenAction {
  return action('SCREENING_WITHOUT_ACTION_PLAN', screening.id, screening.recordedBy, screening.planDueOn, today);
}

// ---- the transition at 18 ----

/**
 * No transition plan although the young person turns 18 within six months in an active pathway: transition-plan.ts
 * decides (`missingTransitionPlanAction`: BUA owns it while it holds treatment responsibility, else the municipality;
 * due PLAN_DUE_MONTHS_BEFORE months before the birthday). `subjectId` is the record of the active pathway (BUA: the
 * referral).
 */
export function transitionPlanMissing(
  pathway: { subjectId: string; birthDate: string; active: boolean; hasPlan: boolean; buaHoldsTreatmentResponsibility: boolean },
  owners: { bua: string; municipality: string },
  today: string,
): OpenAction | null {
  const missing = missingTransitionPlanAction({
    birthDate: pathway.birthDate,
    today,
    activePathway: pathway.active,
    hasPlan: pathway.hasPlan,
    buaHoldsTreatmentResponsibility: pathway.buaHoldsTreatmentResponsibility,
  });
  if (missing === null) return null;
  const owner = missing.owner === 'BUA' ? { sector: 'BUA' as const, organisation: owners.bua } : { sector: 'MUNICIPALITY' as const, organisation: owners.municipality };
  return action('TRANSITION_PLAN_MISSING', pathway.subjectId, owner, missing.dueOn, today);
}

export interface ConsentForActions {
  id: string;
  givenBy: 'YOUNG_PERSON' | 'CUSTODY_HOLDER';
  validUntil: string | null;
  withdrawnAt: string | null;
  /** The organisation of the holding sector that recorded it (and keeps it). */
  recordedByOrganisation: string;
}

/**
 * A custody holder's consent, in force, that lapses at 18 within CONSENT_LAPSE_NOTICE_MONTHS months while the pathway
 * is active: the organisation holding it must ask the young person for their own consent by the birthday.
 */
export function consentLapsesAt18(
  consent: ConsentForActions,
  child: { birthDate: string; activePathway: boolean },
  holderSector: Sector,
  today: string,
): OpenAction | null {
  if (consent.givenBy !== 'CUSTODY_HOLDER' || consent.withdrawnAt !== null || !child.activePathway) return null;
  const adult = eighteenthBirthday(child.birthDate);
  // A consent ending before 18 lapses on its own terms, not at 18; one already past 18 is no longer in force.
  if (consent.validUntil !== null && consent.validUntil < adult) return null;
  if (!(today < adult) || adult > addMonths(today, CONSENT_LAPSE_NOTICE_MONTHS)) return null;
  return action('CONSENT_LAPSES_AT_18', consent.id, { sector: holderSector, organisation: consent.recordedByOrganisation }, adult, today);
}
