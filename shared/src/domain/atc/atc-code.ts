import { badUserInput } from '../../errors.ts';
import { requiredText } from '../input.ts';

/**
 * ATC codes (Anatomical Therapeutic Chemical classification, WHO Collaborating Centre for Drug Statistics
 * Methodology), for the medicines of a medication agreement (agreement 6.1, Trin 4). Only the code's form is
 * checked, level by level: N06BA04 is N (level 1, anatomical main group), N06 (2, therapeutic subgroup), N06B (3),
 * N06BA (4), N06BA04 (5, the chemical substance). The index of names is not shipped: the WHOCC does not license
 * redistributing it, so the medicine's name is given by the person recording it (see README.md).
 */

export const ATC_SYSTEM = 'http://www.whocc.no/atc';

/** The 14 anatomical main groups (level 1); a code starting with any other letter is not an ATC code. */
export const ATC_MAIN_GROUPS = ['A', 'B', 'C', 'D', 'G', 'H', 'J', 'L', 'M', 'N', 'P', 'R', 'S', 'V'] as const;

/** The two groups where a child psychiatrist's medicines usually are: psycholeptics and psychoanaleptics. */
export const PSYCHIATRIC_GROUPS = ['N05', 'N06'] as const;

export type AtcLevel = 1 | 2 | 3 | 4 | 5;

export interface AtcWarning {
  code: 'OUTSIDE_PSYCHIATRIC_GROUPS';
  field: string;
  message: string;
}

export interface AtcCode {
  code: string;
  level: AtcLevel;
  warnings: AtcWarning[];
}

// Level by level: letter, two digits, letter, letter, two digits.
const LEVEL_FORMS: ReadonlyArray<readonly [AtcLevel, RegExp]> = [
  [1, /^[A-Z]$/],
  [2, /^[A-Z]\d{2}$/],
  [3, /^[A-Z]\d{2}[A-Z]$/],
  [4, /^[A-Z]\d{2}[A-Z]{2}$/],
  [5, /^[A-Z]\d{2}[A-Z]{2}\d{2}$/],
];

/** Any level of the classification; spaces are dropped and letters upper-cased (n06ba04, N06B A04). */
export function parseAtcCode(input: unknown, field = 'atcCode'): AtcCode {
  if (typeof input !== 'string' || input.trim() === '') {
    throw badUserInput(`${field} must be an ATC code, e.g. N06BA04.`, { field });
  }
  const code = input.replace(/\s+/g, '').toUpperCase();
  const level = LEVEL_FORMS.find(([, form]) => form.test(code))?.[0];
  if (level === undefined) {
    throw badUserInput(
      `${field} is not a well-formed ATC code: it is a letter, then two digits, a letter, a letter and two digits ` +
        '(e.g. N06BA04 for methylphenidate), cut after any level.',
      { field },
    );
  }
  if (!(ATC_MAIN_GROUPS as readonly string[]).includes(code[0]!)) {
    throw badUserInput(`${field}: ATC has no anatomical main group ${code[0]}; the groups are ${ATC_MAIN_GROUPS.join(', ')}.`, {
      field,
    });
  }
  return { code, level, warnings: [] };
}

/**
 * The substance of a prescription: a level-5 code (a group such as N06BA cannot be prescribed), with a warning when
 * it lies outside N05/N06 (guanfacine, C02AC02, is an ADHD medicine; a typo is likelier for most others).
 */
export function parseAtcSubstance(input: unknown, field = 'atcCode'): AtcCode {
  const atc = parseAtcCode(input, field);
  if (atc.level !== 5) {
    throw badUserInput(
      `${field}: ${atc.code} is an ATC group (level ${atc.level}); a medication agreement names one substance, a ` +
        'level-5 code of seven characters such as N06BA04.',
      { field, level: atc.level },
    );
  }
  if (!PSYCHIATRIC_GROUPS.some((group) => atc.code.startsWith(group))) {
    atc.warnings.push({
      code: 'OUTSIDE_PSYCHIATRIC_GROUPS',
      field,
      message: `${atc.code} is outside the psycholeptics (N05) and psychoanaleptics (N06); it was accepted, but check that it is the medicine meant.`,
    });
  }
  return atc;
}

/** The medicine's name as prescribed (e.g. "Methylphenidat"), 1-200 characters. */
export const MAX_MEDICINE_NAME_LENGTH = 200;
export function parseMedicineName(input: unknown, field = 'medicineName'): string {
  return requiredText(input, field, MAX_MEDICINE_NAME_LENGTH, 'The medicine name');
}
