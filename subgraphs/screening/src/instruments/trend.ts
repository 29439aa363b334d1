import { badUserInput } from '@pathway-graph/shared/errors';
import type { BandResult, Direction, Informant, Instrument, LocalisedText, ScreeningResult } from './model.ts';

/** A stored result as far as a trend needs it; `id` lets a client link a point to its result. */
export type TrendResult = Pick<ScreeningResult, 'instrumentId' | 'versionId' | 'informant' | 'screeningDate' | 'scores'> & { id?: string };

export interface TrendPoint {
  resultId: string | null;
  screeningDate: string;
  versionId: string;
  value: number | null;
  band: BandResult | null;
}

export interface TrendChange {
  fromDate: string;
  toDate: string;
  /** later minus earlier; null when either value is missing. */
  change: number | null;
  /** Whether the change reaches the instrument's meaningful change; null when none is published or a value is missing. */
  meaningful: boolean | null;
  direction: 'improved' | 'worsened' | 'unchanged' | null;
}

export interface TrendSeries {
  informant: Informant;
  scoreId: string;
  label: LocalisedText;
  direction: Direction;
  meaningfulChange: number | null;
  points: TrendPoint[];
  changes: TrendChange[];
}

function scoreMeta(instrument: Instrument, scoreId: string): { label: LocalisedText; direction: Direction; meaningfulChange: number | null } | undefined {
  for (const version of instrument.versions) {
    const score = version.scores.find((s) => s.id === scoreId);
    if (score) return { label: score.label, direction: score.direction, meaningfulChange: score.meaningfulChange };
  }
  return undefined;
}

function changeBetween(a: TrendPoint, b: TrendPoint, direction: Direction, meaningfulChange: number | null): TrendChange {
  if (a.value === null || b.value === null) return { fromDate: a.screeningDate, toDate: b.screeningDate, change: null, meaningful: null, direction: null };
  const change = b.value - a.value;
  const better = direction === 'higher-is-better' ? change > 0 : change < 0;
  return {
    fromDate: a.screeningDate,
    toDate: b.screeningDate,
    change,
    meaningful: meaningfulChange === null ? null : Math.abs(change) >= meaningfulChange,
    direction: change === 0 ? 'unchanged' : better ? 'improved' : 'worsened',
  };
}

/**
 * A child's repeated results of one instrument as series per informant and score, oldest first, with the change
 * between consecutive results, whether it is meaningful and whether it is an improvement (direction and meaningful
 * change come from the instrument data: WHO-5 higher is better, 10 points on 0-100; SDQ difficulties lower is better).
 * Informants are kept apart: a parent's and a teacher's SDQ are not the same measurement.
 */
export function buildTrend(instrument: Instrument, results: readonly TrendResult[]): TrendSeries[] {
  const stranger = results.find((r) => r.instrumentId !== instrument.id);
  if (stranger) {
    throw badUserInput(`A trend is of one instrument: ${instrument.shortName} was asked for, and a result of ${stranger.instrumentId} was given`, { field: 'results' });
  }
  const ordered = results.map((r, i) => ({ r, i })).sort((a, b) => a.r.screeningDate.localeCompare(b.r.screeningDate) || a.i - b.i).map((x) => x.r);
  const series = new Map<string, TrendSeries>();
  for (const result of ordered) {
    for (const score of result.scores) {
      const key = `${result.informant}/${score.id}`;
      let s = series.get(key);
      if (!s) {
        const meta = scoreMeta(instrument, score.id);
        if (!meta) continue;
        s = { informant: result.informant, scoreId: score.id, ...meta, points: [], changes: [] };
        series.set(key, s);
      }
      s.points.push({ resultId: result.id ?? null, screeningDate: result.screeningDate, versionId: result.versionId, value: score.value, band: score.band });
    }
  }
  for (const s of series.values()) {
    for (let i = 1; i < s.points.length; i++) s.changes.push(changeBetween(s.points[i - 1]!, s.points[i]!, s.direction, s.meaningfulChange));
  }
  return [...series.values()];
}
