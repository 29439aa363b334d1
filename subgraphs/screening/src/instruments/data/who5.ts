import type { BandTable, Instrument, Item } from '../model.ts';

/**
 * WHO-5 Well-Being Index (WHO-5 Trivselsindeks). Sources, licence and cross-checks: `README.md` beside this file.
 *
 * Licence: free to use with attribution (Psychiatric Research Unit, Mental Health Centre North Zealand, for WHO); the
 * 2024 WHO edition is published under CC BY-NC-SA 3.0 IGO. The item texts are shipped, unchanged.
 */

// Each item's text as published: English from the Psychiatric Research Unit's form, Danish from the municipalities'
// FHIR implementation guide (KL, hl7dk/KL-dk-tools, Questionnaire KLToolsCareWHO5), which carries the time frame.
const ITEMS: Array<{ topic: string; en: string; da: string }> = [
  { topic: 'cheerful', en: 'I have felt cheerful and in good spirits', da: 'I de sidste 2 uger har jeg været glad og i godt humør' },
  { topic: 'calm', en: 'I have felt calm and relaxed', da: 'I de sidste 2 uger har jeg følt mig rolig og afslappet' },
  { topic: 'active', en: 'I have felt active and vigorous', da: 'I de sidste 2 uger har jeg følt mig aktiv og energisk' },
  { topic: 'rested', en: 'I woke up feeling fresh and rested', da: 'I de sidste 2 uger er jeg vågnet frisk og udhvilet' },
  {
    topic: 'interest',
    en: 'My daily life has been filled with things that interest me',
    da: 'I de sidste 2 uger har min dagligdag været fyldt med ting der interesserer mig',
  },
];

const items: Item[] = ITEMS.map((t, i) => ({
  linkId: `item${i + 1}`,
  number: i + 1,
  topic: { en: t.topic },
  answerSet: 'frequency',
  required: true,
  text: { en: t.en, da: t.da },
}));
const itemIds = items.map((i) => i.linkId);

export const WHO5: Instrument = {
  id: 'who5',
  name: 'WHO-5 Well-Being Index',
  shortName: 'WHO-5',
  revision: '2025.1',
  description: {
    en: 'Five statements about how the young person has felt over the last two weeks; self-report from age 9.',
    da: 'Fem udsagn om, hvordan barnet eller den unge har haft det de sidste 2 uger; selvrapport fra 9 år.',
  },
  licence: {
    itemTextsIncluded: true,
    note:
      'Free to use; the WHO 2024 edition (WHO/UCN/MSD/MHE/2024.01) is published under CC BY-NC-SA 3.0 IGO: ' +
      'non-commercial use, with attribution, item texts unchanged.',
    attribution: 'WHO-5 Well-Being Index © World Health Organization; Psychiatric Research Unit, Mental Health Centre North Zealand.',
  },
  sources: [
    {
      title: 'The World Health Organization-Five Well-Being Index (WHO-5)',
      url: 'https://www.who.int/publications/m/item/WHO-UCN-MSD-MHE-2024.01',
      date: '2024',
    },
    {
      title: 'Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature',
      note: 'Psychother Psychosom 2015;84:167-176: scoring, <=50 poor well-being, <=28 likely depression, 10 points meaningful.',
    },
    {
      title: 'KL (Kommunernes Landsforening), KL-dk-tools FHIR IG, Questionnaire KLToolsCareWHO5',
      url: 'https://github.com/hl7dk/KL-dk-tools',
      note: 'Danish item and answer texts.',
    },
  ],
  answerSets: [
    {
      id: 'frequency',
      options: [
        { value: 0, code: 'at-no-time', score: 0, display: { en: 'At no time', da: 'På intet tidspunkt' } },
        { value: 1, code: 'some-of-the-time', score: 1, display: { en: 'Some of the time', da: 'Lidt af tiden' } },
        { value: 2, code: 'less-than-half', score: 2, display: { en: 'Less than half of the time', da: 'Lidt mindre end halvdelen af tiden' } },
        { value: 3, code: 'more-than-half', score: 3, display: { en: 'More than half of the time', da: 'Lidt mere end halvdelen af tiden' } },
        { value: 4, code: 'most-of-the-time', score: 4, display: { en: 'Most of the time', da: 'Det meste af tiden' } },
        { value: 5, code: 'all-of-the-time', score: 5, display: { en: 'All of the time', da: 'Hele tiden' } },
      ],
    },
  ],
  versions: [
    {
      id: '1998',
      label: { en: 'WHO-5 (self-report)', da: 'WHO-5 (selvrapport)' },
      informant: 'self',
      // Validated from age 9 (Topp et al. 2015; Vidensportal: "benyttet til børn helt ned til 9 år").
      ages: { min: 9, max: null },
      items,
      scores: [
        {
          id: 'raw',
          kind: 'item-sum',
          label: { en: 'Raw score', da: 'Råscore' },
          items: itemIds,
          missing: { kind: 'require-all' },
          min: 0,
          max: 25,
          direction: 'higher-is-better',
          // 10 points on the 0-100 index; the index moves in steps of 4, so 2.5 raw points is the same rule.
          meaningfulChange: 2.5,
        },
        {
          id: 'percentage',
          kind: 'scaled',
          label: { en: 'Well-being index (0-100)', da: 'Trivselsindeks (0-100)' },
          score: 'raw',
          multiplier: 4,
          min: 0,
          max: 100,
          direction: 'higher-is-better',
          meaningfulChange: 10,
        },
      ],
      flags: [
        { kind: 'score-range', id: 'poor-well-being', label: { en: 'Poor well-being (50 or less)', da: 'Lav trivsel (50 eller under)' }, score: 'percentage', max: 50 },
        {
          kind: 'score-range',
          id: 'likely-depression',
          label: { en: 'Suggests depression (28 or less)', da: 'Tyder på depression (28 eller under)' },
          score: 'percentage',
          max: 28,
        },
        {
          kind: 'item-value',
          id: 'item-at-0-or-1',
          label: { en: 'An item answered 0 or 1', da: 'Et udsagn besvaret med 0 eller 1' },
          items: itemIds,
          values: [0, 1],
        },
      ],
    },
  ],
};

export const WHO5_BANDS: BandTable = {
  id: 'who5-standard',
  instrument: 'who5',
  label: { en: 'WHO-5 standard cut-offs', da: 'WHO-5 standardgrænser' },
  sources: [
    { title: 'Topp et al. 2015, The WHO-5 Well-Being Index: a systematic review of the literature', note: 'Psychother Psychosom 84:167-176' },
  ],
  entries: [
    {
      versions: ['1998'],
      score: 'percentage',
      verification: 'Topp et al. 2015; cut-offs as stated in the screening issue and the WHO-5 form guidance (two sources).',
      bands: [
        { code: 'likely-depression', label: { en: 'Suggests depression', da: 'Tyder på depression' }, min: 0, max: 28, rank: 2 },
        { code: 'poor-well-being', label: { en: 'Poor well-being', da: 'Lav trivsel' }, min: 29, max: 50, rank: 1 },
        { code: 'good-well-being', label: { en: 'Good well-being', da: 'God trivsel' }, min: 51, max: 100, rank: 0 },
      ],
    },
    {
      versions: ['1998'],
      score: 'raw',
      verification: 'The percentage cut-offs divided by 4 (raw 7 = 28, raw 12 = 48, raw 13 = 52).',
      bands: [
        { code: 'likely-depression', label: { en: 'Suggests depression', da: 'Tyder på depression' }, min: 0, max: 7, rank: 2 },
        { code: 'poor-well-being', label: { en: 'Poor well-being', da: 'Lav trivsel' }, min: 8, max: 12, rank: 1 },
        { code: 'good-well-being', label: { en: 'Good well-being', da: 'God trivsel' }, min: 13, max: 25, rank: 0 },
      ],
    },
  ],
};
