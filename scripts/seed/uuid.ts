import type { Random } from './random.ts';

/**
 * A UUIDv7 for an instant of the synthetic history (not now), with its random bits from the seeded PRNG: ids sort by
 * the time they describe, as the access log, the inbox and the status history page by id.
 */
export function uuid7At(ms: number, random: Random): string {
  const time = Math.floor(ms).toString(16).padStart(12, '0');
  const rand = () => Math.floor(random.next() * 0x10000).toString(16).padStart(4, '0');
  const variant = (0x8000 | (Math.floor(random.next() * 0x4000))).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand().slice(1)}-${variant}-${rand()}${rand()}${rand()}`;
}

/**
 * A UUIDv4 with its random bits from the seeded PRNG, for the ids MedCom wants random (Bundle.id, MessageHeader.id,
 * Communication.identifier, the segment identifiers: version 4 by the CareCommunication profiles), while the same seed
 * still gives the same bundles.
 */
export function uuid4(random: Random): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(random.next() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(random.next() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
