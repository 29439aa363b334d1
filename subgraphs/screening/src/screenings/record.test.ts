import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scoreInput, type RecordScreeningInput } from './record.ts';
import { createScreeningSetup } from './setup.ts';

const setup = createScreeningSetup();
/** 12 on the day, in the track since 2026-08-01. */
const CHILD = { birthDate: '2014-03-10', since: '2026-08-01', today: '2026-09-01' };
const CHILD_ID = `ch_${'0'.repeat(32)}`;

const who5 = (values: number[], extra: Partial<RecordScreeningInput> = {}): RecordScreeningInput => ({
  childId: CHILD_ID,
  track: 'CHRONIC_SOMATIC_ILLNESS',
  instrumentId: 'who5',
  versionId: '1998',
  informant: 'self',
  answers: values.map((value, i) => ({ item: `item${i + 1}`, value })),
  ...extra,
});

function refused(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return { code: error.extensions['code'], field: error.extensions['field'], message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a screening scored on the server', () => {
  it('makes WHO-5 positive at 50 or below: raw 12 (48) is, raw 13 (52) is not', () => {
    const at12 = scoreInput(setup, who5([3, 3, 2, 2, 2]), CHILD);
    const at13 = scoreInput(setup, who5([3, 3, 3, 2, 2]), CHILD);
    expect(at12.result.scores.find((s) => s.id === 'percentage')?.value).toBe(48);
    expect(at12.positive).toBe(true);
    expect(at13.result.scores.find((s) => s.id === 'percentage')?.value).toBe(52);
    expect(at13.positive).toBe(false);
  });

  it('keeps the score the threshold reads as the headline, with its direction and meaningful change', () => {
    expect(scoreInput(setup, who5([3, 3, 2, 2, 2]), CHILD).headline).toEqual({ scoreId: 'percentage', value: 48, higherIsBetter: true, meaningfulChange: 10 });
  });

  it('keeps the instrument revision, version and band scheme it was scored with', () => {
    const { result } = scoreInput(setup, who5([3, 3, 2, 2, 2]), CHILD);
    expect(result).toMatchObject({ instrumentId: 'who5', versionId: '1998', informant: 'self', screeningDate: '2026-09-01', ageInYears: 12 });
    expect(result.instrumentRevision).toBe(setup.registry.instrument('who5')!.revision);
    expect(result.bandScheme).toBe(setup.registry.bandSchemeFor('who5'));
  });

  it('applies a track’s own threshold only in its track', () => {
    const strict = createScreeningSetup({
      thresholds: [{ id: 'who5-track3', track: 'RELATIVE_OF_MENTALLY_ILL', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 60 } }],
    });
    expect(scoreInput(strict, who5([3, 3, 3, 2, 2], { track: 'RELATIVE_OF_MENTALLY_ILL' }), CHILD).positive).toBe(true);
    const elsewhere = scoreInput(strict, who5([3, 3, 3, 2, 2]), CHILD);
    expect(elsewhere.positive).toBe(false);
    expect(elsewhere.headline).toBeNull();
  });

  it('names the field of the API in a refusal of the answers', () => {
    expect(refused(() => scoreInput(setup, who5([6, 3, 3, 3, 3]), CHILD))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.item1' });
    expect(refused(() => scoreInput(setup, who5([3, 3, 3, 3]), CHILD))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('takes the answers or a QuestionnaireResponse, not both and not neither', () => {
    expect(refused(() => scoreInput(setup, { ...who5([3, 3, 3, 3, 3]), questionnaireResponse: '{}' }, CHILD))).toMatchObject({ field: 'input.questionnaireResponse' });
    expect(refused(() => scoreInput(setup, { childId: CHILD_ID, track: 'CHRONIC_SOMATIC_ILLNESS' }, CHILD))).toMatchObject({ field: 'input.answers' });
  });

  it('needs the instrument, version and informant with answers, and none of them with a QuestionnaireResponse', () => {
    expect(refused(() => scoreInput(setup, who5([3, 3, 3, 3, 3], { versionId: null }), CHILD))).toMatchObject({ field: 'input.versionId' });
    const qr = { childId: CHILD_ID, track: 'CHRONIC_SOMATIC_ILLNESS' as const, questionnaireResponse: '{"resourceType":"QuestionnaireResponse"}', instrumentId: 'who5' };
    expect(refused(() => scoreInput(setup, qr, CHILD))).toMatchObject({ field: 'input.instrumentId' });
  });

  it('refuses a QuestionnaireResponse that is not JSON, or too long', () => {
    const base = { childId: CHILD_ID, track: 'CHRONIC_SOMATIC_ILLNESS' as const };
    expect(refused(() => scoreInput(setup, { ...base, questionnaireResponse: '{' }, CHILD))).toMatchObject({ field: 'input.questionnaireResponse' });
    expect(refused(() => scoreInput(setup, { ...base, questionnaireResponse: ' '.repeat(100_001) }, CHILD))).toMatchObject({ field: 'input.questionnaireResponse' });
  });

  it('dates a screening on a day in the track, not in the future', () => {
    expect(refused(() => scoreInput(setup, who5([3, 3, 3, 3, 3], { screeningDate: '2026-09-02' }), CHILD))).toMatchObject({ field: 'input.screeningDate' });
    expect(refused(() => scoreInput(setup, who5([3, 3, 3, 3, 3], { screeningDate: '2026-07-31' }), CHILD))).toMatchObject({ field: 'input.screeningDate' });
    expect(scoreInput(setup, who5([3, 3, 3, 3, 3], { screeningDate: '2026-08-01' }), CHILD).result.screeningDate).toBe('2026-08-01');
  });

  it('checks the version against the child’s age on the day: the SDQ self-report is for 11-17', () => {
    const sdq = (versionId: string, informant: 'self' | 'parent'): RecordScreeningInput => ({
      childId: CHILD_ID,
      track: 'CHRONIC_SOMATIC_ILLNESS',
      instrumentId: 'sdq',
      versionId,
      informant,
      answers: Array.from({ length: 25 }, (_, i) => ({ item: `item${i + 1}`, value: 1 })),
    });
    expect(scoreInput(setup, sdq('S11-17', 'self'), CHILD).result.ageInYears).toBe(12);
    expect(refused(() => scoreInput(setup, sdq('S11-17', 'self'), { ...CHILD, birthDate: '2016-03-10' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
