import { describe, expect, it } from 'vitest';
import {
  byDueDate,
  consentLapsesAt18,
  letterReplyOverdue,
  medicationAgreementAwaitingAcceptance,
  networkMeetingActionsOverdue,
  noAssessmentCourseNotAgreed,
  outcomeNotCommunicated,
  referralAwaitingVisitation,
  screeningWithoutActionPlan,
  transitionPlanMissing,
  type ConsentForActions,
  type ReferralForActions,
} from './open-actions.ts';

const BUA = '9990011000016009';

describe('letterReplyOverdue', () => {
  const letter = { id: 'l1', municipalityCode: 751, status: 'READ' as const, replyDueOn: '2026-03-10' };
  it('is no action until the reply deadline has passed', () => {
    expect(letterReplyOverdue(letter, '2026-03-10')).toBeNull();
  });
  it('is owned by the receiving municipality, due on the deadline, from the day after it', () => {
    expect(letterReplyOverdue(letter, '2026-03-11')).toEqual({
      kind: 'LETTER_REPLY_OVERDUE', subjectId: 'l1', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-03-10', overdue: true,
    });
  });
  it('ends with the reply', () => {
    expect(letterReplyOverdue({ ...letter, status: 'ANSWERED' }, '2026-04-01')).toBeNull();
  });
});

const referral: ReferralForActions = { id: 'r1', status: 'RECEIVED', receivedAt: '2026-03-02T09:00:00Z', outcomeConcludedAt: null, communicated: {} };

describe('referralAwaitingVisitation', () => {
  it('is BUA\'s, due 8 working days after receipt (Monday 2 March -> Thursday 12 March)', () => {
    expect(referralAwaitingVisitation(referral, BUA, '2026-03-05')).toMatchObject({ ownerSector: 'BUA', ownerOrganisation: BUA, dueOn: '2026-03-12', overdue: false });
    expect(referralAwaitingVisitation(referral, BUA, '2026-03-13')?.overdue).toBe(true);
  });
  it('counts the Danish day of receipt (23:30 UTC is the next day in Denmark)', () => {
    expect(referralAwaitingVisitation({ ...referral, receivedAt: '2026-03-01T23:30:00Z' }, BUA, '2026-03-02')?.dueOn).toBe('2026-03-12');
  });
  it('ends with the visitation', () => {
    expect(referralAwaitingVisitation({ ...referral, status: 'VISITED' }, BUA, '2026-03-05')).toBeNull();
  });
});

describe('outcomeNotCommunicated', () => {
  const assessed: ReferralForActions = { ...referral, status: 'ASSESSED', outcomeConcludedAt: '2026-04-06T10:00:00Z', communicated: { PARENTS: '2026-04-06T12:00:00Z' } };
  it('is BUA\'s while any of parents, municipality and GP has not been told, due 5 working days after the outcome', () => {
    // 6 April 2026 is Easter Monday: the 5 working days are 7-10 and 13 April.
    expect(outcomeNotCommunicated(assessed, BUA, '2026-04-07')).toMatchObject({ kind: 'OUTCOME_NOT_COMMUNICATED', dueOn: '2026-04-13', ownerSector: 'BUA' });
  });
  it('ends when all three were told', () => {
    const all = { PARENTS: 'x', MUNICIPALITY: 'y', GENERAL_PRACTICE: 'z' };
    expect(outcomeNotCommunicated({ ...assessed, communicated: all }, BUA, '2026-04-07')).toBeNull();
  });
  it('is no action before the assessment concluded', () => {
    expect(outcomeNotCommunicated({ ...referral, status: 'ASSESSMENT_STARTED' }, BUA, '2026-04-07')).toBeNull();
  });
});

describe('noAssessmentCourseNotAgreed', () => {
  const decision = { referralId: 'r1', visitation: { decision: 'NO_ASSESSMENT_NEEDED' as const, decidedAt: '2026-03-02T10:00:00Z' }, partsRecordedBy: ['GENERAL_PRACTICE' as const] };
  it('is the municipality\'s own while its part is missing, due 10 working days after the decision', () => {
    expect(noAssessmentCourseNotAgreed(decision, { sector: 'MUNICIPALITY', organisation: '751' }, '2026-03-03')).toEqual({
      kind: 'NO_ASSESSMENT_COURSE_NOT_AGREED', subjectId: 'r1', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-03-16', overdue: false,
    });
  });
  it('is no action of the side that recorded its part', () => {
    expect(noAssessmentCourseNotAgreed(decision, { sector: 'GENERAL_PRACTICE', organisation: '107510' }, '2026-03-03')).toBeNull();
  });
  it('is no action after a decision for assessment', () => {
    expect(noAssessmentCourseNotAgreed({ ...decision, visitation: { ...decision.visitation, decision: 'ASSESSMENT' } }, { sector: 'MUNICIPALITY', organisation: '751' }, '2026-03-03')).toBeNull();
  });
});

describe('medicationAgreementAwaitingAcceptance', () => {
  const proposal = { id: 'm1', status: 'PROPOSED' as const, proposedBy: 'BUA' as const, proposedAt: '2026-03-02T10:00:00Z', prescribesFrom: '2026-06-01', ydernummer: '107510' };
  it('is owned by the side that did not propose: the GP for a proposal of BUA', () => {
    expect(medicationAgreementAwaitingAcceptance(proposal, BUA, '2026-03-03')).toMatchObject({ ownerSector: 'GENERAL_PRACTICE', ownerOrganisation: '107510', dueOn: '2026-03-16' });
  });
  it('is BUA\'s for a proposal of the GP', () => {
    expect(medicationAgreementAwaitingAcceptance({ ...proposal, proposedBy: 'GENERAL_PRACTICE' }, BUA, '2026-03-03')).toMatchObject({ ownerSector: 'BUA', ownerOrganisation: BUA });
  });
  it('is due no later than the day the prescriber takes over', () => {
    expect(medicationAgreementAwaitingAcceptance({ ...proposal, prescribesFrom: '2026-03-09' }, BUA, '2026-03-03')?.dueOn).toBe('2026-03-09');
  });
  it('ends with the answer', () => {
    expect(medicationAgreementAwaitingAcceptance({ ...proposal, status: 'ACCEPTED' }, BUA, '2026-03-03')).toBeNull();
  });
});

describe('networkMeetingActionsOverdue', () => {
  const meeting = {
    id: 'n1',
    actions: [
      { owner: { sector: 'MUNICIPALITY' as const, organisation: '751' }, dueOn: '2026-03-10', completedAt: null },
      { owner: { sector: 'GENERAL_PRACTICE' as const, organisation: '107510' }, dueOn: '2026-03-20', completedAt: null },
      { owner: { sector: 'BUA' as const, organisation: BUA }, dueOn: '2026-03-01', completedAt: '2026-03-05T10:00:00Z' },
    ],
  };
  it('reports each uncompleted action past its due date, owned by the organisation the meeting gave it to', () => {
    expect(networkMeetingActionsOverdue(meeting, '2026-03-11')).toEqual([
      { kind: 'NETWORK_MEETING_ACTION_OVERDUE', subjectId: 'n1', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-03-10', overdue: true },
    ]);
  });
  it('reports nothing on the due date itself', () => {
    expect(networkMeetingActionsOverdue(meeting, '2026-03-10')).toEqual([]);
  });
});

describe('screeningWithoutActionPlan', () => {
  it('is owned by the organisation that recorded the screening, due on the plan\'s due date', () => {
    expect(screeningWithoutActionPlan({ id: 's1', planDueOn: '2026-03-16', recordedBy: { sector: 'PAEDIATRICS', organisation: '123' } }, '2026-03-17')).toEqual({
      kind: 'SCREENING_WITHOUT_ACTION_PLAN', subjectId: 's1', ownerSector: 'PAEDIATRICS', ownerOrganisation: '123', dueOn: '2026-03-16', overdue: true,
    });
  });
});

describe('transitionPlanMissing', () => {
  const pathway = { subjectId: 'r1', birthDate: '2008-08-31', active: true, hasPlan: false, buaHoldsTreatmentResponsibility: true };
  const owners = { bua: BUA, municipality: '751' };
  it('is due three months before the 18th birthday, from six months before it', () => {
    expect(transitionPlanMissing(pathway, owners, '2026-02-28')).toBeNull();
    expect(transitionPlanMissing(pathway, owners, '2026-03-01')).toMatchObject({ kind: 'TRANSITION_PLAN_MISSING', subjectId: 'r1', dueOn: '2026-05-31', overdue: false });
    expect(transitionPlanMissing(pathway, owners, '2026-06-01')?.overdue).toBe(true);
  });
  it('is BUA\'s while it holds treatment responsibility, else the municipality\'s', () => {
    expect(transitionPlanMissing(pathway, owners, '2026-04-01')).toMatchObject({ ownerSector: 'BUA', ownerOrganisation: BUA });
    expect(transitionPlanMissing({ ...pathway, buaHoldsTreatmentResponsibility: false }, owners, '2026-04-01')).toMatchObject({ ownerSector: 'MUNICIPALITY', ownerOrganisation: '751' });
  });
  it('is no action with a plan, or without an active pathway', () => {
    expect(transitionPlanMissing({ ...pathway, hasPlan: true }, owners, '2026-04-01')).toBeNull();
    expect(transitionPlanMissing({ ...pathway, active: false }, owners, '2026-04-01')).toBeNull();
  });
});

describe('consentLapsesAt18', () => {
  const consent: ConsentForActions = { id: 'c1', givenBy: 'CUSTODY_HOLDER', validUntil: null, withdrawnAt: null, recordedByOrganisation: '751' };
  const child = { birthDate: '2008-06-15', activePathway: true };
  it('is owned by the holder, due on the 18th birthday, from three months before it', () => {
    expect(consentLapsesAt18(consent, child, 'MUNICIPALITY', '2026-03-14')).toBeNull();
    expect(consentLapsesAt18(consent, child, 'MUNICIPALITY', '2026-03-15')).toEqual({
      kind: 'CONSENT_LAPSES_AT_18', subjectId: 'c1', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-06-15', overdue: false,
    });
  });
  it('is no action for the young person\'s own consent, a withdrawn one, one ending earlier, or without an active pathway', () => {
    expect(consentLapsesAt18({ ...consent, givenBy: 'YOUNG_PERSON' }, child, 'MUNICIPALITY', '2026-05-01')).toBeNull();
    expect(consentLapsesAt18({ ...consent, withdrawnAt: '2026-04-01T10:00:00Z' }, child, 'MUNICIPALITY', '2026-05-01')).toBeNull();
    expect(consentLapsesAt18({ ...consent, validUntil: '2026-05-31' }, child, 'MUNICIPALITY', '2026-05-01')).toBeNull();
    expect(consentLapsesAt18(consent, { ...child, activePathway: false }, 'MUNICIPALITY', '2026-05-01')).toBeNull();
  });
  it('is no action from the birthday on (the consent has lapsed)', () => {
    expect(consentLapsesAt18(consent, child, 'MUNICIPALITY', '2026-06-15')).toBeNull();
  });
});

describe('byDueDate', () => {
  it('orders earliest due first, then by kind and subject', () => {
    const a = { kind: 'TRANSITION_PLAN_MISSING' as const, subjectId: 'b', ownerSector: 'BUA' as const, ownerOrganisation: BUA, dueOn: '2026-01-02', overdue: true };
    const b = { ...a, dueOn: '2026-01-01' };
    const c = { ...a, kind: 'CONSENT_LAPSES_AT_18' as const };
    expect([a, b, c].sort(byDueDate)).toEqual([b, c, a]);
  });
});
