/**
 * A child's pathway events as each sector builds them from what it already stores, for the pathway subgraph's merged
 * timeline (`PathwayEventFact` in every sector's schema). Pure functions from stored records, one per kind of record.
 *
 * Each event belongs to the sector that did it: the GP's letter is the GP's, the municipality's reply the
 * municipality's, visitation BUA's. A copy another sector keeps (the GP's copy of the reply, the municipality's copy of
 * BUA's status) gives no event, so the merged timeline holds each act once; a reader who may not see the acting
 * sector's data does not see the act, and the pathway marks that sector as withheld.
 *
 * Summaries never hold a name, a CPR number or free text: only kinds, steps, codes and organisations.
 */

export const GRADUATED_STEPS = ['TRIN_1', 'TRIN_2', 'TRIN_3', 'TRIN_4'] as const;
export type GraduatedStep = (typeof GRADUATED_STEPS)[number];

export const PATHWAY_EVENT_KINDS = [
  'LETTER_SENT',
  'LETTER_RECEIVED',
  'LETTER_READ',
  'LETTER_REPLIED',
  'INTERVENTION_STARTED',
  'INTERVENTION_ENDED',
  'REFERRAL_SENT',
  'REFERRAL_RECEIVED',
  'VISITATION_ASSESSMENT',
  'VISITATION_NO_ASSESSMENT',
  'ASSESSMENT_STARTED',
  'ASSESSMENT_CONCLUDED',
  'OUTCOME_COMMUNICATED',
  'REFERRAL_CLOSED',
  'FURTHER_COURSE_RECORDED',
  'TREATMENT_RESPONSIBILITY_TAKEN',
  'TREATMENT_RESPONSIBILITY_RETURNED',
  'MEDICATION_AGREEMENT_PROPOSED',
  'MEDICATION_AGREEMENT_ACCEPTED',
  'MEDICATION_AGREEMENT_DECLINED',
  'CONTACT_PERSON_APPOINTED',
  'CONTACT_PERSON_ENDED',
  'CONTACT_PERSON_NONE_AGREED',
  'NETWORK_MEETING_HELD',
  'TRANSITION_PLAN_MADE',
  'TRACK_JOINED',
  'TRACK_LEFT',
  'SCREENING_POSITIVE',
  'SCREENING_NEGATIVE',
  'ACTION_PLAN_MADE',
] as const;
export type PathwayEventKind = (typeof PATHWAY_EVENT_KINDS)[number];

/** One event as a sector's facts carry it (`PathwayEventFact`). */
export interface PathwayEvent {
  /** `KIND:subjectId`, with a suffix where one record gives several events of a kind: the same on every read. */
  id: string;
  at: string;
  kind: PathwayEventKind;
  recordStep: GraduatedStep | null;
  subjectId: string;
  summary: string;
}

/** An event with the child it belongs to, as a batch look-up for many children returns it. */
export interface ChildPathwayEvent extends PathwayEvent {
  childId: string;
}

/**
 * A date-only record (an intervention's start, a meeting's day) as an instant: the start of that day in UTC, which
 * is within the same Danish day, so it sorts before the day's timed events.
 */
export const startOfDay = (date: string): string => `${date}T00:00:00.000Z`;

function event(childId: string, kind: PathwayEventKind, subjectId: string, at: string, summary: string, recordStep: GraduatedStep | null = null, suffix?: string): ChildPathwayEvent {
  return { childId, id: suffix ? `${kind}:${subjectId}:${suffix}` : `${kind}:${subjectId}`, at: new Date(at).toISOString(), kind, recordStep, subjectId, summary };
}

const trin = (step: GraduatedStep) => `Trin ${step.slice(-1)}`;

/** General practice: a correspondence letter the practice sent to the municipality (Trin 1 or 2). */
export function sentLetterEvents(letter: { id: string; childId: string; sentAt: string; step: 'TRIN_1' | 'TRIN_2'; practice: string; recipientMunicipalityCode: number }): ChildPathwayEvent[] {
  return [
    event(letter.childId, 'LETTER_SENT', letter.id, letter.sentAt, `Correspondence letter (${trin(letter.step)}) sent by practice ${letter.practice} to municipality ${letter.recipientMunicipalityCode}.`, letter.step),
  ];
}

/** The municipality: a GP's letter it received, read and answered. */
export function receivedLetterEvents(letter: {
  id: string;
  childId: string;
  municipalityCode: number;
  step: 'TRIN_1' | 'TRIN_2' | null;
  receivedAt: string;
  readAt: string | null;
  repliedAt: string | null;
}): ChildPathwayEvent[] {
  const { id, childId, step, municipalityCode: code } = letter;
  const about = step ? ` (${trin(step)})` : '';
  const events = [event(childId, 'LETTER_RECEIVED', id, letter.receivedAt, `Correspondence letter${about} received by municipality ${code}.`, step)];
  if (letter.readAt) events.push(event(childId, 'LETTER_READ', id, letter.readAt, `Correspondence letter${about} read by municipality ${code}.`, step));
  if (letter.repliedAt) events.push(event(childId, 'LETTER_REPLIED', id, letter.repliedAt, `Correspondence letter${about} answered by municipality ${code}.`, step));
  return events;
}

const INTERVENTION_KIND_LABEL = { SOCIAL: 'social', PSYCHOLOGICAL: 'psychological', PEDAGOGICAL: 'pedagogical' } as const;

/** The municipality: its own intervention (Trin 1, 2 or 4), started and perhaps ended. */
export function interventionEvents(intervention: {
  id: string;
  childId: string;
  municipalityCode: number;
  kind: keyof typeof INTERVENTION_KIND_LABEL;
  step: 'TRIN_1' | 'TRIN_2' | 'TRIN_4';
  startedOn: string;
  endedOn: string | null;
  effect: 'AS_EXPECTED' | 'NOT_AS_EXPECTED' | null;
}): ChildPathwayEvent[] {
  const { id, childId, step } = intervention;
  const what = `${trin(step)} ${INTERVENTION_KIND_LABEL[intervention.kind]} intervention of municipality ${intervention.municipalityCode}`;
  const events = [event(childId, 'INTERVENTION_STARTED', id, startOfDay(intervention.startedOn), `${what} started.`, step)];
  if (intervention.endedOn) {
    const effect = intervention.effect === 'AS_EXPECTED' ? ', with the expected effect' : intervention.effect === 'NOT_AS_EXPECTED' ? ', without the expected effect' : '';
    events.push(event(childId, 'INTERVENTION_ENDED', id, startOfDay(intervention.endedOn), `${what} ended${effect}.`, step));
  }
  return events;
}

/** General practice or the municipality: a referral to BUA this organisation sent (not one it was only told of). */
export function sentReferralEvents(referral: { id: string; childId: string; role: 'REFERRER' | 'INFORMED'; sentAt: string | null; referrerSector: 'GENERAL_PRACTICE' | 'MUNICIPALITY'; referrerOrganisation: string }): ChildPathwayEvent[] {
  if (referral.role !== 'REFERRER' || !referral.sentAt) return [];
  const by = referral.referrerSector === 'GENERAL_PRACTICE' ? `practice ${referral.referrerOrganisation}` : `municipality ${referral.referrerOrganisation}`;
  return [event(referral.childId, 'REFERRAL_SENT', referral.id, referral.sentAt, `Referral to BUA sent by ${by}.`)];
}

/** General practice or the municipality: its part of the joint decision on the further course after no assessment. */
export function furtherCourseEvents(part: { referralId: string; childId: string; sector: 'MUNICIPALITY' | 'GENERAL_PRACTICE'; recordedAt: string }): ChildPathwayEvent[] {
  const who = part.sector === 'MUNICIPALITY' ? 'the municipality' : 'the GP';
  return [event(part.childId, 'FURTHER_COURSE_RECORDED', part.referralId, part.recordedAt, `After no need for assessment, ${who} recorded its part of the further course.`, null, part.sector)];
}

const RECIPIENT_LABEL: Record<string, string> = { PARENTS: 'the parents', MUNICIPALITY: 'the municipality', GENERAL_PRACTICE: 'the GP' };

/** BUA: its course of a referral, from the statuses it recorded, the visitation decision and the communications. */
export function buaReferralEvents(referral: {
  id: string;
  childId: string;
  history: readonly { status: string; at: string }[];
  visitationDecision: 'ASSESSMENT' | 'NO_ASSESSMENT_NEEDED' | null;
  outcomeConclusion: 'DIAGNOSED' | 'NO_DIAGNOSIS' | null;
  communicated: Partial<Record<string, string>>;
  parentsToldAt: string | null;
}): ChildPathwayEvent[] {
  const { id, childId } = referral;
  const events: ChildPathwayEvent[] = [];
  for (const { status, at } of referral.history) {
    if (status === 'RECEIVED') events.push(event(childId, 'REFERRAL_RECEIVED', id, at, 'Referral received by BUA.'));
    else if (status === 'VISITED' && referral.visitationDecision === 'ASSESSMENT') {
      events.push(event(childId, 'VISITATION_ASSESSMENT', id, at, 'Visitation at BUA: the child is to be assessed.'));
      events.push(event(childId, 'TREATMENT_RESPONSIBILITY_TAKEN', id, at, 'BUA took over full treatment responsibility (Trin 3).'));
    } else if (status === 'VISITED') {
      events.push(event(childId, 'VISITATION_NO_ASSESSMENT', id, at, 'Visitation at BUA: no need for assessment; the municipality and the GP decide the further course.'));
    } else if (status === 'ASSESSMENT_STARTED') events.push(event(childId, 'ASSESSMENT_STARTED', id, at, 'Assessment at BUA started.'));
    else if (status === 'ASSESSED') {
      const conclusion = referral.outcomeConclusion === 'DIAGNOSED' ? 'with a diagnosis' : referral.outcomeConclusion === 'NO_DIAGNOSIS' ? 'without a diagnosis' : '';
      events.push(event(childId, 'ASSESSMENT_CONCLUDED', id, at, `Assessment at BUA concluded${conclusion ? ` ${conclusion}` : ''}.`));
    } else if (status === 'CLOSED') {
      events.push(event(childId, 'REFERRAL_CLOSED', id, at, 'BUA closed the referral.'));
      if (referral.visitationDecision === 'ASSESSMENT') {
        events.push(event(childId, 'TREATMENT_RESPONSIBILITY_RETURNED', id, at, "BUA's treatment responsibility ended; follow-up is the municipality's (Trin 4)."));
      }
    }
  }
  const communications = { ...referral.communicated, ...(referral.parentsToldAt ? { PARENTS: referral.parentsToldAt } : {}) };
  for (const [recipient, at] of Object.entries(communications).sort(([a], [b]) => a.localeCompare(b))) {
    if (at) events.push(event(childId, 'OUTCOME_COMMUNICATED', id, at, `BUA communicated the outcome to ${RECIPIENT_LABEL[recipient] ?? recipient.toLowerCase()}.`, null, recipient));
  }
  return events;
}

type AgreementParty = 'BUA' | 'GENERAL_PRACTICE';
const PARTY_LABEL: Record<AgreementParty, string> = { BUA: 'BUA', GENERAL_PRACTICE: 'the GP' };

/** BUA or general practice: a medication agreement (Trin 4) this side proposed or answered. */
export function medicationAgreementEvents(
  agreement: { id: string; childId: string; atcCode: string; proposedBy: AgreementParty; proposedAt: string; responseBy: AgreementParty | null; responseAt: string | null; responseAccepted: boolean | null },
  party: AgreementParty,
): ChildPathwayEvent[] {
  const { id, childId, atcCode } = agreement;
  const events: ChildPathwayEvent[] = [];
  if (agreement.proposedBy === party) {
    events.push(event(childId, 'MEDICATION_AGREEMENT_PROPOSED', id, agreement.proposedAt, `Medication agreement on ATC ${atcCode} proposed by ${PARTY_LABEL[party]}.`, 'TRIN_4'));
  }
  if (agreement.responseBy === party && agreement.responseAt) {
    const accepted = agreement.responseAccepted === true;
    events.push(
      event(childId, accepted ? 'MEDICATION_AGREEMENT_ACCEPTED' : 'MEDICATION_AGREEMENT_DECLINED', id, agreement.responseAt, `Medication agreement on ATC ${atcCode} ${accepted ? 'accepted' : 'declined'} by ${PARTY_LABEL[party]}.`, 'TRIN_4'),
    );
  }
  return events;
}

const CONTACT_KIND = { APPOINTED: 'CONTACT_PERSON_APPOINTED', ENDED: 'CONTACT_PERSON_ENDED', NONE_AGREED: 'CONTACT_PERSON_NONE_AGREED' } as const;
const CONTACT_SUMMARY = {
  APPOINTED: 'appointed a coordinating contact person',
  ENDED: "ended its coordinating contact person's appointment",
  NONE_AGREED: 'considered and agreed that no coordinating contact person is appointed',
} as const;

/** Any coordinating sector: its contact-person records (the name stays in the sector's own field). */
export function contactPersonRecordEvents(record: { id: string; childId: string; organisation: string; type: keyof typeof CONTACT_KIND; at: string }, owner: string): ChildPathwayEvent[] {
  return [event(record.childId, CONTACT_KIND[record.type], record.id, record.at, `${owner} ${CONTACT_SUMMARY[record.type]}.`)];
}

/** Any coordinating sector: a network meeting it called (the minutes stay in the sector's own field). */
export function networkMeetingEvents(meeting: { id: string; childId: string; heldOn: string; participants: readonly unknown[]; actions: readonly unknown[] }, owner: string): ChildPathwayEvent[] {
  return [
    event(meeting.childId, 'NETWORK_MEETING_HELD', meeting.id, startOfDay(meeting.heldOn), `Network meeting called by ${owner}: ${meeting.participants.length} participants, ${meeting.actions.length} agreed actions.`),
  ];
}

/** BUA or the municipality: a transition plan for the move to adult services it made itself (not a copy it received). */
export function transitionPlanEvents(plan: { id: string; childId: string; source: 'OWN' | 'RECEIVED'; recordedAt: string; plannedOn: string }, owner: string): ChildPathwayEvent[] {
  if (plan.source !== 'OWN') return [];
  return [event(plan.childId, 'TRANSITION_PLAN_MADE', plan.id, plan.recordedAt, `Transition plan for the move to adult services made by ${owner}, planned on ${plan.plannedOn}.`)];
}

const TRACK_LABEL: Record<string, string> = {
  RECOGNISED_MENTAL_PROBLEMS: 'track 1 (recognised mental problems)',
  CHRONIC_SOMATIC_ILLNESS: 'track 2 (chronic somatic illness)',
  RELATIVE_OF_MENTALLY_ILL: 'track 3 (relative of a mentally ill parent or sibling)',
};

/** Screening: a track membership, joined and perhaps ended. */
export function trackMembershipEvents(membership: { id: string; childId: string; track: string; since: string; endedOn: string | null }): ChildPathwayEvent[] {
  const { id, childId } = membership;
  const track = TRACK_LABEL[membership.track] ?? membership.track;
  const events = [event(childId, 'TRACK_JOINED', id, startOfDay(membership.since), `Joined screening ${track}.`)];
  if (membership.endedOn) events.push(event(childId, 'TRACK_LEFT', id, startOfDay(membership.endedOn), `Left screening ${track}.`));
  return events;
}

/** Screening: a screening result, positive (an action plan is needed) or not. */
export function screeningResultEvents(result: { id: string; childId: string; track: string; instrumentId: string; screeningDate: string; positive: boolean }): ChildPathwayEvent[] {
  const track = TRACK_LABEL[result.track] ?? result.track;
  return [
    event(
      result.childId,
      result.positive ? 'SCREENING_POSITIVE' : 'SCREENING_NEGATIVE',
      result.id,
      startOfDay(result.screeningDate),
      `Screening with ${result.instrumentId} in ${track}: ${result.positive ? 'positive, an action plan is needed' : 'negative'}.`,
    ),
  ];
}

/** Screening: an action plan made from the municipality's offers after a positive screening. */
export function actionPlanEvents(plan: { id: string; childId: string; track: string; createdAt: string; offerIds: readonly string[] }): ChildPathwayEvent[] {
  const track = TRACK_LABEL[plan.track] ?? plan.track;
  return [event(plan.childId, 'ACTION_PLAN_MADE', plan.id, plan.createdAt, `Action plan made in screening ${track} with ${plan.offerIds.length} offers.`)];
}

/** A child's events oldest first; events at the same instant in id order, so every read gives the same order. */
export function chronological<T extends PathwayEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Drops the child id: the fact as the schema declares it. */
export const asFact = ({ childId: _childId, ...fact }: ChildPathwayEvent): PathwayEvent => fact;
