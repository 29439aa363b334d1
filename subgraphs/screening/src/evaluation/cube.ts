import {
  ALL_KEY,
  categoryDimension,
  defineDimension,
  isShown,
  municipalityDimension,
  protectCube,
  REGION_KEY,
  type CubeSpec,
  type DimensionTree,
  type LeafCount,
  type LeafMeasureCount,
  type ProtectedCube,
  type PublishedValue,
} from '@pathway-graph/shared/statistics/index';
import { REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import type { EvaluationLeafRow } from '../db/evaluation.ts';
import { screeningTrack, type ScreeningTrack } from '../db/schema.ts';
import { TRACK_DEFINITIONS } from '../tracks/reference.ts';

/**
 * The evaluation of the screening effort as a cube of the shared disclosure-control engine
 * (shared/src/statistics/README.md): each child of a track and municipality is one fact, at the furthest stage of
 * the funnel it reached in the period (db/evaluation.ts), so "registered, screened, screened positive, with a plan"
 * are nested totals of one dimension and the engine protects them together with the municipalities' totals
 * (cluster, region): primary suppression of 1-4, secondary suppression so that no hidden count can be recomputed
 * from the others, and medians only over shown groups of 5 or more.
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

const node = (key: string, label: string, level: string, children?: DimensionTree[]): DimensionTree =>
  children ? { key, label, level, children } : { key, label, level };

function stageDimension() {
  return defineDimension(
    'stage',
    'Furthest stage in the period',
    node(ALL_KEY, 'Registered', 'registered', [
      node('NOT_SCREENED', 'Not screened', 'screened'),
      node('SCREENED', 'Screened', 'screened', [
        node('NEGATIVE', 'Screened negative', 'positive'),
        node('POSITIVE', 'Screened positive', 'positive', [
          node('WITH_PLAN', 'With an action plan', 'plan'),
          node('WITHOUT_PLAN', 'Without an action plan', 'plan'),
        ]),
      ]),
    ]),
  );
}

/** Where each published measure lies in the cube. */
const CELL_OF: Readonly<Record<EvaluationMeasure, Readonly<Record<string, string>>>> = {
  childrenRegistered: {},
  childrenScreened: { stage: 'SCREENED' },
  childrenScreenedPositive: { stage: 'POSITIVE' },
  childrenWithActionPlan: { stage: 'WITH_PLAN' },
  childrenImprovedOnRescreening: { rescreening: 'IMPROVED' },
};

export function evaluationCubeSpec(): CubeSpec {
  return {
    name: 'screeningEvaluation',
    dimensions: [
      municipalityDimension(),
      categoryDimension('track', 'Track', screeningTrack.enumValues.map((key) => ({ key, label: TRACK_DEFINITIONS.find((t) => t.track === key)!.name }))),
      stageDimension(),
      categoryDimension('rescreening', 'Re-screening', [
        { key: 'IMPROVED', label: 'Improved on re-screening' },
        { key: 'NOT_IMPROVED', label: 'Not improved (or not re-screened)' },
      ]),
    ],
    // Improvement is only ever told of children screened positive, so it needs no breakdown by stage.
    views: [
      ['municipality', 'track', 'stage'],
      ['municipality', 'track', 'rescreening'],
    ],
    measures: [{ name: 'daysToActionPlan', recordedFor: { stage: 'WITH_PLAN' } }],
  };
}

/** The evaluation's leaf counts (one GROUP BY in db/evaluation.ts), protected as one cube. */
export function protectEvaluation(rows: readonly EvaluationLeafRow[]): ProtectedCube {
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  for (const row of rows) {
    const at = { municipality: String(row.municipalityCode), track: row.track, stage: row.stage, rescreening: row.rescreening };
    counts.push({ at, count: row.count });
    if (row.daysToPlan !== null) measures.push({ at, measure: 'daysToActionPlan', value: row.daysToPlan, count: row.count });
  }
  return protectCube(evaluationCubeSpec(), counts, measures);
}

/** One published row: a track in a municipality, or (null) the track's region total. Hidden values are null. */
export interface PublishedEvaluationRow {
  track: ScreeningTrack;
  municipalityCode: number | null;
  counts: Record<EvaluationMeasure, number | null>;
  medianDaysToActionPlan: number | null;
  /** The values hidden by the engine (small counts and the cells that would give them away, alike). */
  withheld: WithheldValue[];
}

/**
 * The rows of the evaluation: per track, every municipality of the region (those without children too: leaving
 * them out would tell which hidden rows are not empty), then the region total, all cells of the one protected cube.
 */
export function evaluationRows(cube: ProtectedCube, tracks: readonly ScreeningTrack[]): PublishedEvaluationRow[] {
  const areas = [...REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => String(m.code)).sort((a, b) => Number(a) - Number(b)), REGION_KEY];
  const value = (v: PublishedValue) => (isShown(v) ? v.value : null);
  const columns = Object.fromEntries(
    EVALUATION_MEASURES.map((measure) => [
      measure,
      cube.select({ municipality: areas, track: [...tracks], ...CELL_OF[measure] }),
    ]),
  ) as Record<EvaluationMeasure, ReturnType<ProtectedCube['select']>>;
  const medians = cube.select(
    { municipality: areas, track: [...tracks], stage: 'WITH_PLAN' },
    { percentiles: [{ measure: 'daysToActionPlan', percentiles: [0.5] }] },
  );
  const rows: PublishedEvaluationRow[] = [];
  tracks.forEach((track, t) => {
    areas.forEach((area, a) => {
      // select lists rows in dimension order: municipality outermost, then track.
      const index = a * tracks.length + t;
      const withheld: WithheldValue[] = [];
      const counts = {} as Record<EvaluationMeasure, number | null>;
      for (const measure of EVALUATION_MEASURES) {
        const published = columns[measure].rows[index]!.count;
        counts[measure] = value(published);
        if (!isShown(published)) withheld.push(measure);
      }
      const median = medians.rows[index]!.percentiles?.['daysToActionPlan@0.5'] ?? null;
      if (median !== null && !isShown(median)) withheld.push('medianDaysToActionPlan');
      rows.push({
        track,
        municipalityCode: area === REGION_KEY ? null : Number(area),
        counts,
        medianDaysToActionPlan: median === null ? null : value(median),
        withheld,
      });
    });
  });
  return rows;
}

/** For the API's description: the rule as one sentence. */
export const SUPPRESSION_RULE =
  'Counts from 1 to 4 are hidden, and so is every further count (or zero breaking a hidden count down) from which a hidden ' +
  "count could be recomputed, across municipalities, clusters, the region and the funnel's stages (the shared statistics " +
  'engine); a median is shown only for a shown group of at least 5 and never as its smallest or largest value.';
