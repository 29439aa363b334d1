import { describe, expect, it } from 'vitest';
import { mergeAccessLogPages } from './merge-access-log.ts';

const e = (id: string, source: string) => ({ id, source });

describe('mergeAccessLogPages', () => {
  it('interleaves the sectors’ entries newest first and cuts at `first`', () => {
    const merged = mergeAccessLogPages(
      [
        { entries: [e('0005', 'municipality'), e('0002', 'municipality')], nextBefore: null },
        { entries: [e('0004', 'bua'), e('0003', 'bua'), e('0001', 'bua')], nextBefore: null },
      ],
      3,
    );
    expect(merged.entries.map((x) => x.id)).toEqual(['0005', '0004', '0003']);
    expect(merged.nextBefore).toBe('0003');
  });

  it('has no next page when every sector is exhausted and everything fit', () => {
    const merged = mergeAccessLogPages([{ entries: [e('0002', 'a')], nextBefore: null }, { entries: [e('0001', 'b')], nextBefore: null }], 5);
    expect(merged.entries).toHaveLength(2);
    expect(merged.nextBefore).toBeNull();
  });

  it('has a next page when a sector says it holds older entries', () => {
    const merged = mergeAccessLogPages([{ entries: [e('0002', 'a')], nextBefore: '0002' }, { entries: [], nextBefore: null }], 1);
    expect(merged.nextBefore).toBe('0002');
  });
});
