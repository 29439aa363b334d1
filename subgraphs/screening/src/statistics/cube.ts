import {
  ageBandDimension,
  ALL_KEY,
  categoryDimension,
  defineDimension,
  municipalityDimension,
  periodDimension,
  type CubeSpec,
  type Period,
  type StatisticDefinition,
} from '@pathway-graph/shared/statistics/index';
import { screeningTrack } from '../db/schema.ts';
import { TRACK_DEFINITIONS } from '../tracks/reference.ts';

/**
 * The screening statistic: screenings in the tracks, counted in SQL at these leaves (db/statistics.ts) and
 * protected by the shared engine. Each screening is one fact at the month it was made; a positive one is with or
 * without an action plan (made at any time), so "screened, screened positive, with an action plan" are nested
 * totals of the result dimension.
 */
export function resultDimension() {
  return defineDimension('result', 'Result', {
    key: ALL_KEY,
    label: 'Screenings',
    level: 'all',
    children: [
      { key: 'NEGATIVE', label: 'Negative', level: 'result' },
      {
        key: 'POSITIVE',
        label: 'Positive',
        level: 'positive',
        children: [
          { key: 'WITH_PLAN', label: 'Positive, with an action plan', level: 'result' },
          { key: 'WITHOUT_PLAN', label: 'Positive, without an action plan', level: 'result' },
        ],
      },
    ],
  });
}

export function trackDimension() {
  return categoryDimension(
    'track',
    'Track',
    screeningTrack.enumValues.map((key) => ({ key, label: TRACK_DEFINITIONS.find((t) => t.track === key)!.name })),
    'All tracks',
  );
}

/** Screenings of one biennium by municipality, month, the child's age band on the day, track and result. */
export function screeningCubeSpec(biennium: Period): CubeSpec {
  return {
    name: 'screenings',
    dimensions: [municipalityDimension(), periodDimension(biennium), ageBandDimension(), trackDimension(), resultDimension()],
    measures: [{ name: 'daysToActionPlan', recordedFor: { result: 'WITH_PLAN' } }],
  };
}

export const SCREENING_STATISTIC: StatisticDefinition = {
  name: 'screenings',
  description:
    "Screenings in the screening tracks, by the month screened, the municipality recorded with the screening, the child's " +
    'age band on the day, track and result (negative, or positive with or without an action plan); the days from a ' +
    'positive screening to its first action plan.',
  cube: screeningCubeSpec,
  shares: [
    { name: 'positive', description: 'Positive screenings, of all screenings.', numerator: { result: 'POSITIVE' }, denominator: {} },
    {
      name: 'withActionPlan',
      description: 'Positive screenings with an action plan, of the positive screenings.',
      numerator: { result: 'WITH_PLAN' },
      denominator: { result: 'POSITIVE' },
    },
  ],
};
