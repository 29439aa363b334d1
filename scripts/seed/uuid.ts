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
