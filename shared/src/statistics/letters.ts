import { ageBandDimension, ALL_KEY, categoryDimension, defineDimension, municipalityDimension, periodDimension, sexDimension } from './dimensions.ts';
import type { StatisticDefinition } from './graphql.ts';
import type { Period } from './periods.ts';

/**
 * The letters statistic: correspondence letters (korrespondancemeddelelser) from general practice as the receiving
 * municipality holds them, with the reply and whether the child was known to the municipality. The municipality
 * subgraph counts its letters into this cube; the demo report uses the same cube for its synthetic letters.
 */
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
      defineDimension('reply', 'Reply', {
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
      }),
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
    {
      name: 'answeredWithinDeadline',
      description: 'Letters answered within the deadline, of the letters answered.',
      numerator: { reply: 'WITHIN_DEADLINE' },
      denominator: { reply: 'ANSWERED' },
    },
    {
      name: 'knownToMunicipality',
      description: 'Letters about children already known to the municipality (an open case when the letter came), of all letters.',
      numerator: { known: 'KNOWN' },
      denominator: {},
    },
  ],
};
