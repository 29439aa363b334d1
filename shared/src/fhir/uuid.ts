import { createHash } from 'node:crypto';
import { isUuid } from '../uuid7.ts';

/**
 * Name-based UUIDs (RFC 9562 version 5). Build must be deterministic, so the ids of the resources inside a bundle are
 * derived from the message id instead of drawn at random: rebuilding a message from the outbox after a crash gives
 * byte-identical JSON.
 */

/** This project's namespace, so our derived ids cannot coincide with another system's version-5 ids. */
export const CARE_COMMUNICATION_NAMESPACE = '15c0e4ad-eca1-4237-85fe-eaab6286a868';

export function uuidV5(name: string, namespace: string = CARE_COMMUNICATION_NAMESPACE): string {
  if (!isUuid(namespace)) throw new TypeError('uuidV5: the namespace must be a UUID');
  const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  // Version and variant bits, as RFC 9562 section 5.5 sets them.
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
