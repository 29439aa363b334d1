import { badUserInput } from '../errors.ts';
import { impossibleDateReason, toIsoDate } from './calendar.ts';

/**
 * A validated CPR number. Personal data: never log it, put it in a URL or use it as a public id (see
 * childPseudonym for that). Error messages below therefore describe the problem without echoing the number.
 */
export interface Cpr {
  /** 10 digits, no hyphen. */
  normalized: string;
  /** ISO YYYY-MM-DD. */
  birthDate: string;
}

const CPR_SHAPE = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** The 7th digit disambiguates the century because YY alone cannot (CPR has covered births since 1858). */
export function cprCentury(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function parseCpr(input: string, field = 'cpr'): Cpr {
  const match = CPR_SHAPE.exec(typeof input === 'string' ? input.trim() : '');
  if (!match) {
    throw badUserInput(
      'CPR number must be 10 digits written DDMMYYSSSS or DDMMYY-SSSS (an optional hyphen after the 6th digit)',
      { field },
    );
  }
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = cprCentury(Number(serial[0]), Number(yy)) + Number(yy);
  const impossible = impossibleDateReason(year, month, day);
  if (impossible) {
    throw badUserInput(`CPR number has an impossible date: ${impossible.reason}`, { field, part: impossible.part });
  }
  return { normalized: `${dd}${mm}${yy}${serial}`, birthDate: toIsoDate(year, month, day) };
}

export function isValidCpr(input: string): boolean {
  try {
    parseCpr(input);
    return true;
  } catch {
    return false;
  }
}

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/**
 * Informational only: since 2007 CPR numbers are issued that fail modulus 11, so failing it must never be grounds
 * for rejecting a number. Checks only the shape, not the date, so it never throws.
 */
export function passesModulus11(cpr: string | Cpr): boolean {
  const digits = (typeof cpr === 'string' ? cpr.trim() : cpr.normalized).replace(/^(\d{6})-(\d{4})$/, '$1$2');
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = MOD11_WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return sum % 11 === 0;
}

/** DDMMYY-xxxx: the serial part identifies the person, the date part alone does not. */
export function maskCpr(cpr: string | Cpr): string {
  const { normalized } = typeof cpr === 'string' ? parseCpr(cpr) : cpr;
  return `${normalized.slice(0, 6)}-xxxx`;
}
