import { isValidCpr } from './cpr.ts';

/**
 * Finds what could be a CPR number in free text, so an anonymous advisory case (agreement 6.3) can refuse it, and
 * so a client-chosen identifier (a request id, a message id) that reads as one never reaches a log.
 *
 * The boundary, chosen so that a CPR number is never missed while ordinary numbers pass:
 * - A hit is ten digits grouped 6 + 4 as a CPR number is written: the date part DDMMYY either as six digits or as
 *   three pairs, each pair boundary with or without a separator (a dot, hyphen, slash or spaces: "12.06.15",
 *   "12 06 15", "12-06-15", "1206 15"), then the serial part as four digits, after nothing, spaces, or a hyphen, dot
 *   or slash with or without spaces ("-4764", " 4764", " - 4764").
 * - The ten digits must form a possible CPR number: a real date in the century the 7th digit gives (the project's
 *   own parseCpr decides; modulus 11 is not required, since numbers issued since 2007 may fail it).
 * - No digit may stand directly before or after it, so longer numbers (EAN/GLN location numbers, 11+ digit ids)
 *   are not hits, while a CPR number glued to letters ("cpr1206154764") is.
 * - Text pasted from word processors is folded first: every Unicode decimal digit counts as its ASCII digit, every
 *   dash (en dash, non-breaking hyphen, minus sign) as a hyphen, every space (no-break, narrow, ideographic, line
 *   breaks) as a space and a run of them as one, and invisible format characters (soft hyphen, zero-width space) are
 *   ignored.
 *
 * So phone numbers (8 digits, "+45 70 00 00 00": the digits after +45 never make a 6 + 4 group with a real date,
 * since 45 is no day), years, dates ("12.06.2015", "2015-06-12"), times ("09.00-09.45") and amounts do not trigger.
 * Ambiguous cases that do, deliberately (a missed CPR number is worse than a rephrased sentence): a two-digit-year
 * date directly followed by a four-digit number ("12.06.15 1430"), and any ten-digit number or 6 + 4 group that
 * happens to hold a real date. Not caught: ten digits grouped otherwise (2 + 2 + 2 + 2 + 2 as phone numbers are
 * written, 4 + 6), which would make any two phone numbers in a row a hit.
 */

export interface TextSpan {
  /** UTF-16 offsets into the original text; `end` is exclusive. */
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** Original offset of each folded character, plus the original length at the end. */
  offsets: number[];
}

const DECIMAL_DIGIT = /\p{Nd}/u;

/** Unicode assigns decimal digits in runs of ten, ascending from zero, so a digit's value is its place in its run. */
function digitValue(char: string): string {
  const nfkc = char.normalize('NFKC');
  if (/^[0-9]$/.test(nfkc)) return nfkc;
  const cp = char.codePointAt(0)!;
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((cp - start) % 10);
}

function foldChar(char: string): string {
  if (/\p{Cf}/u.test(char)) return '';
  if (DECIMAL_DIGIT.test(char)) return digitValue(char);
  if (/\s/u.test(char)) return ' ';
  if (/[\p{Pd}\u2212]/u.test(char)) return '-';
  const nfkc = char.normalize('NFKC');
  return nfkc.length === 1 ? nfkc : char.length === 1 ? char : '?';
}

function fold(text: string): Folded {
  let folded = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = foldChar(char);
    // Runs of spaces count as one: the pattern then needs no unbounded repetition.
    if (f && !(f === ' ' && folded.endsWith(' '))) {
      folded += f;
      offsets.push(offset);
    }
    offset += char.length;
  }
  offsets.push(offset);
  return { text: folded, offsets };
}

/** Between the pairs of the date, and before the serial: nothing, a space, or a dot, hyphen or slash with or without spaces. */
const SEPARATOR = '(?: ?[./-] ?| )?';
const CPR_LIKE = new RegExp(`(?<![0-9])([0-9]{2})${SEPARATOR}([0-9]{2})${SEPARATOR}([0-9]{2})${SEPARATOR}([0-9]{4})(?![0-9])`, 'g');

/** Every span of `text` that could be a CPR number, in order. */
export function findCprLikeNumbers(text: string): TextSpan[] {
  const { text: folded, offsets } = fold(text);
  const spans: TextSpan[] = [];
  const pattern = new RegExp(CPR_LIKE);
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    const [whole, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
    if (isValidCpr(`${dd}${mm}${yy}${serial}`)) {
      spans.push({ start: offsets[match.index]!, end: offsets[match.index + whole.length]! });
    } else {
      // Not a date here; a CPR number may still begin after the next separator, inside what this attempt consumed.
      pattern.lastIndex = match.index + 1;
    }
  }
  return spans;
}

export function containsCprLikeNumber(text: string): boolean {
  return findCprLikeNumbers(text).length > 0;
}
