import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SDQ } from './data/sdq.ts';
import { WHO5 } from './data/who5.ts';
import { scoreScreening } from './engine.ts';
import { createInstrumentRegistry } from './registry.ts';
import { sdqInput, sdqSymptoms, who5Input } from './test-support.ts';
import { buildTrend } from './trend.ts';

const registry = createInstrumentRegistry();
const who5On = (screeningDate: string, values: number[], id?: string) => ({ ...scoreScreening(registry, { ...who5Input(values), screeningDate }), ...(id ? { id } : {}) });
const sdqOn = (screeningDate: string, versionId: string, target: Parameters<typeof sdqSymptoms>[0]) =>
  scoreScreening(registry, { ...sdqInput(versionId, sdqSymptoms(target)), screeningDate });

describe('trends of repeated results', () => {
  it('WHO-5: a rise of 12 points is a meaningful improvement, a fall of 4 is not meaningful, no change is unchanged', () => {
    const results = [
      who5On('2025-03-01', [3, 3, 2, 2, 2], 'r1'), // 48
      who5On('2025-06-01', [3, 3, 3, 3, 3], 'r2'), // 60
      who5On('2025-09-01', [3, 3, 3, 3, 2], 'r3'), // 56
      who5On('2025-12-01', [3, 3, 3, 3, 2], 'r4'), // 56
    ];
    const series = buildTrend(WHO5, results).find((s) => s.scoreId === 'percentage')!;
    expect(series).toMatchObject({ informant: 'self', direction: 'higher-is-better', meaningfulChange: 10 });
    expect(series.points.map((p) => [p.resultId, p.value, p.band?.code])).toEqual([
      ['r1', 48, 'poor-well-being'],
      ['r2', 60, 'good-well-being'],
      ['r3', 56, 'good-well-being'],
      ['r4', 56, 'good-well-being'],
    ]);
    expect(series.changes).toEqual([
      { fromDate: '2025-03-01', toDate: '2025-06-01', change: 12, meaningful: true, direction: 'improved' },
      { fromDate: '2025-06-01', toDate: '2025-09-01', change: -4, meaningful: false, direction: 'worsened' },
      { fromDate: '2025-09-01', toDate: '2025-12-01', change: 0, meaningful: false, direction: 'unchanged' },
    ]);
  });

  it('WHO-5: exactly 10 points counts as meaningful, a fall of 12 as a meaningful worsening', () => {
    const series = buildTrend(WHO5, [who5On('2025-01-10', [3, 3, 3, 3, 3]), who5On('2025-02-10', [5, 3, 3, 3, 3]), who5On('2025-03-10', [2, 2, 2, 2, 2])]).find(
      (s) => s.scoreId === 'percentage',
    )!;
    // 60 -> 68 (+8, no), 68 -> 40 (-28, yes)
    expect(series.changes.map((c) => [c.change, c.meaningful, c.direction])).toEqual([
      [8, false, 'improved'],
      [-28, true, 'worsened'],
    ]);
    // The index moves in steps of 4, so a change of exactly 10 needs stored values; the rule is |change| >= 10.
    const template = who5On('2025-01-10', [2, 2, 2, 2, 2]).scores.find((x) => x.id === 'percentage')!;
    const stored = (screeningDate: string, value: number) => ({ instrumentId: 'who5', versionId: '1998', informant: 'self' as const, screeningDate, scores: [{ ...template, value }] });
    const [exactlyTen] = buildTrend(WHO5, [stored('2025-01-10', 40), stored('2025-02-10', 50), stored('2025-03-10', 41)]);
    expect(exactlyTen!.changes.map((c) => [c.change, c.meaningful])).toEqual([
      [10, true],
      [-9, false],
    ]);
  });

  it('WHO-5 raw score: 3 points (12 on the index) is meaningful, 2 points (8) is not, the same rule as the index', () => {
    const series = buildTrend(WHO5, [who5On('2025-01-10', [3, 3, 2, 2, 2]), who5On('2025-02-10', [3, 3, 3, 3, 3]), who5On('2025-03-10', [3, 3, 3, 2, 2])]);
    const raw = series.find((s) => s.scoreId === 'raw')!;
    const index = series.find((s) => s.scoreId === 'percentage')!;
    expect(raw.changes.map((c) => [c.change, c.meaningful])).toEqual([
      [3, true],
      [-2, false],
    ]);
    expect(index.changes.map((c) => [c.change, c.meaningful])).toEqual([
      [12, true],
      [-8, false],
    ]);
  });

  it('SDQ: a lower total is an improvement, a higher prosocial score too; no meaningful change is published', () => {
    const series = buildTrend(SDQ, [sdqOn('2025-01-01', 'P4-17', { emotional: 10, conduct: 10, prosocial: 4 }), sdqOn('2025-05-01', 'P4-17', { emotional: 8, conduct: 7, prosocial: 8 })]);
    const total = series.find((s) => s.scoreId === 'total')!;
    expect(total.changes).toEqual([{ fromDate: '2025-01-01', toDate: '2025-05-01', change: -5, meaningful: null, direction: 'improved' }]);
    expect(total.points.map((p) => p.band?.code)).toEqual(['very-high', 'slightly-raised']); // 20 and 15
    const prosocial = series.find((s) => s.scoreId === 'prosocial')!;
    expect(prosocial.changes[0]).toMatchObject({ change: 4, direction: 'improved', meaningful: null });
  });

  it('orders results by screening date and keeps informants apart', () => {
    const series = buildTrend(SDQ, [
      sdqOn('2025-05-01', 'P4-17', { emotional: 2 }),
      sdqOn('2025-05-02', 'T4-17', { emotional: 9 }),
      sdqOn('2025-01-01', 'P4-17', { emotional: 6 }),
    ]).filter((s) => s.scoreId === 'emotional');
    expect(series.map((s) => [s.informant, s.points.map((p) => p.screeningDate), s.points.map((p) => p.value)])).toEqual([
      ['parent', ['2025-01-01', '2025-05-01'], [6, 2]],
      ['teacher', ['2025-05-02'], [9]],
    ]);
    expect(series[0]!.changes[0]).toMatchObject({ change: -4, direction: 'improved' });
    expect(series[1]!.changes).toEqual([]);
  });

  it('leaves a change open when either score is missing', () => {
    const missing = scoreScreening(registry, { ...sdqInput('P4-17', [{ item: 'item3', value: 2 }]), screeningDate: '2025-06-01' });
    const total = buildTrend(SDQ, [sdqOn('2025-01-01', 'P4-17', { emotional: 5 }), missing]).find((s) => s.scoreId === 'total')!;
    expect(total.points.map((p) => p.value)).toEqual([5, null]);
    expect(total.changes[0]).toMatchObject({ change: null, meaningful: null, direction: null });
  });

  it('refuses results of another instrument', () => {
    expect(() => buildTrend(SDQ, [who5On('2025-01-01', [3, 3, 3, 3, 3])])).toThrow(GraphQLError);
  });
});
