import { describe, expect, it } from 'vitest';
import { mergeTimeline, timelinePage, type SectorEvents } from './timeline.ts';

const e = (id: string, at: string) => ({ id, at, kind: 'LETTER_SENT' as const, recordStep: null, subjectId: id, summary: `event ${id}` });

describe('mergeTimeline', () => {
  const sectors: SectorEvents[] = [
    { sector: 'BUA', events: [e('b1', '2026-01-02T00:00:00.000Z'), e('b2', '2026-01-04T00:00:00+01:00')] },
    { sector: 'MUNICIPALITY', events: [e('m1', '2026-01-03T00:00:00.000Z'), e('m2', '2026-01-02T00:00:00.000Z')] },
  ];
  it('merges every sector chronologically, ties by sector order then id, ids naming the sector', () => {
    expect(mergeTimeline(sectors).map((x) => x.id)).toEqual(['MUNICIPALITY:m2', 'BUA:b1', 'MUNICIPALITY:m1', 'BUA:b2']);
    expect(mergeTimeline(sectors)[1]).toMatchObject({ sector: 'BUA', subjectId: 'b1' });
  });
  it('orders instants by the moment, not by how they are written', () => {
    const merged = mergeTimeline([{ sector: 'BUA', events: [e('late', '2026-01-01T10:00:00+01:00'), e('early', '2026-01-01T09:30:00.000Z')] }]);
    expect(merged.map((x) => x.subjectId)).toEqual(['late', 'early']);
  });
});

describe('timelinePage', () => {
  const events = mergeTimeline([{ sector: 'SCREENING', events: Array.from({ length: 7 }, (_, i) => e(`s${i}`, `2026-01-0${i + 1}T00:00:00.000Z`)) }]);
  it('pages through every event exactly once, oldest first', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = timelinePage(events, 3, after);
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((x) => x.node.subjectId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
  });
  it('keeps its place when an earlier event arrives between two reads', () => {
    const first = timelinePage(events, 2, null);
    const grown = mergeTimeline([{ sector: 'MUNICIPALITY', events: [e('new', '2026-01-01T12:00:00.000Z')] }, { sector: 'SCREENING', events: events.map((x) => ({ ...x, id: x.subjectId })) }]);
    expect(timelinePage(grown, 2, first.pageInfo.endCursor).edges.map((x) => x.node.subjectId)).toEqual(['s2', 's3']);
  });
  it('refuses a page size out of range and a cursor it did not make', () => {
    expect(() => timelinePage(events, 0, null)).toThrow(/first must be between 1 and 500/);
    expect(() => timelinePage(events, 10, 'not a cursor')).toThrow(/not a cursor/);
  });
  it('gives an empty last page with no cursor', () => {
    const page = timelinePage([], 5, null);
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});
