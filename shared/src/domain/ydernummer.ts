import { badUserInput } from '../errors.ts';

/**
 * A practice's provider number (ydernummer) under the collective agreement between the regions and PLO: one to six
 * digits. Correspondence letters carry it beside the MedCom bundle, which has no element for it.
 */
const YDERNUMMER = /^\d{1,6}$/;

export function isYdernummer(input: unknown): input is string {
  return typeof input === 'string' && YDERNUMMER.test(input);
}

/**
 * Returns the ydernummer with surrounding whitespace removed. Refusing anything else up front tells a caller who
 * pasted a CPR or location number what went wrong, instead of a NOT_FOUND that suggests a practice might have closed.
 */
export function assertYdernummer(input: string, field = 'ydernummer'): string {
  const ydernummer = typeof input === 'string' ? input.trim() : '';
  if (!isYdernummer(ydernummer)) {
    throw badUserInput(`${field} must be 1 to 6 digits (a practice's provider number, ydernummer)`, { field });
  }
  return ydernummer;
}
