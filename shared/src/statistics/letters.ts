import {
  ageBandDimension,
  ALL_KEY,
  categoryDimension,
  defineDimension,
  municipalityDimension,
  periodDimension,
  sexDimension,
  type Dimension,
} from './dimensions.ts';
import type { StatisticDefinition } from './graphql.ts';
import type { Period } from './periods.ts';

/**
 * The letters statistic: correspondence letters (korrespondancemeddelelser) from general practice as the receiving
 * municipality holds them, with the reply and whether the child was known to the municipality. The municipality
 * subgraph counts its letters into this cube; the demo report uses the same cube for its synthetic letters.
 */
/**
 * A letter's reply: answered within the deadline or after it (together: answered), or not answered. The reply
 * times are recorded for the answered letters only.
 */
export function replyDimension(): Dimension {
  return defineDimension('reply', 'Reply', {
    key: ALL_KEY,
    label: 'All letters',
    level: 'all',
    children: [
      {
        key: 'ANSWERED',
        label: 'Answered',
        level: 'answered',
        children: [
          { key: 'WITHIN_DEADLINE', label: 'Within the deadline', level: 'reply' },
          { key: 'AFTER_DEADLINE', label: 'After the deadline', level: 'reply' },
        ],
      },
      { key: 'NOT_ANSWERED', label: 'Not answered', level: 'reply' },
    ],
  });
}

const ANSWERED_WITHIN_DEADLINE = {
  name: 'answeredWithinDeadline',
  description: 'Letters answered within the deadline, of the letters answered.',
  numerator: { reply: 'WITHIN_DEADLINE' },
  denominator: { reply: 'ANSWERED' },
} as const;

export const LETTER_STATISTIC: StatisticDefinition = {
  name: 'letters',
  description:
    'Correspondence letters from general practice received by the municipalities, by the day received; reply times in ' +
    'working days (Monday to Friday, Danish public holidays excluded) from receipt to the reply.',
  cube: (biennium: Period) => ({
    name: 'letters',
    dimensions: [
      municipalityDimension(),
      periodDimension(biennium),
      ageBandDimension(),
      sexDimension(),
      categoryDimension('known', 'Known to the municipality', [
        { key: 'KNOWN', label: 'Known' },
        { key: 'NOT_KNOWN', label: 'Not known' },
      ]),
      replyDimension(),
    ],
    // Three views sharing municipality x period: far fewer cells to protect (and lose) than the full product.
    views: [
      ['municipality', 'period', 'ageBand', 'sex'],
      ['municipality', 'period', 'known'],
      ['municipality', 'period', 'reply'],
    ],
    measures: [{ name: 'replyWorkingDays', recordedFor: { reply: 'ANSWERED' } }],
  }),
  shares: [
    ANSWERED_WITHIN_DEADLINE,
    {
      name: 'knownToMunicipality',
      description: 'Letters about children already known to the municipality (an open case when the letter came), of all letters.',
      numerator: { known: 'KNOWN' },
      denominator: {},
    },
  ],
};

/**
 * The same letters as general practice holds them: sent by the practices, by the practice's municipality (and its
 * cluster) and the month sent, the step (trin) the GP wrote at, the child's age band and sex, and the reply as it
 * reached the practice; reply times in working days from the day sent to the day the reply arrived. The general
 * practice subgraph counts its letters into this cube.
 */
export const GP_LETTER_STATISTIC: StatisticDefinition = {
  name: 'generalPracticeLetters',
  description:
    'Correspondence letters sent by general practice, by the practice\'s municipality and the day sent; reply times in ' +
    'working days (Monday to Friday, Danish public holidays excluded) from sending to the reply\'s arrival at the practice.',
  cube: (biennium: Period) => ({
    name: 'generalPracticeLetters',
    dimensions: [
      municipalityDimension(),
      periodDimension(biennium),
      ageBandDimension(),
      sexDimension(),
      categoryDimension('step', 'Step', [
        { key: 'TRIN_1', label: 'Step 1 (trin 1)' },
        { key: 'TRIN_2', label: 'Step 2 (trin 2)' },
      ]),
      replyDimension(),
    ],
    // As the municipality's letters: views sharing municipality x period, the step with the reply (how the
    // deadline is kept by step) as a third.
    views: [
      ['municipality', 'period', 'ageBand', 'sex'],
      ['municipality', 'period', 'step', 'reply'],
    ],
    measures: [{ name: 'replyWorkingDays', recordedFor: { reply: 'ANSWERED' } }],
  }),
  shares: [ANSWERED_WITHIN_DEADLINE],
};
