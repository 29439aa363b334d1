import { describe, expect, it } from 'vitest';
import type { BuaOpenActionSources, BuaReferralSource } from '../db/open-actions.ts';
import { openActionsOf } from './service.ts';

const BUA = '9990011000016009';
const TODAY = '2026-06-01';
const referral: BuaReferralSource = {
  id: 'r1',
  status: 'RECEIVED',
  receivedAt: '2026-05-25T09:00:00Z',
  history: [
    { status: 'SENT', at: '2026-05-25T08:00:00Z' },
    { status: 'RECEIVED', at: '2026-05-25T09:00:00Z' },
  ],
  visitationDecision: null,
  communicated: {},
  outcomeConcludedAt: null,
  municipalityCode: 751,
};
const sources: BuaOpenActionSources = {
  childId: 'child',
  birthDate: '2008-10-10',
  referrals: [referral],
  medicationAgreements: [],
  meetings: [],
  consents: [],
  hasTransitionPlan: false,
};

describe('BUA’s open actions of a child', () => {
  it('owes the visitation of a received referral; the missing transition plan is the municipality’s before BUA takes over', () => {
    expect(openActionsOf(sources, TODAY, BUA)).toEqual([
      // 8 working days after Whit Monday 25 May: 26 May to 4 June.
      { kind: 'REFERRAL_AWAITING_VISITATION', subjectId: 'r1', ownerSector: 'BUA', ownerOrganisation: BUA, dueOn: '2026-06-04', overdue: false },
      { kind: 'TRANSITION_PLAN_MISSING', subjectId: 'r1', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-07-10', overdue: false },
    ]);
  });

  it('owns the transition plan itself once visitation decided on assessment (treatment responsibility)', () => {
    const assessing: BuaReferralSource = {
      ...referral,
      status: 'ASSESSMENT_STARTED',
      visitationDecision: 'ASSESSMENT',
      history: [...referral.history, { status: 'VISITED', at: '2026-05-26T09:00:00Z' }, { status: 'ASSESSMENT_STARTED', at: '2026-05-27T09:00:00Z' }],
    };
    expect(openActionsOf({ ...sources, referrals: [assessing] }, TODAY, BUA)).toEqual([
      { kind: 'TRANSITION_PLAN_MISSING', subjectId: 'r1', ownerSector: 'BUA', ownerOrganisation: BUA, dueOn: '2026-07-10', overdue: false },
    ]);
  });

  it('owes the answer to a proposal of the GP’s, and reports nothing without an open referral', () => {
    const proposal = { id: 'a1', status: 'PROPOSED' as const, proposedBy: 'GENERAL_PRACTICE' as const, proposedAt: '2026-05-29T10:00:00Z', prescribesFrom: '2026-09-01', ydernummer: '107510' };
    expect(openActionsOf({ ...sources, birthDate: '2014-01-01', medicationAgreements: [proposal] }, TODAY, BUA)).toContainEqual(
      expect.objectContaining({ kind: 'MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE', ownerSector: 'BUA', ownerOrganisation: BUA }),
    );
    expect(openActionsOf({ ...sources, referrals: [] }, TODAY, BUA)).toEqual([]);
  });
});
