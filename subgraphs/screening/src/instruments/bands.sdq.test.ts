import { describe, expect, it } from 'vitest';
import { scoreScreening } from './engine.ts';
import type { AnswerInput, ScreeningResult } from './model.ts';
import { createInstrumentRegistry } from './registry.ts';
import { sdqInput, sdqSymptoms, type Subscale } from './test-support.ts';

/**
 * Band edges, both schemes, every informant version, each expected band written out from youthinmind's published
 * cut-offs ("Scoring the SDQ for age 4-17", 2014, Table 2; see data/README.md for what was cross-checked).
 */

const registry = createInstrumentRegistry();
const HOME = ['impactDistress', 'impactHome', 'impactFriendships', 'impactClassroom', 'impactLeisure'];
const SCHOOL = ['impactDistress', 'impactPeers', 'impactClassroom'];

/** The answers a respondent would give to reach `target` on `scoreId`. */
function answersFor(versionId: string, scoreId: string, target: number): AnswerInput[] {
  if (scoreId === 'total') {
    const split: Partial<Record<Subscale, number>> = {};
    let left = target;
    for (const s of ['emotional', 'conduct', 'hyperactivity', 'peer'] as const) {
      split[s] = Math.min(10, left);
      left -= split[s];
    }
    return sdqSymptoms(split);
  }
  if (scoreId === 'impact') {
    let left = target;
    const impact = (versionId.startsWith('T') ? SCHOOL : HOME).map((item) => {
      const points = Math.min(2, left);
      left -= points;
      return { item, value: points === 2 ? 3 : points === 1 ? 2 : 0 };
    });
    return [...sdqSymptoms({}), { item: 'difficulties', value: 1 }, ...impact];
  }
  return sdqSymptoms({ [scoreId]: target });
}

function scored(versionId: string, scheme: string, scoreId: string, target: number): ScreeningResult['scores'][number] {
  const age = versionId.endsWith('2-4') ? 3 : 12;
  const result = scoreScreening(registry, sdqInput(versionId, answersFor(versionId, scoreId, target), age), { bandScheme: scheme });
  return result.scores.find((s) => s.id === scoreId)!;
}

type Edge = [score: string, value: number, band: string];

function expectEdges(versionId: string, scheme: string, edges: Edge[]) {
  it.each(edges)(`${versionId} ${scheme}: %s %i is %s`, (scoreId, target, band) => {
    const s = scored(versionId, scheme, scoreId, target);
    expect(s.value).toBe(target);
    expect(s.band).toMatchObject({ scheme, code: band });
  });
}

describe('SDQ original three bands (normal / borderline / abnormal)', () => {
  expectEdges('P4-17', 'sdq-uk-3band', [
    ['total', 0, 'normal'], ['total', 13, 'normal'], ['total', 14, 'borderline'], ['total', 16, 'borderline'], ['total', 17, 'abnormal'], ['total', 40, 'abnormal'],
    ['emotional', 3, 'normal'], ['emotional', 4, 'borderline'], ['emotional', 5, 'abnormal'],
    ['conduct', 2, 'normal'], ['conduct', 3, 'borderline'], ['conduct', 4, 'abnormal'],
    ['hyperactivity', 5, 'normal'], ['hyperactivity', 6, 'borderline'], ['hyperactivity', 7, 'abnormal'],
    ['peer', 2, 'normal'], ['peer', 3, 'borderline'], ['peer', 4, 'abnormal'],
    ['prosocial', 10, 'normal'], ['prosocial', 6, 'normal'], ['prosocial', 5, 'borderline'], ['prosocial', 4, 'abnormal'], ['prosocial', 0, 'abnormal'],
    ['impact', 0, 'normal'], ['impact', 1, 'borderline'], ['impact', 2, 'abnormal'], ['impact', 10, 'abnormal'],
  ]);
  expectEdges('T4-17', 'sdq-uk-3band', [
    ['total', 11, 'normal'], ['total', 12, 'borderline'], ['total', 15, 'borderline'], ['total', 16, 'abnormal'],
    ['emotional', 4, 'normal'], ['emotional', 5, 'borderline'], ['emotional', 6, 'abnormal'],
    ['conduct', 2, 'normal'], ['conduct', 3, 'borderline'], ['conduct', 4, 'abnormal'],
    ['hyperactivity', 5, 'normal'], ['hyperactivity', 6, 'borderline'], ['hyperactivity', 7, 'abnormal'],
    ['peer', 3, 'normal'], ['peer', 4, 'borderline'], ['peer', 5, 'abnormal'],
    ['prosocial', 6, 'normal'], ['prosocial', 5, 'borderline'], ['prosocial', 4, 'abnormal'],
    ['impact', 0, 'normal'], ['impact', 1, 'borderline'], ['impact', 2, 'abnormal'], ['impact', 6, 'abnormal'],
  ]);
  expectEdges('S11-17', 'sdq-uk-3band', [
    ['total', 15, 'normal'], ['total', 16, 'borderline'], ['total', 19, 'borderline'], ['total', 20, 'abnormal'],
    ['emotional', 5, 'normal'], ['emotional', 6, 'borderline'], ['emotional', 7, 'abnormal'],
    ['conduct', 3, 'normal'], ['conduct', 4, 'borderline'], ['conduct', 5, 'abnormal'],
    ['hyperactivity', 5, 'normal'], ['hyperactivity', 6, 'borderline'], ['hyperactivity', 7, 'abnormal'],
    ['peer', 3, 'normal'], ['peer', 4, 'borderline'], ['peer', 5, 'borderline'], ['peer', 6, 'abnormal'],
    ['prosocial', 6, 'normal'], ['prosocial', 5, 'borderline'], ['prosocial', 4, 'abnormal'],
    ['impact', 0, 'normal'], ['impact', 1, 'borderline'], ['impact', 2, 'abnormal'],
  ]);
  expectEdges('P2-4', 'sdq-uk-3band', [
    ['total', 12, 'normal'], ['total', 13, 'borderline'], ['total', 15, 'borderline'], ['total', 16, 'abnormal'],
    ['emotional', 2, 'normal'], ['emotional', 3, 'borderline'], ['emotional', 4, 'abnormal'],
    ['conduct', 3, 'normal'], ['conduct', 4, 'borderline'], ['conduct', 5, 'abnormal'],
    ['hyperactivity', 5, 'normal'], ['hyperactivity', 6, 'borderline'], ['hyperactivity', 7, 'abnormal'],
    ['peer', 2, 'normal'], ['peer', 3, 'borderline'], ['peer', 4, 'abnormal'],
    ['prosocial', 7, 'normal'], ['prosocial', 6, 'borderline'], ['prosocial', 5, 'abnormal'],
  ]);
});

describe('SDQ newer four bands (close to average / slightly raised / high / very high)', () => {
  expectEdges('P4-17', 'sdq-uk-4band', [
    ['total', 13, 'close-to-average'], ['total', 14, 'slightly-raised'], ['total', 16, 'slightly-raised'], ['total', 17, 'high'], ['total', 19, 'high'], ['total', 20, 'very-high'],
    ['emotional', 3, 'close-to-average'], ['emotional', 4, 'slightly-raised'], ['emotional', 5, 'high'], ['emotional', 6, 'high'], ['emotional', 7, 'very-high'],
    ['conduct', 2, 'close-to-average'], ['conduct', 3, 'slightly-raised'], ['conduct', 4, 'high'], ['conduct', 5, 'high'], ['conduct', 6, 'very-high'],
    ['hyperactivity', 5, 'close-to-average'], ['hyperactivity', 6, 'slightly-raised'], ['hyperactivity', 7, 'slightly-raised'], ['hyperactivity', 8, 'high'], ['hyperactivity', 9, 'very-high'],
    ['peer', 2, 'close-to-average'], ['peer', 3, 'slightly-raised'], ['peer', 4, 'high'], ['peer', 5, 'very-high'],
    // Prosocial is banded downwards: the lower the score, the more concern.
    ['prosocial', 8, 'close-to-average'], ['prosocial', 7, 'slightly-lowered'], ['prosocial', 6, 'low'], ['prosocial', 5, 'very-low'], ['prosocial', 0, 'very-low'],
    ['impact', 0, 'close-to-average'], ['impact', 1, 'slightly-raised'], ['impact', 2, 'high'], ['impact', 3, 'very-high'],
  ]);
  expectEdges('T4-17', 'sdq-uk-4band', [
    ['total', 11, 'close-to-average'], ['total', 12, 'slightly-raised'], ['total', 15, 'slightly-raised'], ['total', 16, 'high'], ['total', 18, 'high'], ['total', 19, 'very-high'],
    ['emotional', 3, 'close-to-average'], ['emotional', 4, 'slightly-raised'], ['emotional', 5, 'high'], ['emotional', 6, 'very-high'],
    ['conduct', 2, 'close-to-average'], ['conduct', 3, 'slightly-raised'], ['conduct', 4, 'high'], ['conduct', 5, 'very-high'],
    ['hyperactivity', 5, 'close-to-average'], ['hyperactivity', 6, 'slightly-raised'], ['hyperactivity', 7, 'slightly-raised'], ['hyperactivity', 8, 'high'], ['hyperactivity', 9, 'very-high'],
    ['peer', 2, 'close-to-average'], ['peer', 3, 'slightly-raised'], ['peer', 4, 'slightly-raised'], ['peer', 5, 'high'], ['peer', 6, 'very-high'],
    ['prosocial', 6, 'close-to-average'], ['prosocial', 5, 'slightly-lowered'], ['prosocial', 4, 'low'], ['prosocial', 3, 'very-low'],
    ['impact', 0, 'close-to-average'], ['impact', 1, 'slightly-raised'], ['impact', 2, 'high'], ['impact', 3, 'very-high'], ['impact', 6, 'very-high'],
  ]);
  expectEdges('S11-17', 'sdq-uk-4band', [
    ['total', 14, 'close-to-average'], ['total', 15, 'slightly-raised'], ['total', 17, 'slightly-raised'], ['total', 18, 'high'], ['total', 19, 'high'], ['total', 20, 'very-high'],
    ['emotional', 4, 'close-to-average'], ['emotional', 5, 'slightly-raised'], ['emotional', 6, 'high'], ['emotional', 7, 'very-high'],
    ['conduct', 3, 'close-to-average'], ['conduct', 4, 'slightly-raised'], ['conduct', 5, 'high'], ['conduct', 6, 'very-high'],
    ['hyperactivity', 5, 'close-to-average'], ['hyperactivity', 6, 'slightly-raised'], ['hyperactivity', 7, 'high'], ['hyperactivity', 8, 'very-high'],
    ['peer', 2, 'close-to-average'], ['peer', 3, 'slightly-raised'], ['peer', 4, 'high'], ['peer', 5, 'very-high'],
    ['prosocial', 7, 'close-to-average'], ['prosocial', 6, 'slightly-lowered'], ['prosocial', 5, 'low'], ['prosocial', 4, 'very-low'],
    ['impact', 0, 'close-to-average'], ['impact', 1, 'slightly-raised'], ['impact', 2, 'high'], ['impact', 3, 'very-high'],
  ]);
});

describe('SDQ scores without published cut-offs', () => {
  it.each([
    ['P4-17', 'sdq-uk-4band', 'externalising'],
    ['P4-17', 'sdq-uk-3band', 'internalising'],
    ['P2-4', 'sdq-uk-4band', 'total'],
    ['T2-4', 'sdq-uk-3band', 'total'],
    ['T2-4', 'sdq-uk-4band', 'emotional'],
    ['P2-4', 'sdq-uk-3band', 'impact'],
  ])('%s under %s leaves %s unbanded, saying so', (versionId, scheme, scoreId) => {
    const age = versionId.endsWith('2-4') ? 3 : 12;
    const answers = [...answersFor(versionId, 'total', 5).filter((x) => x.item.startsWith('item')), { item: 'difficulties', value: 0 }];
    const s = scoreScreening(registry, sdqInput(versionId, answers, age), { bandScheme: scheme }).scores.find((x) => x.id === scoreId)!;
    expect(s.value).not.toBeNull();
    expect(s.band).toBeNull();
    expect(s.bandMissing).toMatchObject({ reason: 'NO_BAND_PUBLISHED' });
  });

  it('bands with the deployment\'s scheme when the caller names none (four bands by default)', () => {
    const result = scoreScreening(registry, sdqInput('P4-17', sdqSymptoms({ emotional: 10, conduct: 8 })));
    expect(result.bandScheme).toBe('sdq-uk-4band');
    expect(result.scores.find((s) => s.id === 'total')!.band!.code).toBe('high');
  });

  it('a deployment that chooses the three bands gets them on every result', () => {
    const threeBand = createInstrumentRegistry({ bandSchemes: { sdq: 'sdq-uk-3band' } });
    const result = scoreScreening(threeBand, sdqInput('P4-17', sdqSymptoms({ emotional: 10, conduct: 8 })));
    expect(result.bandScheme).toBe('sdq-uk-3band');
    expect(result.scores.find((s) => s.id === 'total')!.band!.code).toBe('abnormal');
  });
});
