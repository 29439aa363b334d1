import { describe, expect, it } from 'vitest';
import { EXAMPLE_THRESHOLDS } from './data/thresholds.ts';
import { scoreScreening } from './engine.ts';
import type { Threshold } from './model.ts';
import { createInstrumentRegistry } from './registry.ts';
import { sdqInput, sdqSymptoms, who5Input } from './test-support.ts';
import { evaluateThreshold, parseThresholds } from './thresholds.ts';

const registry = createInstrumentRegistry();
const who5 = (values: number[]) => scoreScreening(registry, who5Input(values));
const sdqTotal = (total: number, versionId = 'P4-17') =>
  scoreScreening(registry, sdqInput(versionId, sdqSymptoms({ emotional: Math.min(10, total), conduct: Math.max(0, total - 10) })));

const valueThreshold = (comparator: 'lte' | 'lt' | 'gte' | 'gt', value: number): Threshold => ({
  id: 't',
  track: 'CHRONIC_SOMATIC_ILLNESS',
  instrumentId: 'who5',
  score: 'percentage',
  condition: { kind: 'value', comparator, value },
});

describe('screening thresholds', () => {
  it.each([
    ['lte', 50, [3, 3, 2, 2, 2], true], // 48 <= 50
    ['lte', 50, [3, 3, 3, 2, 2], false], // 52
    ['lte', 48, [3, 3, 2, 2, 2], true], // 48 <= 48
    ['lt', 48, [3, 3, 2, 2, 2], false],
    ['gte', 52, [3, 3, 3, 2, 2], true],
    ['gt', 52, [3, 3, 3, 2, 2], false],
  ] as const)('WHO-5 %s %i on answers %j passes: %s', (comparator, value, answers, passed) => {
    expect(evaluateThreshold(who5([...answers]), valueThreshold(comparator, value))).toEqual({ thresholdId: 't', track: 'CHRONIC_SOMATIC_ILLNESS', passed, reason: null });
  });

  it('SDQ total in the highest bands of the four-band scheme: 16 no, 17 and 20 yes', () => {
    const high = EXAMPLE_THRESHOLDS.find((t) => t.id === 'sdq-total-high')!;
    expect(evaluateThreshold(sdqTotal(16), high).passed).toBe(false);
    expect(evaluateThreshold(sdqTotal(17), high).passed).toBe(true);
    expect(evaluateThreshold(sdqTotal(20), high).passed).toBe(true);
  });

  it('cannot decide a band threshold for a result banded with another scheme', () => {
    const threeBand = scoreScreening(registry, sdqInput('P4-17', sdqSymptoms({ emotional: 10, conduct: 10 })), { bandScheme: 'sdq-uk-3band' });
    expect(evaluateThreshold(threeBand, EXAMPLE_THRESHOLDS[1]!)).toMatchObject({ passed: null, reason: 'BAND_SCHEME_MISMATCH' });
  });

  it('cannot decide when the score is missing or unbanded', () => {
    const noTotal = scoreScreening(registry, sdqInput('P4-17', [{ item: 'item3', value: 2 }]));
    expect(evaluateThreshold(noTotal, EXAMPLE_THRESHOLDS[1]!)).toMatchObject({ passed: null, reason: 'SCORE_MISSING' });
    const preschoolTeacher = scoreScreening(registry, sdqInput('T2-4', sdqSymptoms({ emotional: 10 })));
    expect(evaluateThreshold(preschoolTeacher, EXAMPLE_THRESHOLDS[1]!)).toMatchObject({ passed: null, reason: 'BAND_MISSING' });
  });

  it('does not apply to another instrument, version or informant', () => {
    expect(evaluateThreshold(who5([1, 1, 1, 1, 1]), EXAMPLE_THRESHOLDS[1]!)).toMatchObject({ passed: null, reason: 'NOT_APPLICABLE' });
    const teachersOnly: Threshold = { ...EXAMPLE_THRESHOLDS[1]!, informants: ['teacher'] };
    expect(evaluateThreshold(sdqTotal(30), teachersOnly).reason).toBe('NOT_APPLICABLE');
    const selfOnly: Threshold = { ...EXAMPLE_THRESHOLDS[1]!, versionIds: ['S11-17'] };
    expect(evaluateThreshold(sdqTotal(30), selfOnly).reason).toBe('NOT_APPLICABLE');
    const unknownScore: Threshold = { ...EXAMPLE_THRESHOLDS[1]!, score: 'nonsense' };
    expect(evaluateThreshold(sdqTotal(30), unknownScore).reason).toBe('NOT_APPLICABLE');
  });

  it('evaluates the thresholds of the result\'s instrument with the result', () => {
    const result = scoreScreening(registry, who5Input([1, 1, 1, 1, 1]), { thresholds: EXAMPLE_THRESHOLDS });
    expect(result.thresholds).toEqual([{ thresholdId: 'who5-poor-well-being', track: null, passed: true, reason: null }]);
  });

  it('parses thresholds from configuration and refuses a malformed one', () => {
    const config = [{ id: 'spor2-who5', track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 50 } }];
    expect(parseThresholds(config)).toEqual(config);
    expect(() => parseThresholds([{ ...config[0], condition: { kind: 'value', comparator: 'about', value: 50 } }])).toThrow(/comparator/);
    expect(() => parseThresholds([{ ...config[0], condition: { kind: 'band', bandScheme: 'sdq-uk-4band', bands: [] } }])).toThrow();
  });
});
