import { createHash } from 'node:crypto';

/**
 * Name-based UUIDs (version 5, RFC 9562 section 5.5): the same series and occurrence always give the same slot id,
 * so generating a planning horizon again, or twice at once on two servers, finds the slots it made before instead
 * of duplicating them. Ten lines over node:crypto; not worth a dependency.
 */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace of advisory slot ids; fixed forever, since changing it would re-identify every slot. */
export const ADVISORY_SLOT_NAMESPACE = '7f3d2ac8-0acf-4dd4-a9d3-e441387f318d';

/**
 * A slot is one occurrence of a series on one Copenhagen date (a series meets at most once a day). The date is the
 * occurrence's original one: moving the meeting, or changing the series' time of day, keeps the slot and its
 * bookings, and calendars see the same UID with a higher SEQUENCE.
 */
export function advisorySlotId(seriesId: string, occurrenceDate: string): string {
  return uuidV5(`${seriesId.toLowerCase()}/${occurrenceDate}`, ADVISORY_SLOT_NAMESPACE);
}
