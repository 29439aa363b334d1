import type { Band, BandEntry, BandTable } from '../model.ts';

/**
 * SDQ band schemes. Every cut-off below is from youthinmind's "Scoring the Strengths & Difficulties Questionnaire for
 * age 4-17" (sdqinfo.org, 19 August 2014, Table 2: "original 3-band" and "newer 4-band" categorisation), except the
 * 2-4 table; the `verification` of each entry says which independent sources agreed. `README.md` lists them.
 */

type Range = readonly [number, number];

const THREE = [
  { code: 'normal', en: 'Normal', da: 'Normal' },
  { code: 'borderline', en: 'Borderline', da: 'Grænseområde' },
  { code: 'abnormal', en: 'Abnormal', da: 'Afvigende' },
] as const;
const FOUR = [
  { code: 'close-to-average', en: 'Close to average', da: 'Tæt på gennemsnittet' },
  { code: 'slightly-raised', en: 'Slightly raised', da: 'Let forhøjet' },
  { code: 'high', en: 'High', da: 'Høj' },
  { code: 'very-high', en: 'Very high', da: 'Meget høj' },
] as const;
// Prosocial is a strength: its bands of concern lie at the bottom of the scale.
const FOUR_PROSOCIAL = [
  { code: 'close-to-average', en: 'Close to average', da: 'Tæt på gennemsnittet' },
  { code: 'slightly-lowered', en: 'Slightly lowered', da: 'Let nedsat' },
  { code: 'low', en: 'Low', da: 'Lav' },
  { code: 'very-low', en: 'Very low', da: 'Meget lav' },
] as const;

function bands(names: ReadonlyArray<{ code: string; en: string; da: string }>, ranges: readonly Range[]): Band[] {
  if (names.length !== ranges.length) throw new Error('band names and ranges differ in length');
  return ranges.map(([min, max], rank) => ({ code: names[rank]!.code, label: { en: names[rank]!.en, da: names[rank]!.da }, min, max, rank }));
}

const entry = (versions: string[], score: string, b: Band[], verification: string): BandEntry => ({ versions, score, bands: b, verification });
const three = (versions: string[], score: string, r: readonly Range[], verification: string) => entry(versions, score, bands(THREE, r), verification);
const four = (versions: string[], score: string, r: readonly Range[], verification: string) =>
  entry(versions, score, bands(score === 'prosocial' ? FOUR_PROSOCIAL : FOUR, r), verification);

const SCORING_2014 = {
  title: 'Scoring the Strengths & Difficulties Questionnaire for age 4-17 (Table 2)',
  url: 'https://www.sdqinfo.org/py/sdqinfo/c0.py',
  date: '2014-08-19',
};

// Verification notes (sources in README.md). The text of youthinmind's Table 2 itself could not be read here (only the
// first page of a copy was reachable), so every value is checked against other sources, named by these tags;
// "UNVERIFIED" marks a value no readable source confirmed.
// [PY] a public Python implementation (get_sdq_cutoffs); [TS] a public TypeScript implementation (SDQ_CUTOFFS);
// [SHS] Scottish Health Survey 2015 vol. 1 table 1.9; [MN] BMC Psychiatry 2021 s12888-021-03218-x (UK column);
// [ISSUE] the cut-offs quoted in the screening issue; [PMC] Int J Ment Health Syst 2016, PMC4830858 table 1
// (teacher 4-band, quoting sdqinfo); [ZH] a public TypeScript implementation (SDQ_PARENT/TEACHER_4BAND_TOTAL);
// [HWB] Scottish Government Health and Wellbeing Census pipeline (self-report 4-band, "close to average" bounds only);
// [CUNY] CUNY MHPSS knowledge hub SDQ page (impact 2 or more abnormal); [WIKI] Wikipedia, "Strengths and Difficulties
// Questionnaire" (parent and teacher subscales, three bands).
const P = ['P4-17'];
const T = ['T4-17'];
const S = ['S11-17'];

export const SDQ_UK_THREE_BANDS: BandTable = {
  id: 'sdq-uk-3band',
  instrument: 'sdq',
  label: { en: 'SDQ original three bands (UK norms)', da: 'SDQ oprindelige tre bånd (britiske normer)' },
  sources: [
    SCORING_2014,
    {
      title: 'Use of the SDQ in child and school health services among children aged 4 and 6 years in Southern Norway (Table 2, UK 2-4 column)',
      url: 'https://bmcpediatr.biomedcentral.com/articles/10.1186/s12887-023-03837-1',
      date: '2023',
      note: 'Only source found for the 2-4 parent cut-offs; youthinmind\'s 2-4 scoring document (2015-10-06) could not be read.',
    },
  ],
  entries: [
    three(P, 'total', [[0, 13], [14, 16], [17, 40]], 'ISSUE, PY, TS, SHS, MN agree.'),
    three(P, 'emotional', [[0, 3], [4, 4], [5, 10]], 'PY, TS, SHS, MN agree.'),
    three(P, 'conduct', [[0, 2], [3, 3], [4, 10]], 'PY, TS, SHS, MN agree.'),
    three(P, 'hyperactivity', [[0, 5], [6, 6], [7, 10]], 'PY, TS, SHS, MN agree.'),
    three(P, 'peer', [[0, 2], [3, 3], [4, 10]], 'PY, TS, SHS, MN agree.'),
    three(P, 'prosocial', [[6, 10], [5, 5], [0, 4]], 'PY, TS, SHS agree.'),
    three(P, 'impact', [[0, 0], [1, 1], [2, 10]], 'Abnormal from 2: CUNY. UNVERIFIED: borderline = 1.'),

    three(T, 'total', [[0, 11], [12, 15], [16, 40]], 'ISSUE, TS agree.'),
    three(T, 'emotional', [[0, 4], [5, 5], [6, 10]], 'TS, WIKI agree.'),
    three(T, 'conduct', [[0, 2], [3, 3], [4, 10]], 'TS, WIKI agree.'),
    three(T, 'hyperactivity', [[0, 5], [6, 6], [7, 10]], 'TS, WIKI agree.'),
    three(T, 'peer', [[0, 3], [4, 4], [5, 10]], 'TS, WIKI agree.'),
    three(T, 'prosocial', [[6, 10], [5, 5], [0, 4]], 'TS agrees.'),
    three(T, 'impact', [[0, 0], [1, 1], [2, 6]], 'UNVERIFIED for teachers (CUNY states abnormal from 2 for the 0-10 scale).'),

    three(S, 'total', [[0, 15], [16, 19], [20, 40]], 'ISSUE, PY agree; HWB uses 0-15 as normal.'),
    three(S, 'emotional', [[0, 5], [6, 6], [7, 10]], 'PY agrees.'),
    three(S, 'conduct', [[0, 3], [4, 4], [5, 10]], 'PY agrees.'),
    three(S, 'hyperactivity', [[0, 5], [6, 6], [7, 10]], 'PY agrees.'),
    three(S, 'peer', [[0, 3], [4, 5], [6, 10]], 'PY agrees.'),
    three(S, 'prosocial', [[6, 10], [5, 5], [0, 4]], 'PY agrees.'),
    three(S, 'impact', [[0, 0], [1, 1], [2, 10]], 'Abnormal from 2: CUNY. UNVERIFIED: borderline = 1.'),

    // 2-4 parent form: provisional UK norms, read off the Norwegian study's "UK 2-4" column (borderline from / abnormal
    // from). One secondary source; no impact cut-offs; none for the teacher 2-4 form.
    three(['P2-4'], 'total', [[0, 12], [13, 15], [16, 40]], 'Single secondary source (Norway 2023); unverified.'),
    three(['P2-4'], 'emotional', [[0, 2], [3, 3], [4, 10]], 'Single secondary source (Norway 2023); unverified.'),
    three(['P2-4'], 'conduct', [[0, 3], [4, 4], [5, 10]], 'Single secondary source (Norway 2023); unverified.'),
    three(['P2-4'], 'hyperactivity', [[0, 5], [6, 6], [7, 10]], 'Single secondary source (Norway 2023); unverified.'),
    three(['P2-4'], 'peer', [[0, 2], [3, 3], [4, 10]], 'Single secondary source (Norway 2023); unverified.'),
    three(['P2-4'], 'prosocial', [[7, 10], [6, 6], [0, 5]], 'Single secondary source (Norway 2023); unverified.'),
  ],
};

export const SDQ_UK_FOUR_BANDS: BandTable = {
  id: 'sdq-uk-4band',
  instrument: 'sdq',
  label: { en: 'SDQ newer four bands (UK norms)', da: 'SDQ nyere fire bånd (britiske normer)' },
  sources: [SCORING_2014],
  entries: [
    four(P, 'total', [[0, 13], [14, 16], [17, 19], [20, 40]], 'ISSUE, ZH agree.'),
    four(P, 'emotional', [[0, 3], [4, 4], [5, 6], [7, 10]], 'Close-to-average and slightly-raised bounds as in MN; UNVERIFIED: the high/very-high split.'),
    four(P, 'conduct', [[0, 2], [3, 3], [4, 5], [6, 10]], 'Close-to-average and slightly-raised bounds as in MN; UNVERIFIED: the high/very-high split.'),
    four(P, 'hyperactivity', [[0, 5], [6, 7], [8, 8], [9, 10]], 'UNVERIFIED (MN\'s UK column agrees only that 0-5 is the lowest band).'),
    four(P, 'peer', [[0, 2], [3, 3], [4, 4], [5, 10]], 'Close-to-average and slightly-raised bounds as in MN; UNVERIFIED: the high/very-high split.'),
    four(P, 'prosocial', [[8, 10], [7, 7], [6, 6], [0, 5]], 'Close to average 8-10 and slightly lowered 7 as in MN; UNVERIFIED: the low/very-low split.'),
    four(P, 'impact', [[0, 0], [1, 1], [2, 2], [3, 10]], 'UNVERIFIED.'),

    four(T, 'total', [[0, 11], [12, 15], [16, 18], [19, 40]], 'PMC, ZH agree.'),
    four(T, 'emotional', [[0, 3], [4, 4], [5, 5], [6, 10]], 'PMC agrees.'),
    four(T, 'conduct', [[0, 2], [3, 3], [4, 4], [5, 10]], 'PMC agrees.'),
    four(T, 'hyperactivity', [[0, 5], [6, 7], [8, 8], [9, 10]], 'PMC agrees.'),
    four(T, 'peer', [[0, 2], [3, 4], [5, 5], [6, 10]], 'PMC agrees.'),
    four(T, 'prosocial', [[6, 10], [5, 5], [4, 4], [0, 3]], 'PMC agrees.'),
    four(T, 'impact', [[0, 0], [1, 1], [2, 2], [3, 6]], 'UNVERIFIED.'),

    four(S, 'total', [[0, 14], [15, 17], [18, 19], [20, 40]], 'Close-to-average bound (0-14) as in HWB; UNVERIFIED: the other bands.'),
    four(S, 'emotional', [[0, 4], [5, 5], [6, 6], [7, 10]], 'Close-to-average bound as in HWB; UNVERIFIED: the other bands.'),
    four(S, 'conduct', [[0, 3], [4, 4], [5, 5], [6, 10]], 'Close-to-average bound as in HWB; UNVERIFIED: the other bands.'),
    four(S, 'hyperactivity', [[0, 5], [6, 6], [7, 7], [8, 10]], 'Close-to-average bound as in HWB; UNVERIFIED: the other bands.'),
    four(S, 'peer', [[0, 2], [3, 3], [4, 4], [5, 10]], 'Close-to-average bound as in HWB; UNVERIFIED: the other bands.'),
    four(S, 'prosocial', [[7, 10], [6, 6], [5, 5], [0, 4]], 'Close-to-average bound (7-10) as in HWB; UNVERIFIED: the other bands.'),
    four(S, 'impact', [[0, 0], [1, 1], [2, 2], [3, 10]], 'UNVERIFIED.'),
  ],
};
