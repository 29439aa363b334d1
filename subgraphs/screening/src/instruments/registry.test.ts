import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDQ } from './data/sdq.ts';
import { SDQ_UK_FOUR_BANDS } from './data/sdq-bands.ts';
import { WHO5, WHO5_BANDS } from './data/who5.ts';
import { scoreScreening } from './engine.ts';
import type { BandTable, Instrument } from './model.ts';
import { BUILT_IN_BAND_TABLES, createInstrumentRegistry, InstrumentDataError } from './registry.ts';
import { bornAged, sdqInput, sdqSymptoms } from './test-support.ts';

function dataProblems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InstrumentDataError);
    return (error as InstrumentDataError).problems;
  }
  throw new Error('expected InstrumentDataError');
}

const clone = <T>(x: T): T => structuredClone(x);

describe('the built-in instruments', () => {
  it('pass every check, with WHO-5 and SDQ in all their versions', () => {
    const registry = createInstrumentRegistry();
    expect(registry.instruments.map((i) => [i.id, i.versions.map((v) => v.id)])).toEqual([
      ['who5', ['1998']],
      ['sdq', ['P2-4', 'P4-17', 'T2-4', 'T4-17', 'S11-17']],
    ]);
    expect(registry.bandSchemeFor('sdq')).toBe('sdq-uk-4band');
    expect(registry.bandSchemeFor('who5')).toBe('who5-standard');
    expect(registry.bandSchemeFor('phq9')).toBeNull();
  });

  it('ship no SDQ item text, and every WHO-5 item text in Danish and English', () => {
    expect(SDQ.versions.flatMap((v) => v.items).filter((i) => i.text)).toEqual([]);
    expect(WHO5.versions[0]!.items.every((i) => i.text?.da && i.text.en)).toBe(true);
  });
});

describe('instrument data checks at start-up', () => {
  it('finds a gap, an overlap and a band outside the score range', () => {
    const table = clone(SDQ_UK_FOUR_BANDS);
    const total = table.entries.find((e) => e.score === 'total' && e.versions.includes('P4-17'))!;
    total.bands[1]!.min = 15; // 14 now in no band
    const emotional = table.entries.find((e) => e.score === 'emotional' && e.versions.includes('P4-17'))!;
    emotional.bands[2]!.min = 4; // 4 now in two bands
    const impact = table.entries.find((e) => e.score === 'impact' && e.versions.includes('T4-17'))!;
    impact.bands[3]!.max = 10; // teacher impact tops out at 6
    const problems = dataProblems(() => createInstrumentRegistry({ bandTables: [WHO5_BANDS, table] }));
    expect(problems).toContain('band table sdq-uk-4band entry 0 (P4-17 total): value 14 falls in 0 bands');
    expect(problems).toContain('band table sdq-uk-4band entry 1 (P4-17 emotional): value 4 falls in 2 bands');
    expect(problems).toContain("band table sdq-uk-4band entry 13 (T4-17 impact): band very-high (3-10) reaches outside the score's range 0-6");
  });

  it('finds scores and flags that refer to items or scores that do not exist, or come later', () => {
    const broken = clone(SDQ);
    const p = broken.versions[1]!;
    const emotional = p.scores[0]!;
    if (emotional.kind === 'item-sum') emotional.items[0] = 'item30';
    const total = p.scores.find((s) => s.id === 'total')!;
    if (total.kind === 'score-sum') total.scores.push('impact');
    p.flags.push({ kind: 'score-range', id: 'x', label: { en: 'x' }, score: 'nope', max: 1 });
    const problems = dataProblems(() => createInstrumentRegistry({ instruments: [WHO5, broken] }));
    expect(problems).toEqual([
      'sdq P4-17: score emotional uses unknown item item30',
      'sdq P4-17: score total uses impact, which is not defined before it',
      'sdq P4-17: flag x uses unknown score nope',
    ]);
  });

  it('refuses item texts the licence does not allow shipping', () => {
    const broken = clone(SDQ);
    broken.versions[0]!.items[0]!.text = { en: 'copied from the form' };
    expect(dataProblems(() => createInstrumentRegistry({ instruments: [WHO5, broken] }))).toEqual([
      'sdq P2-4: item item1 carries a text the licence does not allow shipping',
    ]);
  });

  it('refuses malformed data, naming the instrument and the path', () => {
    const broken = clone(WHO5) as unknown as { answerSets: Array<{ options: Array<{ score: unknown }> }> };
    broken.answerSets[0]!.options[2]!.score = 'two';
    const problems = dataProblems(() => createInstrumentRegistry({ instruments: [broken as unknown as Instrument], bandTables: [] }));
    expect(problems[0]).toMatch(/^instrument who5\.answerSets\.0\.options\.2\.score: /);
  });

  it('refuses a band scheme that does not exist or belongs to another instrument', () => {
    expect(dataProblems(() => createInstrumentRegistry({ bandSchemes: { sdq: 'sdq-dk-2019' } }))).toEqual(['band scheme sdq-dk-2019 chosen for sdq does not exist']);
    expect(dataProblems(() => createInstrumentRegistry({ bandSchemes: { sdq: 'who5-standard' } }))).toEqual(['band scheme who5-standard belongs to who5, not sdq']);
  });
});

describe('adding to the data, not the code', () => {
  // A made-up instrument (not a real one): four items, one reversed, pro-rated from 3, scaled by 10, a flag.
  const DEMO: Instrument = {
    id: 'demo',
    name: 'Demonstration scale (synthetic test data)',
    shortName: 'DEMO',
    revision: '1',
    description: { en: 'Synthetic instrument used only to prove the engine reads data.' },
    licence: { itemTextsIncluded: true, note: 'Synthetic test data.' },
    sources: [{ title: 'This test' }],
    answerSets: [
      {
        id: 'agree',
        options: [
          { value: 0, code: 'no', score: 0, display: { en: 'No' } },
          { value: 1, code: 'partly', score: 1, display: { en: 'Partly' } },
          { value: 2, code: 'mostly', score: 2, display: { en: 'Mostly' } },
          { value: 3, code: 'yes', score: 3, display: { en: 'Yes' } },
        ],
      },
    ],
    versions: [
      {
        id: 'v1',
        label: { en: 'Self-report' },
        informant: 'self',
        ages: { min: 6, max: 17 },
        items: [1, 2, 3, 4].map((n) => ({ linkId: `q${n}`, number: n, topic: { en: `topic ${n}` }, answerSet: 'agree', required: false, ...(n === 4 ? { reverse: true } : {}), text: { en: `Statement ${n}` } })),
        scores: [
          { id: 'sum', kind: 'item-sum', label: { en: 'Sum' }, items: ['q1', 'q2', 'q3', 'q4'], missing: { kind: 'prorate', minAnswered: 3 }, min: 0, max: 12, direction: 'higher-is-worse', meaningfulChange: 3 },
          { id: 'scaled', kind: 'scaled', label: { en: 'Scaled' }, score: 'sum', multiplier: 10, min: 0, max: 120, direction: 'higher-is-worse', meaningfulChange: null },
        ],
        flags: [{ kind: 'item-value', id: 'strong-yes', label: { en: 'Answered yes' }, items: ['q1', 'q2'], values: [3] }],
      },
    ],
  };
  const DEMO_BANDS: BandTable = {
    id: 'demo-bands',
    instrument: 'demo',
    label: { en: 'Demo bands' },
    sources: [{ title: 'This test' }],
    entries: [
      {
        versions: ['v1'],
        score: 'sum',
        verification: 'synthetic',
        bands: [
          { code: 'low', label: { en: 'Low' }, min: 0, max: 5, rank: 0 },
          { code: 'high', label: { en: 'High' }, min: 6, max: 12, rank: 1 },
        ],
      },
    ],
  };

  it('scores a new instrument defined only as data', () => {
    const registry = createInstrumentRegistry({ instruments: [WHO5, SDQ, DEMO], bandTables: [...BUILT_IN_BAND_TABLES, DEMO_BANDS], bandSchemes: { demo: 'demo-bands' } });
    const result = scoreScreening(registry, {
      instrumentId: 'demo',
      versionId: 'v1',
      informant: 'self',
      birthDate: bornAged(10),
      screeningDate: '2025-03-01',
      answers: [
        { item: 'q1', value: 3 },
        { item: 'q2', value: 1 },
        { item: 'q4', value: 3 }, // reversed: 0
      ],
    });
    // 4 points over 3 of 4 items: 5.33 -> 5; scaled 50
    expect(result.scores.map((s) => [s.id, s.value, s.prorated, s.band?.code ?? null])).toEqual([
      ['sum', 5, true, 'low'],
      ['scaled', 50, true, null],
    ]);
    expect(result.flags).toEqual([{ id: 'strong-yes', label: { en: 'Answered yes' }, items: ['q1'] }]);
  });

  // Shaped like a Danish norm table (norms differ by sex and age); the numbers are invented for the test.
  const NORM_TABLE: BandTable = {
    id: 'sdq-test-norms',
    instrument: 'sdq',
    label: { en: 'Test norms by sex and age (synthetic, not real Danish norms)' },
    sources: [{ title: 'This test' }],
    entries: [
      { versions: ['P4-17'], score: 'total', sex: 'female', ages: { min: 10, max: 12 }, verification: 'synthetic', bands: [
        { code: 'normal', label: { en: 'Normal' }, min: 0, max: 9, rank: 0 },
        { code: 'raised', label: { en: 'Raised' }, min: 10, max: 40, rank: 1 },
      ] },
      { versions: ['P4-17'], score: 'total', verification: 'synthetic', bands: [
        { code: 'normal', label: { en: 'Normal' }, min: 0, max: 12, rank: 0 },
        { code: 'raised', label: { en: 'Raised' }, min: 13, max: 40, rank: 1 },
      ] },
    ],
  };

  it('bands with a norm table added as data, by sex and age, chosen per deployment', () => {
    const registry = createInstrumentRegistry({ bandTables: [...BUILT_IN_BAND_TABLES, NORM_TABLE], bandSchemes: { sdq: 'sdq-test-norms' } });
    // total 11 for every call
    const total11 = (sex?: 'female' | 'male', age = 11) => {
      const result = scoreScreening(registry, { ...sdqInput('P4-17', sdqSymptoms({ emotional: 10, conduct: 1 }), age), ...(sex ? { sex } : {}) });
      expect(result.bandScheme).toBe('sdq-test-norms');
      return result.scores.find((s) => s.id === 'total')!;
    };
    expect(total11('female').band!.code).toBe('raised'); // the girls' 10-12 entry
    expect(total11('male').band!.code).toBe('normal'); // the general entry
    expect(total11(undefined).band!.code).toBe('normal');
    expect(total11('female', 14).band!.code).toBe('normal');
    const emotional = scoreScreening(registry, sdqInput('P4-17', sdqSymptoms({ emotional: 4 }))).scores.find((s) => s.id === 'emotional')!;
    expect(emotional.bandMissing).toMatchObject({ reason: 'NO_BAND_PUBLISHED' });
  });
});

describe('the engine holds no instrument-specific branch', () => {
  it.each(['engine.ts', 'validate.ts', 'bands.ts', 'thresholds.ts', 'trend.ts', 'fhir.ts'])('%s never names an instrument', (file) => {
    // Comments may use an instrument as an example; code may not.
    const code = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '');
    expect(code).not.toMatch(/who-?5|\bsdq\b|youthinmind/i);
  });
});
