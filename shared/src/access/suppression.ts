/** Counts from 1 to this minus one are withheld from aggregates (the usual Danish small-number rule). */
export const SMALL_COUNT_THRESHOLD = 5;

/**
 * Data minimisation for statistics: a count small enough to single out a child is suppressed (null). Zero stays
 * zero, because it identifies nobody.
 */
export function suppressSmallCount(count: number, threshold = SMALL_COUNT_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : count;
}
