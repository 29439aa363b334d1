import { describe, expect, it } from 'vitest';
import { mergeOpenActions, type PathwayOpenActionItem } from './open-actions.ts';

const action = (over: Partial<PathwayOpenActionItem>): PathwayOpenActionItem => ({
  kind: 'REFERRAL_AWAITING_VISITATION',
  subjectId: 'r1',
  heldBy: 'BUA',
  ownerSector: 'BUA',
  ownerOrganisation: '6620',
  dueOn: '2026-12-01',
  overdue: false,
  ...over,
});

describe('mergeOpenActions', () => {
  it('sorts by due day first, then holding sector, kind and record', () => {
    const merged = mergeOpenActions([
      action({ subjectId: 'late', dueOn: '2026-12-10' }),
      action({ subjectId: 'screening', heldBy: 'SCREENING', kind: 'SCREENING_WITHOUT_ACTION_PLAN', dueOn: '2026-12-01' }),
      action({ subjectId: 'letter', heldBy: 'MUNICIPALITY', kind: 'LETTER_REPLY_OVERDUE', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn: '2026-12-01', overdue: true }),
    ]);
    expect(merged.map((a) => a.subjectId)).toEqual(['letter', 'screening', 'late']);
  });
  it('lists an action two sectors both hold once, as the first holder in sector order has it', () => {
    const awaiting = { kind: 'MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE', subjectId: 'a1', ownerSector: 'GENERAL_PRACTICE', ownerOrganisation: '107510' } as const;
    const merged = mergeOpenActions([action({ ...awaiting, heldBy: 'BUA' }), action({ ...awaiting, heldBy: 'GENERAL_PRACTICE' })]);
    expect(merged).toEqual([action({ ...awaiting, heldBy: 'GENERAL_PRACTICE' })]);
  });
  it('keeps actions on the same record owned by different organisations apart', () => {
    const merged = mergeOpenActions([
      action({ kind: 'NO_ASSESSMENT_COURSE_NOT_AGREED', heldBy: 'MUNICIPALITY', ownerSector: 'MUNICIPALITY', ownerOrganisation: '751' }),
      action({ kind: 'NO_ASSESSMENT_COURSE_NOT_AGREED', heldBy: 'GENERAL_PRACTICE', ownerSector: 'GENERAL_PRACTICE', ownerOrganisation: '107510' }),
    ]);
    expect(merged.map((a) => a.ownerSector)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE']);
  });
});
