import { bandFor } from './bands.ts';
import {
  MissingScoreReason,
  type AnswerInput,
  type FlagResult,
  type Instrument,
  type InstrumentVersion,
  type ScoreDefinition,
  type ScoreResult,
  type ScreeningInput,
  type ScreeningResult,
  type Threshold,
} from './model.ts';
import type { InstrumentRegistry } from './registry.ts';
import { evaluateThresholds } from './thresholds.ts';
import { assertValidScreening } from './validate.ts';

/**
 * The one scoring engine: it reads an instrument version's data (items, answer scores, reverse items, missing-item
 * rules, gates, derived scores, flags) and a band table, and never asks which instrument it is scoring.
 */

/**
 * numerator / denominator rounded half up, in integers: floor(0.5 + n/d) = floor((2n + d) / 2d). Scores are small
 * non-negative integers, so this is exact where the float mean (4/3 * 5 = 6.666..., or 2.5 computed as 2.4999...)
 * could round the wrong way.
 */
export function roundHalfUpRatio(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError('roundHalfUpRatio takes a non-negative integer numerator and a positive integer denominator');
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export interface ComputedScore {
  value: number | null;
  missing: ScoreResult['missing'];
  answeredItems: number | null;
  prorated: boolean;
}

/** Each answered item's points: its option's score, turned round for a reverse-scored item. */
function itemPoints(instrument: Instrument, version: InstrumentVersion, answers: ReadonlyMap<string, number>): Map<string, number> {
  const points = new Map<string, number>();
  for (const item of version.items) {
    const value = answers.get(item.linkId);
    if (value === undefined) continue;
    const set = instrument.answerSets.find((s) => s.id === item.answerSet)!;
    const option = set.options.find((o) => o.value === value);
    if (!option) throw new Error(`${item.linkId}: value ${value} is not an option; validate answers before scoring`);
    if (item.reverse) {
      const scores = set.options.map((o) => o.score);
      points.set(item.linkId, Math.max(...scores) + Math.min(...scores) - option.score);
    } else {
      points.set(item.linkId, option.score);
    }
  }
  return points;
}

function computeOne(score: ScoreDefinition, answers: ReadonlyMap<string, number>, points: ReadonlyMap<string, number>, done: ReadonlyMap<string, ComputedScore>): ComputedScore {
  switch (score.kind) {
    case 'item-sum': {
      const answered = score.items.filter((linkId) => points.has(linkId));
      const n = answered.length;
      const total = score.items.length;
      if (score.gate) {
        const gateValue = answers.get(score.gate.item);
        if (gateValue !== undefined && score.gate.values.includes(gateValue)) {
          return { value: score.gate.score, missing: null, answeredItems: n, prorated: false };
        }
      }
      const sum = answered.reduce((acc, linkId) => acc + points.get(linkId)!, 0);
      const needed = score.missing.kind === 'require-all' ? total : score.missing.minAnswered;
      if (n < needed) {
        const rule = score.missing.kind === 'require-all' ? `all ${total} of its items` : `at least ${needed} of its ${total} items`;
        return {
          value: null,
          missing: { reason: MissingScoreReason.TOO_FEW_ITEMS_ANSWERED, detail: `${score.id} needs ${rule} answered; ${n} ${n === 1 ? 'is' : 'are'}.` },
          answeredItems: n,
          prorated: false,
        };
      }
      if (score.missing.kind === 'prorate' && n < total) {
        return { value: roundHalfUpRatio(sum * total, n), missing: null, answeredItems: n, prorated: true };
      }
      return { value: sum, missing: null, answeredItems: n, prorated: false };
    }
    case 'score-sum': {
      const absent = score.scores.filter((id) => done.get(id)?.value === null);
      if (absent.length) {
        return {
          value: null,
          missing: { reason: MissingScoreReason.COMPONENT_SCORE_MISSING, detail: `${score.id} is the sum of ${score.scores.join(', ')}; missing: ${absent.join(', ')}.` },
          answeredItems: null,
          prorated: false,
        };
      }
      const value = score.scores.reduce((acc, id) => acc + done.get(id)!.value!, 0);
      return { value, missing: null, answeredItems: null, prorated: score.scores.some((id) => done.get(id)!.prorated) };
    }
    case 'scaled': {
      const base = done.get(score.score)!;
      if (base.value === null) {
        return {
          value: null,
          missing: { reason: MissingScoreReason.COMPONENT_SCORE_MISSING, detail: `${score.id} is ${score.score} times ${score.multiplier}, and ${score.score} is missing.` },
          answeredItems: null,
          prorated: false,
        };
      }
      return { value: base.value * score.multiplier, missing: null, answeredItems: null, prorated: base.prorated };
    }
  }
}

/** Every score of a version, in the data's order, from answers already validated. */
export function computeScores(instrument: Instrument, version: InstrumentVersion, answers: ReadonlyMap<string, number>): Map<string, ComputedScore> {
  const points = itemPoints(instrument, version, answers);
  const done = new Map<string, ComputedScore>();
  for (const score of version.scores) {
    const computed = computeOne(score, answers, points, done);
    if (computed.value !== null && (computed.value < score.min || computed.value > score.max)) {
      throw new Error(`${instrument.id} ${version.id} ${score.id}: ${computed.value} lies outside ${score.min}-${score.max}; the instrument data is inconsistent`);
    }
    done.set(score.id, computed);
  }
  return done;
}

function flagsOf(version: InstrumentVersion, answers: ReadonlyMap<string, number>, scores: ReadonlyMap<string, ComputedScore>): FlagResult[] {
  const flags: FlagResult[] = [];
  for (const rule of version.flags) {
    if (rule.kind === 'score-range') {
      const value = scores.get(rule.score)?.value ?? null;
      if (value !== null && (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max)) {
        flags.push({ id: rule.id, label: rule.label, items: [] });
      }
    } else {
      const items = rule.items.filter((linkId) => {
        const value = answers.get(linkId);
        return value !== undefined && rule.values.includes(value);
      });
      if (items.length) flags.push({ id: rule.id, label: rule.label, items });
    }
  }
  return flags;
}

export interface ScoreOptions {
  /** Overrides the deployment's band scheme for this instrument (e.g. to re-band a result for a report). */
  bandScheme?: string;
  /** Screening thresholds to evaluate; those for other instruments are ignored. */
  thresholds?: readonly Threshold[];
}

/**
 * Validates a screening (throwing one BAD_USER_INPUT naming every problem, before anything is stored) and scores it
 * into a self-contained result.
 */
export function scoreScreening(registry: InstrumentRegistry, input: ScreeningInput, options: ScoreOptions = {}): ScreeningResult {
  const { instrument, version, ageInYears } = assertValidScreening(registry, input);
  const answers = new Map(input.answers.map((a) => [a.item, a.value]));
  const computed = computeScores(instrument, version, answers);
  const scheme = options.bandScheme ?? registry.bandSchemeFor(instrument.id);
  const table = scheme ? registry.bandTable(scheme) : undefined;
  if (scheme && (!table || table.instrument !== instrument.id)) throw new Error(`band scheme ${scheme} is not a band table of ${instrument.id}`);

  const scores: ScoreResult[] = version.scores.map((definition) => {
    const c = computed.get(definition.id)!;
    const banded = bandFor(table, version.id, definition.id, c.value, { ageInYears, ...(input.sex ? { sex: input.sex } : {}) });
    return {
      id: definition.id,
      label: definition.label,
      value: c.value,
      min: definition.min,
      max: definition.max,
      missing: c.missing,
      answeredItems: c.answeredItems,
      prorated: c.prorated,
      band: banded.band,
      bandMissing: banded.missing,
    };
  });

  const order = new Map(version.items.map((item, i) => [item.linkId, i]));
  const echoed: AnswerInput[] = [...input.answers].sort((a, b) => order.get(a.item)! - order.get(b.item)!).map((a) => ({ item: a.item, value: a.value }));
  const result: ScreeningResult = {
    instrumentId: instrument.id,
    instrumentRevision: instrument.revision,
    versionId: version.id,
    informant: version.informant,
    bandScheme: table ? table.id : null,
    screeningDate: input.screeningDate,
    ageInYears,
    answers: echoed,
    scores,
    flags: flagsOf(version, answers, computed),
    thresholds: [],
  };
  result.thresholds = evaluateThresholds(result, options.thresholds ?? []);
  return result;
}

/** A score of a result by id; undefined when the version has no such score. */
export function scoreOf(result: Pick<ScreeningResult, 'scores'>, id: string): ScoreResult | undefined {
  return result.scores.find((s) => s.id === id);
}
