import { describe, expect, it } from 'vitest';
import type { GeneralPracticeOpenActionSources } from '../db/open-actions.ts';
import { openActionsOf } from './service.ts';

const TODAY = '2026-06-01';
const consent = { id: 'c1', givenBy: 'CUSTODY_HOLDER' as const, validUntil: null, withdrawnAt: null, recordedByOrganisation: '107510' };
const noAssessment = { id: 'r1', organisation: '107510', status: 'VISITED' as const, visitation: { decision: 'NO_ASSESSMENT_NEEDED' as const, reason: 'x', decidedAt: '2026-05-27T10:00:00Z' }, partsRecordedBy: [] };
const sources: GeneralPracticeOpenActionSources = { childId: 'child', birthDate: '2008-07-15', referrals: [noAssessment], medicationAgreements: [], meetings: [], consents: [consent] };

describe('general practice’s open actions of a child', () => {
  it('owes its own part of the joint decision, and the young person’s own consent while a referral is open', () => {
    expect(openActionsOf(sources, TODAY).map((a) => [a.kind, a.ownerSector, a.ownerOrganisation, a.dueOn])).toEqual([
      // 10 working days after 27 May, skipping Constitution Day (5 June).
      ['NO_ASSESSMENT_COURSE_NOT_AGREED', 'GENERAL_PRACTICE', '107510', '2026-06-11'],
      ['CONSENT_LAPSES_AT_18', 'GENERAL_PRACTICE', '107510', '2026-07-15'],
    ]);
  });

  it('owes nothing once its part is recorded and the referral is closed', () => {
    const agreed = { ...noAssessment, status: 'CLOSED' as const, partsRecordedBy: ['GENERAL_PRACTICE' as const] };
    expect(openActionsOf({ ...sources, referrals: [agreed] }, TODAY)).toEqual([]);
  });

  it('owes its answer to a medication agreement BUA proposed', () => {
    const proposal = { id: 'a1', status: 'PROPOSED' as const, proposedBy: 'BUA' as const, proposedAt: '2026-05-29T10:00:00Z', prescribesFrom: '2026-09-01', ydernummer: '107510' };
    expect(openActionsOf({ ...sources, referrals: [], consents: [], medicationAgreements: [proposal] }, TODAY)).toEqual([
      { kind: 'MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE', subjectId: 'a1', ownerSector: 'GENERAL_PRACTICE', ownerOrganisation: '107510', dueOn: '2026-06-15', overdue: false },
    ]);
  });
});
