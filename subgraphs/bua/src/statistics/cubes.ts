import {
  ageBandDimension,
  ALL_KEY,
  categoryDimension,
  defineDimension,
  municipalityDimension,
  periodDimension,
  sexDimension,
  type CubeSpec,
  type DimensionTree,
  type Period,
  type StatisticDefinition,
} from '@pathway-graph/shared/statistics/index';

/**
 * BUA's statistics as cubes of the shared disclosure-control engine (shared/src/statistics/README.md): what is
 * counted, at which leaves, and which dimensions a query may break down together. db/statistics.ts counts the facts
 * at exactly these leaves in one GROUP BY per cube.
 */

function node(key: string, label: string, level: string, children?: DimensionTree[]): DimensionTree {
  return children ? { key, label, level, children } : { key, label, level };
}

/** Who referred the child (henviser): the GP or the municipality (agreement 6.1, Trin 3). */
export const REFERRAL_SOURCES = [
  { key: 'GP', label: 'GP' },
  { key: 'MUNICIPALITY', label: 'Municipality' },
] as const;

export const ACUTENESS = [
  { key: 'ACUTE', label: 'Acute' },
  { key: 'NOT_ACUTE', label: 'Not acute' },
] as const;

/**
 * The visitation decision (visitation, agreement 6.1): not yet visited, or visited with the decision that no
 * assessment is needed or to assess. `VISITED` is the total of the two decisions, the referrals a waiting time to
 * visitation is known for.
 */
export function decisionDimension() {
  return defineDimension(
    'decision',
    'Visitation decision',
    node(ALL_KEY, 'All referrals', 'all', [
      node('NOT_VISITED', 'Not yet visited', 'decision'),
      node('VISITED', 'Visited', 'visited', [
        node('NO_ASSESSMENT_NEEDED', 'No assessment needed', 'decision'),
        node('ASSESSMENT', 'Accepted for assessment', 'decision'),
      ]),
    ]),
  );
}

export const DECISION_LEAVES = ['NOT_VISITED', 'NO_ASSESSMENT_NEEDED', 'ASSESSMENT'] as const;

/**
 * Referrals received by BUA in one biennium, by the child's municipality, the month of receipt, the child's age band
 * (on the day of receipt) and sex, who referred, acuteness and the visitation decision as it stood at the end of the
 * counted months; the calendar days from receipt to the visitation decision. The views keep the cube small: a
 * query breaks down municipality and period with the person (age band x sex), with who referred and acuteness, or
 * with the decision and who referred.
 *
 * The decision (and an assessment's outcome) is counted as it stood on the last day counted (the end of the last
 * closed month, or of a closed biennium; db/statistics.ts reachedBy), not as it stands when the query runs: the
 * status report of a period tells what was decided in it, a referral decided after the period is "not yet visited"
 * there, and a closed month's cells do not move as BUA goes on deciding.
 */
export function referralCubeSpec(biennium: Period): CubeSpec {
  return {
    name: 'buaReferrals',
    dimensions: [
      municipalityDimension(),
      periodDimension(biennium),
      ageBandDimension(),
      sexDimension(),
      categoryDimension('source', 'Referred by', REFERRAL_SOURCES, 'All referrers'),
      categoryDimension('acuteness', 'Acuteness', ACUTENESS, 'Acute and not acute'),
      decisionDimension(),
    ],
    views: [
      ['municipality', 'period', 'ageBand', 'sex'],
      ['municipality', 'period', 'source', 'acuteness'],
      ['municipality', 'period', 'source', 'decision'],
    ],
    measures: [{ name: 'daysToVisitation', recordedFor: { decision: 'VISITED' } }],
  };
}

/** Where a started assessment stands: under way, or concluded with or without a diagnosis. */
export function outcomeDimension() {
  return defineDimension(
    'outcome',
    'Outcome of the assessment',
    node(ALL_KEY, 'All assessments started', 'all', [
      node('IN_ASSESSMENT', 'Assessment under way', 'outcome'),
      node('ASSESSED', 'Assessed', 'assessed', [
        node('DIAGNOSED', 'Assessed: diagnosed', 'outcome'),
        node('NO_DIAGNOSIS', 'Assessed: no diagnosis', 'outcome'),
      ]),
    ]),
  );
}

export const OUTCOME_LEAVES = ['IN_ASSESSMENT', 'DIAGNOSED', 'NO_DIAGNOSIS'] as const;

/**
 * Assessments (udredninger) BUA started in one biennium, by the month they started, the child's municipality, age
 * band and sex, who referred and the outcome as it stood on the last day counted; the calendar days from the
 * referral's receipt to the start of the assessment (the waiting time to assessment). A fact of its own, dated by
 * its own month: an
 * assessment started in March of a referral received in February belongs to March here and to February in
 * buaReferrals, so the two cubes are no linked tables.
 */
export function assessmentCubeSpec(biennium: Period): CubeSpec {
  return {
    name: 'buaAssessments',
    dimensions: [
      municipalityDimension(),
      periodDimension(biennium),
      ageBandDimension(),
      sexDimension(),
      categoryDimension('source', 'Referred by', REFERRAL_SOURCES, 'All referrers'),
      outcomeDimension(),
    ],
    views: [
      ['municipality', 'period', 'ageBand', 'sex'],
      ['municipality', 'period', 'source', 'outcome'],
    ],
    measures: [{ name: 'daysToAssessment' }],
  };
}

/** The kinds of advisory slot (advisory/types.ts SLOT_KINDS). */
export const ADVISORY_SLOT_KINDS = [
  { key: 'CONSULTATION', label: 'Consultation (sparring or supervision)' },
  { key: 'TEACHING', label: 'Teaching session' },
] as const;

/**
 * What became of one slot offered to one municipality: a teaching session open to three municipalities is three
 * offers, so the region total is the sum of its municipalities. Booked offers were used (the meeting began with a
 * booking still standing), are upcoming, or were cancelled (every booking cancelled, by the municipality or with the
 * slot); offers never booked stayed open or were withdrawn by BUA.
 */
export function advisoryStatusDimension() {
  return defineDimension(
    'status',
    'What became of the slot',
    node(ALL_KEY, 'Offered', 'offered', [
      node('BOOKED', 'Booked', 'booked', [
        node('USED', 'Used', 'status'),
        node('UPCOMING', 'Booked, still to come', 'status'),
        node('CANCELLED', 'Booking cancelled', 'status'),
      ]),
      node('NOT_BOOKED', 'Not booked', 'booked', [
        node('OPEN', 'Not booked', 'status'),
        node('WITHDRAWN', 'Withdrawn by BUA', 'status'),
      ]),
    ]),
  );
}

export const ADVISORY_STATUS_LEAVES = ['USED', 'UPCOMING', 'CANCELLED', 'OPEN', 'WITHDRAWN'] as const;

/** BUA's advisory slots (agreement 6.3) offered to each municipality in one biennium, by the month the slot starts. */
export function advisoryCubeSpec(biennium: Period): CubeSpec {
  return {
    name: 'buaAdvisorySlots',
    dimensions: [
      municipalityDimension(),
      periodDimension(biennium),
      categoryDimension('kind', 'Kind of slot', ADVISORY_SLOT_KINDS, 'All kinds'),
      advisoryStatusDimension(),
    ],
  };
}

/** The statistics BUA serves to analysts (statistics/service.ts), as the shared GraphQL helpers take them. */
export const REFERRAL_STATISTIC: StatisticDefinition = {
  name: 'buaReferrals',
  description:
    "Referrals received by BUA (child and adolescent psychiatry), by the month received, the child's municipality, age band " +
    'on the day received and sex, who referred, acuteness and the visitation decision as it stood on the last day counted; waiting times in ' +
    'calendar days from receipt to the visitation decision.',
  cube: referralCubeSpec,
  shares: [
    {
      name: 'acute',
      description: 'Acute referrals, of all referrals.',
      numerator: { acuteness: 'ACUTE' },
      denominator: {},
    },
    {
      name: 'acceptedForAssessment',
      description: 'Referrals accepted for assessment, of the referrals visited.',
      numerator: { decision: 'ASSESSMENT' },
      denominator: { decision: 'VISITED' },
    },
  ],
};

export const ASSESSMENT_STATISTIC: StatisticDefinition = {
  name: 'buaAssessments',
  description:
    "Assessments (udredninger) started by BUA, by the month started, the child's municipality, age band and sex, who " +
    'referred and the outcome as it stood on the last day counted; waiting times in calendar days from the referral\'s receipt to the start.',
  cube: assessmentCubeSpec,
  shares: [
    {
      name: 'diagnosed',
      description: 'Assessments concluded with a diagnosis, of the assessments concluded.',
      numerator: { outcome: 'DIAGNOSED' },
      denominator: { outcome: 'ASSESSED' },
    },
  ],
};

export const ADVISORY_STATISTIC: StatisticDefinition = {
  name: 'buaAdvisorySlots',
  description:
    "BUA's advisory slots (agreement 6.3) offered to the municipalities, by the month the slot starts, kind and what became " +
    'of it: booked (used, still to come, cancelled) or not booked (open, withdrawn by BUA). A teaching session open to ' +
    'several municipalities is one offer to each.',
  cube: advisoryCubeSpec,
  shares: [
    { name: 'booked', description: 'Slots booked, of the slots offered.', numerator: { status: 'BOOKED' }, denominator: {} },
    { name: 'used', description: 'Slots used, of the slots booked.', numerator: { status: 'USED' }, denominator: { status: 'BOOKED' } },
  ],
};
