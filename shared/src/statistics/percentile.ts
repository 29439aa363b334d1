import { SMALL_COUNT_THRESHOLD } from '../access/suppression.ts';
import type { PublishedValue } from './published.ts';

/**
 * Percentiles by nearest rank: the p-th percentile of n values is the value at rank max(1, ceil(p * n)) in ascending
 * order (1-based). This is exactly PostgreSQL's `percentile_disc(p) WITHIN GROUP (ORDER BY x)` ("the first value
 * whose position in the ordering equals or exceeds the fraction"; `ceil(percentile * rowcount)` on doubles in its
 * source, which JavaScript's doubles reproduce), so a subgraph may compute a percentile in SQL or from a histogram
 * here and get the same number.
 *
 * Why nearest rank and not linear interpolation (`percentile_cont`): reply and waiting times are whole (working)
 * days, and a nearest-rank percentile is always one of them; "the 90th percentile is 7 working days" then means
 * "at least 90 % were answered within 7 working days", the same reading as the share answered within the deadline.
 * For an even count the median is the lower of the two middle values (not their mean).
 */
export function nearestRank(n: number, p: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('a percentile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile ${p} is not between 0 and 1`);
  return Math.max(1, Math.ceil(p * n));
}

/** The nearest-rank percentile of the values, or null when there are none. */
export function percentileDisc(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, p) - 1]!;
}

/** A histogram: how many facts had each value (e.g. replies after 0, 1, 2, ... working days). */
export type Histogram = ReadonlyMap<number, number>;

export function histogramSize(histogram: Histogram): number {
  let n = 0;
  for (const count of histogram.values()) n += count;
  return n;
}

/** The nearest-rank percentile of the facts counted in a histogram, or null when it is empty. */
export function percentileFromHistogram(histogram: Histogram, p: number): number | null {
  const n = histogramSize(histogram);
  if (n === 0) return null;
  const rank = nearestRank(n, p);
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value)!;
    if (seen >= rank) return value;
  }
  throw new Error('unreachable: the ranks add up to n');
}

/**
 * Whether a percentile of a group may be shown: the group's count is itself shown (so at least 5, or the engine's
 * threshold), and the percentile is not the group's smallest or largest value. A count hidden as a secondary
 * suppression must not be hinted at by a percentile (which would tell that it is at least 5), and an extreme
 * (e.g. the 90th percentile of 5 to 9 values, which is the maximum) would show one child's own value.
 */
export function mayPublishPercentile(n: number, p: number, countShown: boolean, threshold = SMALL_COUNT_THRESHOLD): boolean {
  if (!countShown || n < threshold) return false;
  const rank = nearestRank(n, p);
  return rank > 1 && rank < n;
}

/**
 * A percentile as published: null when the group is empty (nothing to describe), hidden when the rules of
 * `mayPublishPercentile` say so, else the value. For a subgraph that computes `percentile_disc` and `count(*)` in SQL
 * per group and knows from the engine whether that group's count is shown.
 */
export function publishPercentile(
  group: { n: number; value: number | null; countShown: boolean },
  p: number,
  threshold = SMALL_COUNT_THRESHOLD,
): PublishedValue | null {
  if (group.n === 0 || group.value === null) return null;
  return mayPublishPercentile(group.n, p, group.countShown, threshold) ? { value: group.value } : { suppressed: true };
}
