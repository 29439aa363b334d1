/** ICD-10 diagnosis codes: the shipped chapter F (SKS form, Danish titles) and the validator. See README.md. */
export { CHAPTER_F_EDITION, CHAPTER_F_TITLES, SKS_ONLY_SUBCODES } from './chapter-f.ts';
export {
  diagnosisCodings,
  ICD10_SYSTEM,
  parseDiagnosisCode,
  parseDiagnosisCodes,
  SKS_SYSTEM,
  type DiagnosisCode,
  type DiagnosisWarning,
} from './diagnosis-code.ts';
