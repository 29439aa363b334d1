import { describe, expect, it } from 'vitest';
import { mergeAccessLogPages, type SourcePage } from './merge-access-log.ts';

const e = (id: string, source: string) => ({ id, source });
const from = (source: string, page: SourcePage<{ id: string; source: string }> | null) => ({ source, page });

describe('mergeAccessLogPages', () => {
  it('interleaves the sectors’ entries newest first and cuts at `first`', () => {
    const merged = mergeAccessLogPages(
      [
        from('municipality', { entries: [e('0005', 'municipality'), e('0002', 'municipality')], nextBefore: null }),
        from('bua', { entries: [e('0004', 'bua'), e('0003', 'bua'), e('0001', 'bua')], nextBefore: null }),
      ],
      3,
    );
    expect(merged.entries.map((x) => x.id)).toEqual(['0005', '0004', '0003']);
    expect(merged.nextBefore).toBe('0003');
    expect(merged.unavailableSources).toEqual([]);
  });

  it('has no next page when every sector is exhausted and everything fit', () => {
    const merged = mergeAccessLogPages([from('a', { entries: [e('0002', 'a')], nextBefore: null }), from('b', { entries: [e('0001', 'b')], nextBefore: null })], 5);
    expect(merged.entries).toHaveLength(2);
    expect(merged.nextBefore).toBeNull();
  });

  it('has a next page when a sector says it holds older entries', () => {
    const merged = mergeAccessLogPages([from('a', { entries: [e('0002', 'a')], nextBefore: '0002' }), from('b', { entries: [], nextBefore: null })], 1);
    expect(merged.nextBefore).toBe('0002');
  });

  it('keeps the answering sectors’ entries when one did not answer, and names the one missing', () => {
    const merged = mergeAccessLogPages(
      [from('a', { entries: [e('0003', 'a'), e('0001', 'a')], nextBefore: null }), from('bua', null), from('c', { entries: [e('0002', 'c')], nextBefore: null })],
      5,
    );
    expect(merged.entries.map((x) => x.id)).toEqual(['0003', '0002', '0001']);
    expect(merged.unavailableSources).toEqual(['bua']);
  });
});
