import { describe, expect, it } from 'vitest';
import { scoreScreening } from './engine.ts';
import type { AnswerInput, ScreeningInput } from './model.ts';
import { createInstrumentRegistry } from './registry.ts';
import { badInput, bornAged, SCREENING_DATE, sdqInput, sdqSymptoms, who5Input } from './test-support.ts';
import { screeningProblems } from './validate.ts';

const registry = createInstrumentRegistry();
const refused = (input: ScreeningInput) => badInput(() => scoreScreening(registry, input));
const a = (item: string, v: number): AnswerInput => ({ item, value: v });

describe('answer validation, one BAD_USER_INPUT naming the item and why', () => {
  it('refuses an unknown item', () => {
    const error = refused(sdqInput('P4-17', [...sdqSymptoms({}), a('item26', 1)]));
    expect(error.extensions).toMatchObject({ field: 'answers.item26', fields: ['answers.item26'], reasons: ['UNKNOWN_ITEM'] });
    expect(error.message).toBe(
      'The screening cannot be scored (1 problem): answers.item26: SDQ P4-17 has no item "item26"; use the item ids (linkIds) of its ' +
        'Questionnaire. Correct these and submit again.',
    );
  });

  it('refuses an item id that is not even a string, naming its position', () => {
    const error = refused(sdqInput('P4-17', [...sdqSymptoms({}), { item: 7 as unknown as string, value: 1 }]));
    expect(error.extensions['field']).toBe('answers[25].item');
  });

  it('refuses an item answered twice', () => {
    const input = who5Input([3, 3, 3, 3, 3]);
    const error = refused({ ...input, answers: [...input.answers, a('item2', 4)] });
    expect(error.extensions).toMatchObject({ field: 'answers.item2', reasons: ['DUPLICATE_ITEM'] });
    expect(error.message).toContain('answers.item2: WHO-5 item 2 is answered more than once; give each item once');
  });

  it.each([
    ['sdq', 'item7', 3, 'answers.item7: 3 is not an answer to SDQ item 7; answer 0 (Not true), 1 (Somewhat true) or 2 (Certainly true)'],
    ['sdq', 'item7', -1, 'answers.item7: -1 is not an answer to SDQ item 7'],
    ['sdq', 'item7', 1.5, 'answers.item7: 1.5 is not an answer to SDQ item 7'],
    ['who5', 'item3', 6, 'answers.item3: 6 is not an answer to WHO-5 item 3; answer 0 (At no time), 1 (Some of the time), 2 (Less than half of the time), 3 (More than half of the time), 4 (Most of the time) or 5 (All of the time)'],
  ])('refuses a value outside the answer options (%s %s = %s)', (instrument, item, v, message) => {
    const input = instrument === 'sdq' ? sdqInput('P4-17', [...sdqSymptoms({}).filter((x) => x.item !== item), a(item, v)]) : who5Input([2, 2, v, 2, 2]);
    const error = refused(input);
    expect(error.extensions).toMatchObject({ field: `answers.${item}`, reasons: ['VALUE_NOT_ALLOWED'] });
    expect(error.message).toContain(message);
  });

  it('refuses a value that is not a number', () => {
    const error = refused(who5Input([2, 2, '3' as unknown as number, 2, 2]));
    expect(error.extensions).toMatchObject({ field: 'answers.item3', reasons: ['VALUE_NOT_ALLOWED'] });
    expect(error.message).toContain('"3" is not an answer to WHO-5 item 3');
  });

  it('refuses WHO-5 with an item left out: all five are required', () => {
    const error = refused({ ...who5Input([3, 3, 3, 3, 3]), answers: who5Input([3, 3, 3, 3, 3]).answers.filter((x) => x.item !== 'item4') });
    expect(error.extensions).toMatchObject({ field: 'answers.item4', reasons: ['MISSING_REQUIRED_ITEM'] });
    expect(error.message).toContain('answers.item4: WHO-5 item 4 is not answered, and every WHO-5 1998 item marked required must be answered');
  });

  it('refuses an empty answer set', () => {
    const error = refused(sdqInput('P4-17', []));
    expect(error.extensions).toMatchObject({ field: 'answers', reasons: ['NO_ANSWERS'] });
  });

  it('refuses an impact question answered when "any difficulties?" is no or unanswered', () => {
    const no = refused(sdqInput('P4-17', [...sdqSymptoms({}), a('difficulties', 0), a('impactHome', 3)]));
    expect(no.extensions).toMatchObject({ field: 'answers.impactHome', reasons: ['ITEM_NOT_ENABLED'] });
    expect(no.message).toContain(
      'answers.impactHome: SDQ "interferes with home life" question applies only when answers.difficulties is 1 (Yes, minor difficulties), ' +
        '2 (Yes, definite difficulties), 3 (Yes, severe difficulties), and it is 0',
    );
    const unanswered = refused(sdqInput('P4-17', [...sdqSymptoms({}), a('impactDistress', 1)]));
    expect(unanswered.extensions).toMatchObject({ field: 'answers.impactDistress', reasons: ['ITEM_NOT_ENABLED'] });
    expect(unanswered.message).toContain('and it is not answered');
  });

  it('refuses a parent impact question on the teacher form', () => {
    const error = refused(sdqInput('T4-17', [...sdqSymptoms({}), a('difficulties', 1), a('impactHome', 2)]));
    expect(error.extensions).toMatchObject({ field: 'answers.impactHome', reasons: ['UNKNOWN_ITEM'] });
  });

  it('names every wrong item in one error, in the message and the extensions', () => {
    const input = who5Input([2, 9, 2, 2]);
    const error = refused({ ...input, answers: [...input.answers, a('item9', 1), a('item1', 3)] });
    expect(error.extensions['fields']).toEqual(['answers.item2', 'answers.item9', 'answers.item1', 'answers.item5']);
    expect(error.extensions['reasons']).toEqual(['VALUE_NOT_ALLOWED', 'UNKNOWN_ITEM', 'DUPLICATE_ITEM', 'MISSING_REQUIRED_ITEM']);
    expect(error.extensions['field']).toBe('answers.item2');
    expect(error.message).toMatch(/^The screening cannot be scored \(4 problems\): answers\.item2: .*; answers\.item9: .*; answers\.item1: .*; answers\.item5: .*\. Correct these and submit again\.$/);
  });
});

describe('instrument, version, informant and age', () => {
  it('refuses a 10-year-old on the self-report version (11-17), saying which versions fit', () => {
    const error = refused(sdqInput('S11-17', sdqSymptoms({}), 10));
    expect(error.extensions).toMatchObject({ field: 'versionId', reasons: ['AGE_OUTSIDE_VERSION'] });
    expect(error.message).toContain('versionId: SDQ S11-17 is for ages 11-17, and the child is 10 on 2025-03-01; versions that fit age 10: P4-17 (parent), T4-17 (teacher)');
  });

  it('accepts a 12-year-old on the self-report version', () => {
    expect(scoreScreening(registry, sdqInput('S11-17', sdqSymptoms({}), 12)).ageInYears).toBe(12);
  });

  it('refuses the parent 2-4 version for a 9-year-old', () => {
    const error = refused(sdqInput('P2-4', sdqSymptoms({}), 9));
    expect(error.extensions).toMatchObject({ field: 'versionId', reasons: ['AGE_OUTSIDE_VERSION'] });
    expect(error.message).toContain('SDQ P2-4 is for ages 2-4, and the child is 9');
  });

  it('accepts a 4-year-old on both the 2-4 and the 4-17 parent forms', () => {
    expect(scoreScreening(registry, sdqInput('P2-4', sdqSymptoms({}), 4)).ageInYears).toBe(4);
    expect(scoreScreening(registry, sdqInput('P4-17', sdqSymptoms({}), 4)).ageInYears).toBe(4);
  });

  it('counts the age on the day of screening: the 11th birthday itself fits self-report, the day before does not', () => {
    const input = (screeningDate: string): ScreeningInput => ({ ...sdqInput('S11-17', sdqSymptoms({})), birthDate: '2014-03-01', screeningDate });
    expect(scoreScreening(registry, input('2025-03-01')).ageInYears).toBe(11);
    expect(refused(input('2025-02-28')).extensions['reasons']).toEqual(['AGE_OUTSIDE_VERSION']);
  });

  it('refuses an 18-year-old on a 4-17 form', () => {
    expect(refused(sdqInput('P4-17', sdqSymptoms({}), 18)).message).toContain('SDQ P4-17 is for ages 4-17, and the child is 18');
  });

  it('refuses WHO-5 below its minimum age of 9 and accepts it at 9', () => {
    const error = refused(who5Input([3, 3, 3, 3, 3], 8));
    expect(error.extensions).toMatchObject({ field: 'versionId', reasons: ['AGE_OUTSIDE_VERSION'] });
    expect(error.message).toContain('WHO-5 1998 is from age 9, and the child is 8 on 2025-03-01; no version of WHO-5 fits age 8');
    expect(scoreScreening(registry, who5Input([3, 3, 3, 3, 3], 9)).ageInYears).toBe(9);
  });

  it('refuses a version filled in by another informant, naming the informant\'s versions', () => {
    const error = refused({ ...sdqInput('P4-17', sdqSymptoms({})), informant: 'teacher' });
    expect(error.extensions).toMatchObject({ field: 'informant', reasons: ['INFORMANT_MISMATCH'] });
    expect(error.message).toContain('informant: SDQ P4-17 is completed by a parent informant, not teacher; a teacher uses T2-4 or T4-17');
    expect(refused({ ...who5Input([3, 3, 3, 3, 3]), informant: 'parent' }).message).toContain('WHO-5 has no parent version');
  });

  it('refuses an unknown instrument and an unknown version, listing the known ones', () => {
    expect(refused({ ...who5Input([3]), instrumentId: 'phq9' }).message).toContain('instrumentId: there is no instrument "phq9"; use one of who5, sdq');
    const version = refused(sdqInput('P4-16', sdqSymptoms({})));
    expect(version.extensions).toMatchObject({ field: 'versionId', reasons: ['UNKNOWN_VERSION'] });
    expect(version.message).toContain('use one of P2-4, P4-17, T2-4, T4-17, S11-17');
  });

  it('refuses impossible dates and a screening before birth', () => {
    const bad = refused({ ...who5Input([3, 3, 3, 3, 3]), birthDate: '2012-02-30', screeningDate: '1 March 2025' });
    expect(bad.extensions['fields']).toEqual(['birthDate', 'screeningDate']);
    expect(bad.extensions['reasons']).toEqual(['INVALID_DATE', 'INVALID_DATE']);
    const before = refused({ ...who5Input([3, 3, 3, 3, 3]), birthDate: '2025-03-02', screeningDate: SCREENING_DATE });
    expect(before.extensions).toMatchObject({ field: 'screeningDate', reasons: ['INVALID_DATE'] });
  });

  it('lists age and answer problems together', () => {
    const { problems } = screeningProblems(registry, { ...who5Input([3, 3, 7, 3, 3], 8), birthDate: bornAged(8) });
    expect(problems.map((p) => p.reason)).toEqual(['AGE_OUTSIDE_VERSION', 'VALUE_NOT_ALLOWED']);
  });
});
