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
  ydernummer: '107510',
  consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2020-01-01' }],
};
const sources: BuaOpenActionSources = {
  childId: 'child',
  birthDate: '2008-10-10',
  referrals: [referral],
  medicationAgreements: [],
  meetings: [],
  consents: [],
  heldConsents: [],
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

  it("owes the outcome only to those it may tell: not to a sector whose custody holder's consent lapsed at 18, again to one the young person consented to", () => {
    // Turned 18 on 2026-05-30, assessed after; the parents were told.
    const assessed: BuaReferralSource = {
      ...referral,
      status: 'ASSESSED',
      visitationDecision: 'ASSESSMENT',
      history: [...referral.history, { status: 'VISITED', at: '2026-05-26T09:00:00Z' }, { status: 'ASSESSMENT_STARTED', at: '2026-05-27T09:00:00Z' }, { status: 'ASSESSED', at: '2026-05-31T09:00:00Z' }],
      outcomeConcludedAt: '2026-05-31T09:00:00Z',
      communicated: { PARENTS: '2026-05-31T10:00:00Z' },
    };
    const adult = { ...sources, birthDate: '2008-05-30', referrals: [assessed] };
    const outcomeActions = (s: BuaOpenActionSources) => openActionsOf(s, TODAY, BUA).filter((a) => a.kind === 'OUTCOME_NOT_COMMUNICATED');
    expect(outcomeActions(adult)).toEqual([]);
    const ownConsent = { givenBy: 'YOUNG_PERSON' as const, givenOn: '2026-05-31', recipientSector: 'GENERAL_PRACTICE' as const, recipientOrganisation: '107510', purposes: ['CARE_COORDINATION' as const], validFrom: '2026-05-31', validUntil: null, withdrawnAt: null };
    expect(outcomeActions({ ...adult, heldConsents: [ownConsent] })).toEqual([expect.objectContaining({ subjectId: 'r1', ownerSector: 'BUA' })]);
    // Before 18 the custody holder's consent holds: the municipality and the GP are owed it.
    expect(outcomeActions({ ...adult, birthDate: '2010-05-30' })).toHaveLength(1);
  });
});
