import { expectRefusal } from '@pathway-graph/shared/testing/refusal';
import { describe, expect, it } from 'vitest';
import { validateAssessmentOutcome, validateParentCommunication, type AssessmentOutcomeInput } from './outcome.ts';
import { validateVisitation } from './visitation.ts';

const NOW = new Date('2026-12-10T12:00:00+01:00');

describe('validateVisitation', () => {
  const input = { decision: 'ASSESSMENT', decidedAt: '2026-12-10T09:00:00+01:00', decidedBy: 'Overlæge, BUA' };

  it('accepts an assessment decision without a reason, and a no-assessment decision with one', () => {
    expect(validateVisitation(input, NOW)).toEqual({ ...input, reason: null });
    expect(validateVisitation({ ...input, decision: 'NO_ASSESSMENT_NEEDED', reason: ' Trivselsproblemer uden tegn på psykisk lidelse. ' }, NOW).reason).toBe(
      'Trivselsproblemer uden tegn på psykisk lidelse.',
    );
  });

  it.each([
    ['decision', { decision: 'REJECTED' }, /The visitation decision must be one of ASSESSMENT, NO_ASSESSMENT_NEEDED/],
    ['reason', { decision: 'NO_ASSESSMENT_NEEDED' }, /The reason no assessment is needed is required/],
    ['reason', { decision: 'NO_ASSESSMENT_NEEDED', reason: 'x'.repeat(4001) }, /at most 4000/],
    ['decidedAt', { decidedAt: '2026-12-10T13:00:00+01:00' }, /lies in the future/],
    ['decidedAt', { decidedAt: '2026-12-10' }, /time zone/],
    ['decidedBy', { decidedBy: '' }, /Who decided is required/],
  ] as const)('refuses a bad %s', (field, overrides, message) => {
    expectRefusal(() => validateVisitation({ ...input, ...overrides }, NOW), 'BAD_USER_INPUT', field, message);
  });
});

describe('validateAssessmentOutcome', () => {
  const outcome = (overrides: Partial<AssessmentOutcomeInput> = {}): AssessmentOutcomeInput => ({
    conclusion: 'DIAGNOSED',
    diagnoses: ['F90.0', 'DF412'],
    treatment: { description: 'Psykoedukation og opstart af methylphenidat', startedOn: '2026-12-10' },
    childNeeds: 'Struktur i skoledagen, støtte til lektier og en fast voksen.',
    results: 'ADHD, kombineret type; let angst. Behandling påbegyndt.',
    concludedAt: '2026-12-10T10:00:00+01:00',
    ...overrides,
  });

  it('normalises the diagnoses to the SKS form and keeps the outcome', () => {
    const valid = validateAssessmentOutcome(outcome(), NOW);
    expect(valid.diagnoses.map((d) => [d.sks, d.icd10])).toEqual([
      ['DF900', 'F90.0'],
      ['DF412', 'F41.2'],
    ]);
    expect(valid.warnings).toEqual([]);
  });

  it('accepts "no diagnosis" with the needs and results, as the agreement assesses needs in all cases', () => {
    const valid = validateAssessmentOutcome(outcome({ conclusion: 'NO_DIAGNOSIS', diagnoses: [], treatment: null }), NOW);
    expect(valid).toMatchObject({ conclusion: 'NO_DIAGNOSIS', diagnoses: [], treatment: null });
  });

  it('passes on the warning for a diagnosis outside chapter F', () => {
    expect(validateAssessmentOutcome(outcome({ diagnoses: ['DF900', 'Z63.8'] }), NOW).warnings).toEqual([
      expect.objectContaining({ code: 'OUTSIDE_CHAPTER_F', field: 'diagnoses[1]' }),
    ]);
  });

  it.each([
    ['conclusion', { conclusion: 'UNCLEAR' }, /must be one of DIAGNOSED, NO_DIAGNOSIS/],
    ['diagnoses', { diagnoses: [] }, /must name at least one ICD-10 diagnosis code/],
    ['diagnoses', { conclusion: 'NO_DIAGNOSIS' }, /NO_DIAGNOSIS but diagnoses are given/],
    ['diagnoses[1]', { diagnoses: ['DF900', 'DF9000X'] }, /DF9000X is not in the ICD-10 chapter F classification/],
    ['diagnoses[0]', { diagnoses: ['F9'] }, /not a well-formed diagnosis code/],
    ['diagnoses[1]', { diagnoses: ['DF900', 'F90.0'] }, /repeats DF900/],
    ['diagnoses', { diagnoses: Array.from({ length: 11 }, () => 'DF900') }, /11 entries; at most 10/],
    ['childNeeds', { childNeeds: ' ' }, /The child's needs is required/],
    ['results', { results: 'x'.repeat(8001) }, /at most 8000/],
    ['treatment.startedOn', { treatment: { description: 'Samtaler', startedOn: '10-12-2026' } }, /YYYY-MM-DD/],
    ['treatment.description', { treatment: { description: '', startedOn: '2026-12-10' } }, /The treatment started is required/],
    ['concludedAt', { concludedAt: '2026-12-11T10:00:00+01:00' }, /lies in the future/],
  ] as const)('refuses a bad %s', (field, overrides, message) => {
    expectRefusal(() => validateAssessmentOutcome(outcome(overrides as Partial<AssessmentOutcomeInput>), NOW), 'BAD_USER_INPUT', field, message);
  });
});

describe('validateParentCommunication', () => {
  it('records when, how and by whom', () => {
    expect(validateParentCommunication({ at: '2026-12-10T11:00:00+01:00', how: 'IN_PERSON', by: 'Psykolog, BUA' }, NOW)).toEqual({
      at: '2026-12-10T11:00:00+01:00',
      how: 'IN_PERSON',
      by: 'Psykolog, BUA',
    });
  });

  it.each([
    ['how', { how: 'SMOKE_SIGNAL' }, /How the outcome was communicated must be one of IN_PERSON/],
    ['by', { by: '' }, /Who communicated the outcome is required/],
    ['at', { at: '2026-12-11T11:00:00+01:00' }, /lies in the future/],
  ] as const)('refuses a bad %s', (field, overrides, message) => {
    expectRefusal(
      () => validateParentCommunication({ at: '2026-12-10T11:00:00+01:00', how: 'PHONE', by: 'Psykolog', ...overrides }, NOW),
      'BAD_USER_INPUT',
      field,
      message,
    );
  });
});
