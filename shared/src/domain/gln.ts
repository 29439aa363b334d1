import { badUserInput } from '../errors.ts';

/**
 * GLN (lokationsnummer / EAN location number): 12 digits plus a GS1 mod-10 check digit. Checking it catches typos
 * before a message is sent to an endpoint that does not exist or, worse, to someone else's.
 */

/** Weights alternate 3,1,... from the digit next to the check digit, i.e. 1,3,1,3,... from the left for 12 digits. */
export function gs1CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) {
    throw badUserInput('A GLN prefix must be exactly 12 digits', { field: 'first12' });
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidGln(input: string): boolean {
  return typeof input === 'string' && /^\d{13}$/.test(input) && gs1CheckDigit(input.slice(0, 12)) === Number(input[12]);
}

/** Returns the GLN with surrounding whitespace removed. */
export function assertGln(input: string, field = 'locationNumber'): string {
  const gln = typeof input === 'string' ? input.trim() : '';
  if (!/^\d{13}$/.test(gln)) {
    throw badUserInput(`${field} must be 13 digits (a GLN / EAN location number)`, { field });
  }
  const expected = gs1CheckDigit(gln.slice(0, 12));
  const got = Number(gln[12]);
  if (expected !== got) {
    throw badUserInput(`${field} check digit is wrong: expected ${expected}, got ${got}`, { field, expected, got });
  }
  return gln;
}

/** Builds a valid GLN, for generating reference and test data. */
export function glnFromPrefix(first12: string): string {
  return first12 + String(gs1CheckDigit(first12));
}
