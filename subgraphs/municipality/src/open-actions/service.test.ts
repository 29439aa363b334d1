import { describe, expect, it } from 'vitest';
import type { MunicipalityOpenActionSources } from '../db/open-actions.ts';
import { openActionsOf } from './service.ts';

const none: MunicipalityOpenActionSources = {
  childId: 'child',
  birthDate: '2008-09-15',
  openCase: true,
  openCaseId: 'case-1',
  municipalityCode: 751,
  hasTransitionPlan: false,
  letters: [],
  referrals: [],
  meetings: [],
  consents: [],
};
const TODAY = '2026-06-01';

describe('the municipality’s open actions of a child', () => {
  it('owes a transition plan for a young person with an open case turning 18 within six months, when no referral to BUA is open', () => {
    expect(openActionsOf(none, TODAY)).toEqual([
      { kind: 'TRANSITION_PLAN_MISSING', subjectId: 'case-1', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-06-15', overdue: false },
    ]);
    expect(openActionsOf({ ...none, hasTransitionPlan: true }, TODAY)).toEqual([]);
  });

  it('leaves the plan to BUA’s report while a referral is open there (one sector per action)', () => {
    const referral = { id: 'r1', organisation: '751', status: 'RECEIVED' as const, visitation: null, partsRecordedBy: [] };
    expect(openActionsOf({ ...none, referrals: [referral] }, TODAY)).toEqual([]);
  });

  it('lists a letter past its deadline, its own part of a joint decision, a meeting action past due and a lapsing consent, earliest due first', () => {
    const actions = openActionsOf(
      {
        ...none,
        birthDate: '2008-07-01',
        hasTransitionPlan: true,
        letters: [{ id: 'l1', municipalityCode: 751, status: 'READ', replyDueOn: '2026-05-20', department: 'CHILDREN_AND_YOUTH', assigneeSubject: null }],
        referrals: [
          { id: 'r1', organisation: '751', status: 'CLOSED', visitation: { decision: 'NO_ASSESSMENT_NEEDED', reason: 'x', decidedAt: '2026-05-25T10:00:00Z' }, partsRecordedBy: ['GENERAL_PRACTICE'] },
        ],
        meetings: [{ id: 'm1', actions: [{ owner: { sector: 'BUA', organisation: '9990011000016009' }, dueOn: '2026-05-01', completedAt: null }] }],
        consents: [{ id: 'c1', givenBy: 'CUSTODY_HOLDER', validUntil: null, withdrawnAt: null, recordedByOrganisation: '751' }],
      },
      TODAY,
    );
    expect(actions.map((a) => [a.kind, a.ownerSector, a.dueOn])).toEqual([
      ['NETWORK_MEETING_ACTION_OVERDUE', 'BUA', '2026-05-01'],
      ['LETTER_REPLY_OVERDUE', 'MUNICIPALITY', '2026-05-20'],
      // 10 working days from Whit Monday 25 May, skipping Constitution Day (5 June).
      ['NO_ASSESSMENT_COURSE_NOT_AGREED', 'MUNICIPALITY', '2026-06-09'],
      ['CONSENT_LAPSES_AT_18', 'MUNICIPALITY', '2026-07-01'],
    ]);
  });
});
