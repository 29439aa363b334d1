import { describe, expect, it } from 'vitest';
import { uuid7 } from './uuid7.ts';

describe('uuid7', () => {
  it('is a version 7, RFC 9562 variant UUID', () => {
    expect(uuid7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by creation time', () => {
    const ids = [uuid7(1_700_000_000_000), uuid7(1_700_000_000_001), uuid7(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the millisecond timestamp', () => {
    expect(uuid7(0x0123456789ab).replace(/-/g, '').slice(0, 12)).toBe('0123456789ab');
  });
});
