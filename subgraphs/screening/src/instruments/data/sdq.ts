import type { AgeRange, Informant, Instrument, InstrumentVersion, Item, LocalisedText, ScoreDefinition } from '../model.ts';

/**
 * Strengths and Difficulties Questionnaire (SDQ), Robert Goodman / youthinmind. Sources, licence and the cross-check
 * of every rule: `README.md` beside this file.
 *
 * Licence: the item texts are copyrighted by youthinmind and may not be reproduced electronically without their
 * permission, so this file holds item numbers, scoring rules and a few words of our own per item (`topic`, taken from
 * the variable names of youthinmind's published scoring syntax), never the questionnaire's wording. A licensed
 * deployment loads the texts as data (`licensed-texts.ts`).
 */

const SYMPTOM_TOPICS = [
  'consid', 'restles', 'somatic', 'shares', 'tantrum', 'loner', 'obeys', 'worries', 'caring', 'fidgety', 'friend',
  'fights', 'unhappy', 'popular', 'distrac', 'clingy', 'kind', 'lies', 'bullied', 'helpout', 'reflect', 'steals',
  'oldbest', 'afraid', 'attends',
] as const;

/** The 2-4 forms reword three items (scoring unchanged): "Scoring the SDQ for 2-4 year olds", 06 October 2015. */
const PRESCHOOL_TOPICS: Record<number, string> = { 18: 'argues', 21: 'reflect-softened', 22: 'spiteful' };

/** Scored the other way round (2 for "not true"): items 7, 11, 14, 21, 25. */
const REVERSED = new Set([7, 11, 14, 21, 25]);

export const SDQ_SUBSCALES = {
  emotional: [3, 8, 13, 16, 24],
  conduct: [5, 7, 12, 18, 22],
  hyperactivity: [2, 10, 15, 21, 25],
  peer: [6, 11, 14, 19, 23],
  prosocial: [1, 4, 9, 17, 20],
} as const;

const DIFFICULTIES_YES = [1, 2, 3];

function symptomItems(preschool: boolean): Item[] {
  return SYMPTOM_TOPICS.map((topic, i) => {
    const n = i + 1;
    return {
      linkId: `item${n}`,
      number: n,
      topic: { en: (preschool && PRESCHOOL_TOPICS[n]) || topic },
      answerSet: 'truth',
      required: false,
      ...(REVERSED.has(n) ? { reverse: true } : {}),
    };
  });
}

const IMPACT_TOPICS = {
  impactDistress: 'upsets or distresses the child',
  impactHome: 'interferes with home life',
  impactFriendships: 'interferes with friendships',
  impactClassroom: 'interferes with classroom learning',
  impactLeisure: 'interferes with leisure activities',
  impactPeers: 'interferes with peer relationships',
} as const;
type ImpactItem = keyof typeof IMPACT_TOPICS;

/** Parent and self-report: distress + home life + friendships + classroom learning + leisure (0-10). */
const HOME_IMPACT: ImpactItem[] = ['impactDistress', 'impactHome', 'impactFriendships', 'impactClassroom', 'impactLeisure'];
/** Teacher: distress + peer relationships + classroom learning (0-6). */
const SCHOOL_IMPACT: ImpactItem[] = ['impactDistress', 'impactPeers', 'impactClassroom'];

function impactSupplement(impact: ImpactItem[]): Item[] {
  const whenDifficulties = { item: 'difficulties', values: DIFFICULTIES_YES };
  return [
    { linkId: 'difficulties', topic: { en: 'any difficulties (emotions, concentration, behaviour, getting on with others)' }, answerSet: 'difficulties', required: false },
    // Chronicity and burden are on the form but in no score.
    { linkId: 'chronicity', topic: { en: 'how long the difficulties have been present' }, answerSet: 'chronicity', required: false, enableWhen: whenDifficulties },
    ...impact.map((linkId): Item => ({ linkId, topic: { en: IMPACT_TOPICS[linkId] }, answerSet: 'impact', required: false, enableWhen: whenDifficulties })),
    { linkId: 'burden', topic: { en: 'burden on others' }, answerSet: 'impact', required: false, enableWhen: whenDifficulties },
  ];
}

const label = (en: string, da: string): LocalisedText => ({ en, da });

const subscale = (id: keyof typeof SDQ_SUBSCALES, text: LocalisedText, direction: 'higher-is-better' | 'higher-is-worse'): ScoreDefinition => ({
  id,
  kind: 'item-sum',
  label: text,
  items: SDQ_SUBSCALES[id].map((n) => `item${n}`),
  // "These scores can be scaled up pro-rata if at least 3 items were completed" (Scoring the SDQ, 2014).
  missing: { kind: 'prorate', minAnswered: 3 },
  min: 0,
  max: 10,
  direction,
  // No reliable-change figure for SDQ scores was found in youthinmind's documents; see README.
  meaningfulChange: null,
});

function scores(impact: ImpactItem[]): ScoreDefinition[] {
  return [
    subscale('emotional', label('Emotional problems', 'Følelsesmæssige problemer'), 'higher-is-worse'),
    subscale('conduct', label('Conduct problems', 'Adfærdsproblemer'), 'higher-is-worse'),
    subscale('hyperactivity', label('Hyperactivity/inattention', 'Hyperaktivitet/opmærksomhedsproblemer'), 'higher-is-worse'),
    subscale('peer', label('Peer problems', 'Problemer med jævnaldrende'), 'higher-is-worse'),
    subscale('prosocial', label('Prosocial behaviour', 'Prosocial adfærd'), 'higher-is-better'),
    {
      id: 'total',
      kind: 'score-sum',
      label: label('Total difficulties', 'Samlede vanskeligheder'),
      scores: ['emotional', 'conduct', 'hyperactivity', 'peer'],
      min: 0,
      max: 40,
      direction: 'higher-is-worse',
      meaningfulChange: null,
    },
    {
      id: 'externalising',
      kind: 'score-sum',
      label: label('Externalising problems', 'Udadreagerende problemer'),
      scores: ['conduct', 'hyperactivity'],
      min: 0,
      max: 20,
      direction: 'higher-is-worse',
      meaningfulChange: null,
    },
    {
      id: 'internalising',
      kind: 'score-sum',
      label: label('Internalising problems', 'Indadreagerende problemer'),
      scores: ['emotional', 'peer'],
      min: 0,
      max: 20,
      direction: 'higher-is-worse',
      meaningfulChange: null,
    },
    {
      id: 'impact',
      kind: 'item-sum',
      label: label('Impact', 'Påvirkning'),
      items: impact,
      // youthinmind's scoring syntax sums the impact items with a missing one counted 0 once any is answered, and
      // sets impact to 0 when the answer to "any difficulties?" is "no".
      missing: { kind: 'count-missing-as-zero', minAnswered: 1 },
      gate: { item: 'difficulties', values: [0], score: 0 },
      min: 0,
      max: impact.length * 2,
      direction: 'higher-is-worse',
      meaningfulChange: null,
    },
  ];
}

function version(id: string, text: LocalisedText, informant: Informant, ages: AgeRange, impact: ImpactItem[]): InstrumentVersion {
  const preschool = ages.max !== null && ages.max <= 4;
  return { id, label: text, informant, ages, items: [...symptomItems(preschool), ...impactSupplement(impact)], scores: scores(impact), flags: [] };
}

export const SDQ: Instrument = {
  id: 'sdq',
  name: 'Strengths and Difficulties Questionnaire (SDQ)',
  shortName: 'SDQ',
  revision: '2025.1',
  description: {
    en: '25 items on strengths and difficulties, with an impact supplement; parent, teacher and self-report versions.',
    da: '25 spørgsmål om styrker og vanskeligheder med et tillæg om påvirkning; forælder-, lærer- og selvrapportversioner.',
  },
  licence: {
    itemTextsIncluded: false,
    note:
      'SDQ item texts are © Robert Goodman / youthinmind and may not be reproduced or administered electronically ' +
      'without youthinmind\'s permission. This data holds item numbers and scoring rules only; a licensed deployment ' +
      'loads the texts (see licensed-texts.ts).',
    attribution: 'Strengths and Difficulties Questionnaire © Robert Goodman, youthinmind (sdqinfo.org).',
  },
  sources: [
    { title: 'Scoring the Strengths & Difficulties Questionnaire for age 4-17', url: 'https://www.sdqinfo.org/py/sdqinfo/c0.py', date: '2014-08-19' },
    { title: 'Scoring the Strengths & Difficulties Questionnaire for 2-4 year olds', url: 'https://www.sdqinfo.org/py/sdqinfo/c0.py', date: '2015-10-06' },
    { title: 'youthinmind, SDQ scoring syntax (R, SPSS, Stata)', url: 'https://www.sdqinfo.org/c9.html', note: 'pro-rating and impact rules' },
  ],
  answerSets: [
    {
      id: 'truth',
      options: [
        { value: 0, code: 'not-true', score: 0, display: { en: 'Not true' } },
        { value: 1, code: 'somewhat-true', score: 1, display: { en: 'Somewhat true' } },
        { value: 2, code: 'certainly-true', score: 2, display: { en: 'Certainly true' } },
      ],
    },
    {
      id: 'difficulties',
      options: [
        { value: 0, code: 'no', score: 0, display: { en: 'No' } },
        { value: 1, code: 'yes-minor', score: 1, display: { en: 'Yes, minor difficulties' } },
        { value: 2, code: 'yes-definite', score: 2, display: { en: 'Yes, definite difficulties' } },
        { value: 3, code: 'yes-severe', score: 3, display: { en: 'Yes, severe difficulties' } },
      ],
    },
    {
      id: 'chronicity',
      options: [
        { value: 0, code: 'under-1-month', score: 0, display: { en: 'Less than a month' } },
        { value: 1, code: '1-5-months', score: 1, display: { en: '1-5 months' } },
        { value: 2, code: '6-12-months', score: 2, display: { en: '6-12 months' } },
        { value: 3, code: 'over-1-year', score: 3, display: { en: 'Over a year' } },
      ],
    },
    {
      // "Not at all" and "only a little" both score 0 (Scoring the SDQ, 2014).
      id: 'impact',
      options: [
        { value: 0, code: 'not-at-all', score: 0, display: { en: 'Not at all' } },
        { value: 1, code: 'only-a-little', score: 0, display: { en: 'Only a little' } },
        { value: 2, code: 'quite-a-lot', score: 1, display: { en: 'Quite a lot' } },
        { value: 3, code: 'a-great-deal', score: 2, display: { en: 'A great deal' } },
      ],
    },
  ],
  versions: [
    // A 4-year-old fits both the 2-4 and the 4-17 forms: youthinmind describes the 2-4 form as "for the parents or
    // nursery teachers of 3 (and 4) year olds" and the 4-17 form as for 4-17 year olds, so both are accepted and the
    // form the informant filled in decides. Ages are whole years on the screening day, both ends included.
    version('P2-4', label('Parent, ages 2-4', 'Forælder, 2-4 år'), 'parent', { min: 2, max: 4 }, HOME_IMPACT),
    version('P4-17', label('Parent, ages 4-17', 'Forælder, 4-17 år'), 'parent', { min: 4, max: 17 }, HOME_IMPACT),
    version('T2-4', label('Teacher, ages 2-4', 'Pædagog/lærer, 2-4 år'), 'teacher', { min: 2, max: 4 }, SCHOOL_IMPACT),
    version('T4-17', label('Teacher, ages 4-17', 'Lærer, 4-17 år'), 'teacher', { min: 4, max: 17 }, SCHOOL_IMPACT),
    version('S11-17', label('Self-report, ages 11-17', 'Selvrapport, 11-17 år'), 'self', { min: 11, max: 17 }, HOME_IMPACT),
  ],
};
