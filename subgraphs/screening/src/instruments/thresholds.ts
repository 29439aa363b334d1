import { thresholdSchema, type ScreeningResult, type Threshold, type ThresholdOutcome } from './model.ts';

type Scored = Pick<ScreeningResult, 'instrumentId' | 'versionId' | 'informant' | 'bandScheme' | 'scores'>;

/**
 * Whether a result passes a screening threshold (makes the child screen positive): a score compared with a value,
 * or a score in one of a band scheme's bands. `passed` is null, with a reason, when it cannot be decided: the
 * threshold is for another version or informant, the score is missing, or the result was banded with another scheme.
 */
export function evaluateThreshold(result: Scored, threshold: Threshold): ThresholdOutcome {
  const outcome = (passed: boolean | null, reason: ThresholdOutcome['reason']): ThresholdOutcome => ({
    thresholdId: threshold.id,
    track: threshold.track ?? null,
    passed,
    reason,
  });
  if (
    threshold.instrumentId !== result.instrumentId ||
    (threshold.versionIds && !threshold.versionIds.includes(result.versionId)) ||
    (threshold.informants && !threshold.informants.includes(result.informant))
  ) {
    return outcome(null, 'NOT_APPLICABLE');
  }
  const score = result.scores.find((s) => s.id === threshold.score);
  if (!score) return outcome(null, 'NOT_APPLICABLE');
  if (score.value === null) return outcome(null, 'SCORE_MISSING');
  const condition = threshold.condition;
  if (condition.kind === 'value') {
    const v = score.value;
    const passed = { lte: v <= condition.value, lt: v < condition.value, gte: v >= condition.value, gt: v > condition.value }[condition.comparator];
    return outcome(passed, null);
  }
  if (result.bandScheme !== condition.bandScheme) return outcome(null, 'BAND_SCHEME_MISMATCH');
  if (!score.band) return outcome(null, 'BAND_MISSING');
  return outcome(condition.bands.includes(score.band.code), null);
}

/** The outcomes of the thresholds for the result's instrument. */
export function evaluateThresholds(result: Scored, thresholds: readonly Threshold[]): ThresholdOutcome[] {
  return thresholds.filter((t) => t.instrumentId === result.instrumentId).map((t) => evaluateThreshold(result, t));
}

/** Parses thresholds from configuration (e.g. JSON per track), so a wrong one fails at start-up. */
export function parseThresholds(raw: unknown): Threshold[] {
  return thresholdSchema.array().parse(raw);
}
