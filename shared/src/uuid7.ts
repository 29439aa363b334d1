import { randomBytes } from 'node:crypto';
import { badUserInput } from './errors.ts';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Sorting such ids sorts by creation
 * time, across every subgraph, so a merged log can be paginated by id alone.
 */
export function uuid7(now = Date.now()): string {
  const bytes = randomBytes(16);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Refuses an id that cannot be one of ours before it reaches SQL (whose error would quote it back). */
export function assertUuid(value: string, field = 'id', message = `${field} is not an id issued by this API (a UUID).`): string {
  if (!UUID.test(value)) throw badUserInput(message, { field });
  return value.toLowerCase();
}
