import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Header carrying the HMAC-SHA256 (hex), keyed with the secret the sectors share, of the sending sector's name, a
 * newline and the raw request body: the sender is signed too, so one sector cannot pass itself off as another.
 */
export const SIGNATURE_HEADER = 'x-message-signature';
/** Header naming the sending sector, e.g. `general-practice`. */
export const SENDER_HEADER = 'x-message-sender';

export function signBody(body: string | Buffer, secret: string, sender: string): string {
  return createHmac('sha256', secret).update(`${sender}\n`).update(body).digest('hex');
}

/**
 * Compares in constant time, so response timing does not reveal how much of a forged signature was right. The
 * lengths are compared first because timingSafeEqual refuses buffers of different length; the length of a valid
 * signature (64 hex digits) is no secret.
 */
export function verifySignature(body: Buffer, signature: string | undefined, secret: string, sender: string): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signBody(body, secret, sender), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
