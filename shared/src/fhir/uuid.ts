import { createHash, randomUUID } from 'node:crypto';
import { isUuid } from '../uuid7.ts';

/**
 * The UUIDs of a MedCom message. MedCom's identifier governance wants the identifiers a message is known by drawn
 * fresh: MessageHeader.id and Bundle.id are globally unique UUIDs (052.2), Communication.identifier and the segment
 * identifiers UUIDs of version 4 (the CareCommunication profiles), so those are random (`newMedComId`). The ids of the
 * resources inside a bundle are named by nothing outside it, so build derives them from the MessageHeader.id
 * (version 5, name-based): the same message always gives the same bundle.
 */

/** A random UUID of version 4 (RFC 9562 section 5.4), as MedCom wants its message and segment identifiers. */
export function newMedComId(): string {
  return randomUUID();
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}

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
