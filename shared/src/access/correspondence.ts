import type { Principal, Sector } from '../auth/principal.ts';
import { forbidden } from '../errors.ts';
import type { DataClass } from './policy.ts';

/**
 * Access decisions about correspondence letters between general practice and the municipalities (agreement 6.2).
 * The reads themselves pass decideChildRead; these say who else a letter is addressed to, and who may write them.
 */

/** What a read of a letter in a municipality's inbox gives the access policy beyond the owner. */
export interface LetterReadTerms {
  dataClass: DataClass;
  addressedTo: readonly { sector: Sector; organisation: string | null }[];
}

/**
 * A letter in a municipality's inbox is free text about the child, owned by that municipality. The agreement sends
 * letters to the municipality's health visitors too (6.2, section 7), who act for sector HEALTH_VISITING under the
 * employing municipality's code: they are its addressees, so they read it without a consent.
 */
export function inboxLetterReadTerms(municipalityCode: number): LetterReadTerms {
  return { dataClass: 'FREE_TEXT', addressedTo: [{ sector: 'HEALTH_VISITING', organisation: String(municipalityCode) }] };
}

/**
 * Letters are general practice's own correspondence: only general practitioners write them and read them back. The
 * GP role, not just the sector: a practice's analyst or administrator writes no letters about children.
 */
export function isGeneralPractitioner(principal: Pick<Principal, 'sector' | 'roles'>): boolean {
  return principal.sector === 'GENERAL_PRACTICE' && principal.roles.includes('GP');
}

export function assertGeneralPractitioner(principal: Pick<Principal, 'sector' | 'roles'>, what: string): void {
  if (!isGeneralPractitioner(principal)) {
    throw forbidden(`Only general practitioners can ${what}: correspondence letters are general practice's own records.`, {
      rule: 'GENERAL_PRACTITIONERS_ONLY',
    });
  }
}
