import { describe, expect, it } from 'vitest';
import { expectRefusal } from '../../testing/refusal.ts';
import { CHAPTER_F_TITLES, SKS_ONLY_SUBCODES } from './chapter-f.ts';
import { diagnosisCodings, ICD10_SYSTEM, parseDiagnosisCode, parseDiagnosisCodes, SKS_SYSTEM } from './diagnosis-code.ts';

describe('parseDiagnosisCode', () => {
  it.each(['DF900', 'F90.0', 'F900', 'df900', ' f90.0 '])('normalises %j to SKS DF900 with ICD-10 F90.0', (input) => {
    expect(parseDiagnosisCode(input, 'diagnoses[0]')).toEqual({
      sks: 'DF900',
      icd10: 'F90.0',
      title: 'Forstyrrelse af aktivitet og opmærksomhed',
      chapter: 'V',
      warnings: [],
    });
  });

  it.each(['DF90', 'F90'])('accepts the three-character category %j', (input) => {
    expect(parseDiagnosisCode(input)).toMatchObject({ sks: 'DF90', icd10: 'F90', title: 'Hyperkinetiske forstyrrelser' });
  });

  it('writes an SKS-only "9" subcode as its category in ICD-10, and reads the ICD-10 form back to it', () => {
    expect(parseDiagnosisCode('DF039')).toMatchObject({ sks: 'DF039', icd10: 'F03', title: 'Demens UNS' });
    expect(parseDiagnosisCode('F03.9').sks).toBe('DF039');
  });

  it.each([
    ['F9', /not a well-formed diagnosis code.*SKS form \(e\.g\. DF900\).*ICD-10 form \(e\.g\. F90\.0\)/],
    ['F90.00', /not a well-formed/],
    ['DF9000000', /not a well-formed/],
    ['ADHD', /not a well-formed/],
    ['', /must be a diagnosis code/],
  ])('refuses the malformed %j without quoting it', (input, message) => {
    const refusal = expectRefusal(() => parseDiagnosisCode(input, 'diagnoses[2]'), 'BAD_USER_INPUT', 'diagnoses[2]', message);
    // The whole message is fixed text: nothing of the input is quoted back.
    expect(refusal.message.replace(/^diagnoses\[2\] (is not a well-formed|must be a) diagnosis code\. /, '')).toBe(
      'Write it in the SKS form (e.g. DF900) or the ICD-10 form (e.g. F90.0).',
    );
  });

  it('refuses a non-string', () => {
    expectRefusal(() => parseDiagnosisCode(900, 'code'), 'BAD_USER_INPUT', 'code', /must be a diagnosis code/);
  });

  it('refuses DF9000X, well-formed but not in the classification, pointing at the nearest known code', () => {
    const refusal = expectRefusal(
      () => parseDiagnosisCode('DF9000X', 'code'),
      'BAD_USER_INPUT',
      'code',
      /DF9000X is not in the ICD-10 chapter F classification.*nearest code in it is DF900 "Forstyrrelse af aktivitet og opmærksomhed"/,
    );
    expect(refusal.extensions['nearest']).toBe('DF900');
  });

  it.each([
    ['F90.7', 'DF907', 'DF90'],
    ['DF3200', 'DF3200', 'DF320'],
    ['F64.0', 'DF640', undefined],
  ])('refuses the unknown chapter F code %j', (input, sks, nearest) => {
    const refusal = expectRefusal(() => parseDiagnosisCode(input, 'code'), 'BAD_USER_INPUT', 'code', new RegExp(`${sks} is not in the ICD-10 chapter F`));
    expect(refusal.extensions['nearest']).toBe(nearest);
  });

  it.each([
    ['Z03.2', 'DZ032', 'Z03.2', 'XXI'],
    ['DZ032', 'DZ032', 'Z03.2', 'XXI'],
    ['G40', 'DG40', 'G40', 'VI'],
    ['DZ0320', 'DZ0320', null, 'XXI'],
  ])('accepts the other-chapter code %j with a warning', (input, sks, icd10, chapter) => {
    const code = parseDiagnosisCode(input, 'diagnoses[1]');
    expect(code).toMatchObject({ sks, icd10, title: null, chapter });
    expect(code.warnings).toEqual([
      { code: 'OUTSIDE_CHAPTER_F', field: 'diagnoses[1]', message: expect.stringMatching(new RegExp(`${sks} is in ICD-10 chapter ${chapter}, not chapter F`)) },
    ]);
  });

  it.each(['E95', 'K99.1', 'P97'])('refuses %j, whose category lies in no ICD-10 chapter', (input) => {
    expectRefusal(() => parseDiagnosisCode(input, 'code'), 'BAD_USER_INPUT', 'code', /is not a category of any ICD-10 chapter/);
  });
});

describe('parseDiagnosisCodes', () => {
  it('refuses the same diagnosis twice, also when written in both forms', () => {
    expectRefusal(() => parseDiagnosisCodes(['DF900', 'DF840', 'F90.0']), 'BAD_USER_INPUT', 'diagnoses[2]', /repeats DF900, already given as diagnoses\[0\]/);
  });

  it('names the failing entry by index', () => {
    expectRefusal(() => parseDiagnosisCodes(['DF900', 'F9'], 'outcome.diagnoses'), 'BAD_USER_INPUT', 'outcome.diagnoses[1]', /not a well-formed/);
  });
});

describe('diagnosisCodings', () => {
  it('gives the SKS coding with its title and the ICD-10 coding', () => {
    expect(diagnosisCodings(parseDiagnosisCode('F84.0'))).toEqual([
      { system: SKS_SYSTEM, code: 'DF840', display: 'Infantil autisme' },
      { system: ICD10_SYSTEM, code: 'F84.0' },
    ]);
    expect(diagnosisCodings(parseDiagnosisCode('DZ0320'))).toEqual([{ system: SKS_SYSTEM, code: 'DZ0320' }]);
  });
});

describe('the shipped chapter F', () => {
  const codes = [...CHAPTER_F_TITLES.keys()];

  it('holds only DF codes of 3 or 4 ICD-10 characters, each with a title', () => {
    for (const code of codes) expect(code).toMatch(/^DF\d{2}\d?$/);
    for (const title of CHAPTER_F_TITLES.values()) expect(title.trim()).not.toBe('');
    expect(codes.length).toBeGreaterThan(400);
  });

  it('has the parent category of every subcode', () => {
    for (const code of codes.filter((c) => c.length === 5)) expect(CHAPTER_F_TITLES.has(code.slice(0, 4)), code).toBe(true);
  });

  it('leaves out F64, which Denmark moved out of chapter F in 2017', () => {
    expect(codes.filter((code) => code.startsWith('DF64'))).toEqual([]);
  });

  it('marks as SKS-only exactly those "9" subcodes that are the single subcode of their category', () => {
    for (const code of SKS_ONLY_SUBCODES) {
      expect(CHAPTER_F_TITLES.get(code)).toBe(CHAPTER_F_TITLES.get(code.slice(0, 4)));
      expect(codes.filter((c) => c.length === 5 && c.startsWith(code.slice(0, 4)))).toEqual([code]);
    }
  });
});
