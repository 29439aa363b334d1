import { SMALL_COUNT_THRESHOLD, suppressSmallCount } from '@pathway-graph/shared';

/**
 * Small-count suppression of the evaluation table, behind one function so the project's statistics engine can take
 * its place: `suppressEvaluation(rows)` is all the evaluation service calls.
 *
 * PLUG-IN POINT: when `shared/src/statistics/` (primary and secondary suppression) lands, replace the body of
 * `suppressEvaluation` with a call to it, describing the table as below (lines: per track and measure, the
 * municipality cells add up to the region total). Until then:
 *
 * - primary: a count from 1 to 4 is withheld (shared/src/access/suppression.ts; zero identifies nobody and stays);
 * - secondary: within each additive line (per track and measure, the municipality rows add up to the region row),
 *   a line never has exactly one withheld cell, or it could be recomputed as total minus the rest. When it has one,
 *   the smallest other non-zero municipality cell is withheld too, or the total when there is none. The counts are
 *   not additive in any other direction (the measures are a funnel, not parts of a whole), so no other line exists.
 * - the median days to a plan of a cell whose plan count is withheld is withheld with it.
 */

export const EVALUATION_MEASURES = [
  'childrenRegistered',
  'childrenScreened',
  'childrenScreenedPositive',
  'childrenWithActionPlan',
  'childrenImprovedOnRescreening',
] as const;
export type EvaluationMeasure = (typeof EVALUATION_MEASURES)[number];
export type WithheldValue = EvaluationMeasure | 'medianDaysToActionPlan';

/** One row of the evaluation as the database computes it: a municipality of a track, or (null) the track's region total. */
export interface EvaluationCounts {
  track: string;
  municipalityCode: number | null;
  counts: Record<EvaluationMeasure, number>;
  medianDaysToActionPlan: number | null;
}

export interface PublishedEvaluationRow {
  track: string;
  municipalityCode: number | null;
  counts: Record<EvaluationMeasure, number | null>;
  medianDaysToActionPlan: number | null;
  /** The values withheld, primary and secondary. */
  withheld: WithheldValue[];
}

/** The rows with every count that could single out a child withheld (null), and the region total of each track. */
export function suppressEvaluation(rows: readonly EvaluationCounts[]): PublishedEvaluationRow[] {
  const withheld = rows.map((row) => new Set<WithheldValue>(EVALUATION_MEASURES.filter((m) => suppressSmallCount(row.counts[m]) === null)));
  for (const track of new Set(rows.map((r) => r.track))) {
    const line = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.track === track);
    const total = line.find(({ row }) => row.municipalityCode === null);
    const parts = line.filter(({ row }) => row.municipalityCode !== null);
    for (const measure of EVALUATION_MEASURES) secondary(measure, parts, total, withheld);
  }
  return rows.map((row, i) => {
    const w = withheld[i]!;
    if (w.has('childrenWithActionPlan') && row.medianDaysToActionPlan !== null) w.add('medianDaysToActionPlan');
    const counts = Object.fromEntries(EVALUATION_MEASURES.map((m) => [m, w.has(m) ? null : row.counts[m]])) as Record<EvaluationMeasure, number | null>;
    return {
      track: row.track,
      municipalityCode: row.municipalityCode,
      counts,
      medianDaysToActionPlan: w.has('medianDaysToActionPlan') ? null : row.medianDaysToActionPlan,
      withheld: [...EVALUATION_MEASURES, 'medianDaysToActionPlan' as const].filter((v) => w.has(v)),
    };
  });
}

type Cell = { row: EvaluationCounts; index: number };

function secondary(measure: EvaluationMeasure, parts: readonly Cell[], total: Cell | undefined, withheld: Set<WithheldValue>[]): void {
  const isWithheld = (c: Cell) => withheld[c.index]!.has(measure);
  const hidden = parts.filter(isWithheld).length + (total && isWithheld(total) ? 1 : 0);
  // Without a published total there is nothing to subtract from; with two or more hidden cells none can be recomputed.
  if (!total || hidden !== 1) return;
  const candidates = parts.filter((c) => !isWithheld(c) && c.row.counts[measure] > 0).sort((a, b) => a.row.counts[measure] - b.row.counts[measure]);
  withheld[(candidates[0] ?? total).index]!.add(measure);
}

/** For the API's description: the rule as one sentence. */
export const SUPPRESSION_RULE =
  `Counts from 1 to ${SMALL_COUNT_THRESHOLD - 1} are withheld, and within each track and measure one more cell (the smallest ` +
  'other non-zero municipality, or the region total) whenever a single withheld cell could be recomputed from the total.';
