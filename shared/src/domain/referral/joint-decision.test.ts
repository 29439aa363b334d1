import { describe, expect, it } from 'vitest';
import { expectRefusal } from '../../testing/refusal.ts';
import { jointDecisionState, recordJointDecisionPart } from './joint-decision.ts';

const municipalityPart = { sector: 'MUNICIPALITY', furtherCourse: 'Familiebehandling fortsætter; PPR følger op.', recordedAt: '2026-12-02T09:00:00+01:00' };
const gpPart = { sector: 'GENERAL_PRACTICE', furtherCourse: 'Enig; lægen ser barnet igen om 3 måneder.', recordedAt: '2026-12-03T11:00:00+01:00' };

describe('the joint decision after a no-assessment visitation', () => {
  it('is pending for both, then for the GP, then agreed at the later part', () => {
    expect(jointDecisionState([])).toEqual({ status: 'PENDING', parts: [], waitingFor: ['MUNICIPALITY', 'GENERAL_PRACTICE'] });
    const one = recordJointDecisionPart('NO_ASSESSMENT_NEEDED', [], municipalityPart);
    expect(jointDecisionState(one)).toMatchObject({ status: 'PENDING', waitingFor: ['GENERAL_PRACTICE'] });
    const both = recordJointDecisionPart('NO_ASSESSMENT_NEEDED', one, gpPart);
    expect(jointDecisionState(both)).toEqual({ status: 'AGREED', parts: both, agreedAt: gpPart.recordedAt });
  });

  it.each([
    ['after an assessment decision', 'ASSESSMENT', [], municipalityPart, 'CONFLICT', 'sector', /decided on assessment, so BUA takes over/],
    ['before visitation', null, [], municipalityPart, 'CONFLICT', 'sector', /has not been visited yet/],
    ['from BUA', 'NO_ASSESSMENT_NEEDED', [], { ...municipalityPart, sector: 'BUA' }, 'BAD_USER_INPUT', 'sector', /only they record a part/],
    ['a second part from the municipality', 'NO_ASSESSMENT_NEEDED', [{ ...municipalityPart, sector: 'MUNICIPALITY' as const }], municipalityPart, 'CONFLICT', 'sector', /municipality already recorded its part/],
    ['without a further course', 'NO_ASSESSMENT_NEEDED', [], { ...gpPart, furtherCourse: '' }, 'BAD_USER_INPUT', 'furtherCourse', /The further course is required/],
    ['with a malformed time', 'NO_ASSESSMENT_NEEDED', [], { ...gpPart, recordedAt: '3 December' }, 'BAD_USER_INPUT', 'recordedAt', /time zone/],
  ] as const)('refuses a part %s', (_, decision, parts, input, code, field, message) => {
    expectRefusal(() => recordJointDecisionPart(decision, parts, input), code, field, message);
  });
});
