import { createHmac } from 'node:crypto';
import { badUserInput } from '../errors.ts';
import { parseCpr } from './cpr.ts';

/**
 * `Child.id`: every subgraph derives it from the CPR number with the same shared secret, so they agree on the id
 * without ever exchanging the CPR number, and nobody without the secret can recover it by hashing every possible
 * number (a few hundred million dates x serials, which a plain hash would allow in minutes).
 *
 * Format: "ch_" + the first 32 hex characters (128 bits) of HMAC-SHA256. 128 bits keeps the chance of any collision
 * among every CPR number ever issued (~10^7, allow 10^8) below 10^-22 by the birthday bound n^2 / 2^129. Lower-case hex
 * survives URLs, logs, case-insensitive stores and double-click selection unchanged; the prefix makes the id's kind
 * obvious where it turns up.
 */
const PREFIX = 'ch_';
const HEX_CHARS = 32;
const PSEUDONYM_SHAPE = /^ch_[0-9a-f]{32}$/;
export const MIN_PSEUDONYM_SECRET_LENGTH = 32;

export function childPseudonym(cpr: string, secret: string): string {
  if (typeof secret !== 'string' || secret.length < MIN_PSEUDONYM_SECRET_LENGTH) {
    // A deployment mistake, not the client's: a short secret would make the ids guessable.
    throw new Error(`Child pseudonym secret must be at least ${MIN_PSEUDONYM_SECRET_LENGTH} characters`);
  }
  const { normalized } = parseCpr(cpr);
  return PREFIX + createHmac('sha256', secret).update(normalized, 'utf8').digest('hex').slice(0, HEX_CHARS);
}

export function isChildPseudonym(s: unknown): s is string {
  return typeof s === 'string' && PSEUDONYM_SHAPE.test(s);
}

export function assertChildPseudonym(s: unknown, field = 'childId'): string {
  if (!isChildPseudonym(s)) {
    throw badUserInput(
      `${field} is not a child id: expected "ch_" followed by 32 lower-case hexadecimal characters (never a CPR number)`,
      { field },
    );
  }
  return s;
}
