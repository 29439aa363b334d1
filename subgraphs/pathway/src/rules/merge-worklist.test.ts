import { describe, expect, it } from 'vitest';
import { mergeWorklistKeys, parseWorklistCursor, worklistCursor, worklistPage } from './merge-worklist.ts';

describe('mergeWorklistKeys', () => {
  it('gives a child with actions in two sectors one entry, keyed by the earliest day, listing both sectors', () => {
    const merged = mergeWorklistKeys([
      ['municipality', [{ childId: 'a', earliestDueOn: '2026-03-10' }, { childId: 'b', earliestDueOn: '2026-03-01' }]],
      ['bua', [{ childId: 'a', earliestDueOn: '2026-02-01' }]],
    ]);
    expect(merged).toEqual([
      { childId: 'a', earliestDueOn: '2026-02-01', sectors: ['municipality', 'bua'] },
      { childId: 'b', earliestDueOn: '2026-03-01', sectors: ['municipality'] },
    ]);
  });
  it('orders children due on the same day by id', () => {
    const merged = mergeWorklistKeys([['bua', [{ childId: 'z', earliestDueOn: '2026-01-01' }, { childId: 'c', earliestDueOn: '2026-01-01' }]]]);
    expect(merged.map((k) => k.childId)).toEqual(['c', 'z']);
  });
  it('keeps only the children a filtering sector named, with the earliest day of all their sectors', () => {
    const merged = mergeWorklistKeys(
      [
        ['municipality', [{ childId: 'a', earliestDueOn: '2026-03-10' }, { childId: 'b', earliestDueOn: '2026-03-01' }]],
        ['bua', [{ childId: 'a', earliestDueOn: '2026-02-01' }, { childId: 'c', earliestDueOn: '2026-01-01' }]],
      ],
      new Set(['a']),
    );
    expect(merged).toEqual([{ childId: 'a', earliestDueOn: '2026-02-01', sectors: ['municipality', 'bua'] }]);
  });
});

describe('worklistPage', () => {
  const keys = [
    { childId: 'a', earliestDueOn: '2026-01-01' },
    { childId: 'b', earliestDueOn: '2026-01-01' },
    { childId: 'c', earliestDueOn: '2026-01-02' },
  ];
  it('pages after the cursor without repeating or skipping a child', () => {
    const first = worklistPage(keys, 2, null);
    expect(first).toEqual({ page: keys.slice(0, 2), hasNextPage: true });
    const second = worklistPage(keys, 2, parseWorklistCursor(worklistCursor(first.page.at(-1)!)));
    expect(second).toEqual({ page: keys.slice(2), hasNextPage: false });
  });
  it('refuses a cursor it did not make', () => {
    expect(() => parseWorklistCursor(Buffer.from('not a key').toString('base64url'))).toThrow(/not a cursor returned by this API/);
  });
});
