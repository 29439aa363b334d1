import { describe, expect, it } from 'vitest';
import {
  histogramSize,
  mayPublishPercentile,
  nearestRank,
  percentileDisc,
  percentileFromHistogram,
  publishPercentile,
} from './percentile.ts';
import { seeded } from './test-helpers.ts';

describe('nearest-rank percentiles', () => {
  it.each([
    [1, 0.5, 1],
    [1, 0.9, 1],
    [10, 0, 1],
    [10, 1, 10],
    [10, 0.5, 5],
    [11, 0.5, 6],
    [10, 0.9, 9],
    [9, 0.9, 9],
    [20, 0.9, 18],
    [19, 0.9, 18],
    [5, 0.5, 3],
    [6, 0.5, 3],
  ])('of %i values, the %f percentile is rank %i', (n, p, rank) => {
    expect(nearestRank(n, p)).toBe(rank);
  });

  it('takes the value at that rank, the lower middle value for an even count', () => {
    expect(percentileDisc([3, 1, 2], 0.5)).toBe(2);
    expect(percentileDisc([4, 1, 3, 2], 0.5)).toBe(2);
    expect(percentileDisc([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentileDisc([7, 7, 7, 1, 30], 0.5)).toBe(7);
    expect(percentileDisc([], 0.5)).toBeNull();
  });

  it('gives the same from a histogram as from the values', () => {
    const random = seeded(5);
    for (let trial = 0; trial < 50; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 15));
      const histogram = new Map<number, number>();
      for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
      expect(histogramSize(histogram)).toBe(values.length);
      for (const p of [0.1, 0.5, 0.9]) expect(percentileFromHistogram(histogram, p)).toBe(percentileDisc(values, p));
    }
    expect(percentileFromHistogram(new Map(), 0.5)).toBeNull();
  });

  it('refuses percentiles outside 0-1 and empty groups', () => {
    expect(() => nearestRank(0, 0.5)).toThrow(RangeError);
    expect(() => nearestRank(5, 1.5)).toThrow(RangeError);
    expect(() => nearestRank(5, Number.NaN)).toThrow(RangeError);
  });
});

describe('publishing a percentile', () => {
  it.each([
    [4, 0.5, true, false, 'fewer than 5 values'],
    [5, 0.5, false, false, 'the count is hidden'],
    [5, 0.5, true, true, 'the median of 5'],
    [9, 0.9, true, false, 'the 90th percentile of 9 is the largest value'],
    [10, 0.9, true, true, 'the 90th percentile of 10 is the 9th value'],
    [5, 0.1, true, false, 'the 10th percentile of 5 is the smallest value'],
  ])('n=%i p=%f shown count=%s -> %s (%s)', (n, p, countShown, allowed) => {
    expect(mayPublishPercentile(n, p, countShown)).toBe(allowed);
  });

  it('says null for an empty group, hidden or the value otherwise', () => {
    expect(publishPercentile({ n: 0, value: null, countShown: true }, 0.5)).toBeNull();
    expect(publishPercentile({ n: 12, value: 4, countShown: false }, 0.5)).toEqual({ suppressed: true });
    expect(publishPercentile({ n: 12, value: 4, countShown: true }, 0.5)).toEqual({ value: 4 });
  });
});
