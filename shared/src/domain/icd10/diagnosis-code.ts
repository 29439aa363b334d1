import { badUserInput } from '../../errors.ts';
import { CHAPTER_F_TITLES, SKS_ONLY_SUBCODES } from './chapter-f.ts';

/**
 * Diagnosis codes as clinicians type them. Both Danish forms are accepted and normalised to one:
 * - the SKS form, "D" + the ICD-10 code without its dot: DF900, DF90 (what Danish hospital systems store);
 * - the ICD-10 form, with or without the dot: F90.0, F900, F90.
 * The canonical form is the SKS code (`sks`, e.g. DF900), with the ICD-10 form beside it (`icd10`, e.g. F90.0).
 *
 * Chapter F (mental and behavioural disorders) is what child psychiatry diagnoses, and its codes are checked against
 * the shipped classification (chapter-f.ts): a code outside it is refused. Codes of other chapters (a Z-code for a
 * psychosocial circumstance, a G-code for epilepsy) are accepted with a warning: their shape and chapter are checked,
 * but the other chapters are not shipped, so whether such a code exists is not.
 */

export const SKS_SYSTEM = 'urn:oid:1.2.208.176.2.4';
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';

export interface DiagnosisWarning {
  code: 'OUTSIDE_CHAPTER_F';
  field: string;
  message: string;
}

export interface DiagnosisCode {
  /** Canonical SKS form, e.g. DF900. */
  sks: string;
  /** The WHO ICD-10 form, e.g. F90.0; null for an SKS subdivision finer than ICD-10's four characters. */
  icd10: string | null;
  /** The Danish title from the shipped chapter F; null for other chapters, whose titles are not shipped. */
  title: string | null;
  /** The ICD-10 chapter as a Roman numeral (V for chapter F). */
  chapter: string;
  warnings: DiagnosisWarning[];
}

/** ICD-10's chapters by their first and last three-character category. */
const CHAPTERS: ReadonlyArray<readonly [chapter: string, first: string, last: string]> = [
  ['I', 'A00', 'B99'],
  ['II', 'C00', 'D48'],
  ['III', 'D50', 'D89'],
  ['IV', 'E00', 'E90'],
  ['V', 'F00', 'F99'],
  ['VI', 'G00', 'G99'],
  ['VII', 'H00', 'H59'],
  ['VIII', 'H60', 'H95'],
  ['IX', 'I00', 'I99'],
  ['X', 'J00', 'J99'],
  ['XI', 'K00', 'K93'],
  ['XII', 'L00', 'L99'],
  ['XIII', 'M00', 'M99'],
  ['XIV', 'N00', 'N99'],
  ['XV', 'O00', 'O99'],
  ['XVI', 'P00', 'P96'],
  ['XVII', 'Q00', 'Q99'],
  ['XVIII', 'R00', 'R99'],
  ['XIX', 'S00', 'T98'],
  ['XX', 'V01', 'Y98'],
  ['XXI', 'Z00', 'Z99'],
  ['XXII', 'U00', 'U99'],
];

function chapterOf(category: string): string | undefined {
  return CHAPTERS.find(([, first, last]) => category >= first && category <= last)?.[0];
}

/** SKS: D, the ICD-10 letter and two digits, then up to four characters of (Danish) subdivision. */
const SKS_FORM = /^D([A-Z])(\d{2})([0-9A-Z]{0,4})$/;
/** ICD-10 (WHO): a letter, two digits, optionally a dot and one digit. */
const ICD10_FORM = /^([A-Z])(\d{2})(?:\.?(\d))?$/;

const FORM_HINT = 'Write it in the SKS form (e.g. DF900) or the ICD-10 form (e.g. F90.0).';

/**
 * Parses and checks one diagnosis code, returning its canonical form and any warnings; refuses with BAD_USER_INPUT
 * naming `field`. A malformed input is never quoted back (a mistyped field might hold anything).
 */
export function parseDiagnosisCode(input: unknown, field = 'code'): DiagnosisCode {
  if (typeof input !== 'string' || input.trim() === '') {
    throw badUserInput(`${field} must be a diagnosis code. ${FORM_HINT}`, { field });
  }
  const text = input.trim().toUpperCase();
  const sks = SKS_FORM.exec(text);
  const icd = sks ? null : ICD10_FORM.exec(text);
  if (!sks && !icd) {
    throw badUserInput(`${field} is not a well-formed diagnosis code. ${FORM_HINT}`, { field });
  }
  const [letter, digits, rest] = sks ? [sks[1]!, sks[2]!, sks[3] ?? ''] : [icd![1]!, icd![2]!, icd![3] ?? ''];
  const category = `${letter}${digits}`;
  const sksCode = `D${category}${rest}`;
  const chapter = chapterOf(category);
  if (chapter === undefined) {
    throw badUserInput(`${field}: ${category} is not a category of any ICD-10 chapter. Check the code. ${FORM_HINT}`, {
      field,
    });
  }

  if (letter === 'F') {
    const title = CHAPTER_F_TITLES.get(sksCode);
    if (title === undefined) throw unknownChapterFCode(sksCode, field);
    return { sks: sksCode, icd10: icd10Form(sksCode), title, chapter, warnings: [] };
  }

  const warnings: DiagnosisWarning[] = [
    {
      code: 'OUTSIDE_CHAPTER_F',
      field,
      message:
        `${sksCode} is in ICD-10 chapter ${chapter}, not chapter F (mental and behavioural disorders). It was accepted ` +
        'as given: only its form and chapter were checked, as the other chapters are not part of the shipped classification.',
    },
  ];
  return { sks: sksCode, icd10: rest.length <= 1 ? icd10Form(sksCode) : null, title: null, chapter, warnings };
}

/** F90.0 for DF900, F90 for DF90; an SKS-only "9" subcode is written as its category in ICD-10 (DF039 -> F03). */
function icd10Form(sksCode: string): string {
  const code = sksCode.slice(1);
  if (SKS_ONLY_SUBCODES.has(sksCode)) return code.slice(0, 3);
  return code.length === 3 ? code : `${code.slice(0, 3)}.${code.slice(3)}`;
}

function unknownChapterFCode(sksCode: string, field: string) {
  // Suggest the longest known code the unknown one starts with, which is what the clinician most likely meant.
  let nearest: string | undefined;
  for (let length = sksCode.length - 1; length >= 4 && nearest === undefined; length--) {
    const candidate = sksCode.slice(0, length);
    if (CHAPTER_F_TITLES.has(candidate)) nearest = candidate;
  }
  const suggestion =
    nearest === undefined
      ? 'Check the code against the ICD-10 chapter F classification (DF00-DF99).'
      : `The nearest code in it is ${nearest} "${CHAPTER_F_TITLES.get(nearest)}"; record that one, or pick a 4-character subcode of it.`;
  return badUserInput(
    `${field}: ${sksCode} is not in the ICD-10 chapter F classification this system ships (the 3- and 4-character ` +
      `SKS codes; finer Danish subdivisions are not included). ${suggestion}`,
    { field, code: sksCode, ...(nearest === undefined ? {} : { nearest }) },
  );
}

/** Several diagnoses: each checked, none repeated (after normalisation, so DF900 and F90.0 are the same). */
export function parseDiagnosisCodes(inputs: readonly unknown[], field = 'diagnoses'): DiagnosisCode[] {
  const parsed = inputs.map((input, i) => parseDiagnosisCode(input, `${field}[${i}]`));
  parsed.forEach((code, i) => {
    const first = parsed.findIndex((other) => other.sks === code.sks);
    if (first !== i) {
      throw badUserInput(`${field}[${i}] repeats ${code.sks}, already given as ${field}[${first}]; name each diagnosis once.`, {
        field: `${field}[${i}]`,
      });
    }
  });
  return parsed;
}

/** FHIR codings of a diagnosis: the SKS code always, the ICD-10 code where one exists. */
export function diagnosisCodings(code: DiagnosisCode): Array<{ system: string; code: string; display?: string }> {
  return [
    { system: SKS_SYSTEM, code: code.sks, ...(code.title === null ? {} : { display: code.title }) },
    ...(code.icd10 === null ? [] : [{ system: ICD10_SYSTEM, code: code.icd10 }]),
  ];
}
