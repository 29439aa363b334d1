import { isUuid } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { advisorySlotId, uuidV5 } from './slot-id.ts';

const SERIES = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('uuidV5', () => {
  it('gives the RFC 9562 example value (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('advisorySlotId', () => {
  it('is a stable UUID per series and occurrence date', () => {
    const id = advisorySlotId(SERIES, '2026-03-03');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(advisorySlotId(SERIES, '2026-03-03')).toBe(id);
    expect(advisorySlotId(SERIES.toUpperCase(), '2026-03-03')).toBe(id);
  });

  it('differs between dates and between series', () => {
    const ids = new Set([
      advisorySlotId(SERIES, '2026-03-03'),
      advisorySlotId(SERIES, '2026-03-10'),
      advisorySlotId('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', '2026-03-03'),
    ]);
    expect(ids.size).toBe(3);
  });
});
