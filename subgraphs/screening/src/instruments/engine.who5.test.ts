import { describe, expect, it } from 'vitest';
import { EXAMPLE_THRESHOLDS } from './data/thresholds.ts';
import { scoreScreening } from './engine.ts';
import { createInstrumentRegistry } from './registry.ts';
import { bandCode, value, who5Input } from './test-support.ts';

const registry = createInstrumentRegistry();
const score = (values: number[]) => scoreScreening(registry, who5Input(values), { thresholds: EXAMPLE_THRESHOLDS });
const flagIds = (values: number[]) => score(values).flags.map((f) => f.id);

describe('WHO-5 scoring', () => {
  it('sums the five answers to a raw score of 0-25 and multiplies by 4 for the 0-100 index', () => {
    const result = score([5, 4, 3, 2, 1]);
    expect(value(result, 'raw')).toBe(15);
    expect(value(result, 'percentage')).toBe(60);
    expect(score([0, 0, 0, 0, 0]).scores.map((s) => s.value)).toEqual([0, 0]);
    expect(score([5, 5, 5, 5, 5]).scores.map((s) => s.value)).toEqual([25, 100]);
  });

  it('raw 12 is 48, at or below 50: poor well-being, screen positive', () => {
    const result = score([3, 3, 2, 2, 2]);
    expect([value(result, 'raw'), value(result, 'percentage')]).toEqual([12, 48]);
    expect(bandCode(result, 'percentage')).toBe('poor-well-being');
    expect(result.flags.map((f) => f.id)).toEqual(['poor-well-being']);
    expect(result.thresholds).toEqual([{ thresholdId: 'who5-poor-well-being', track: null, passed: true, reason: null }]);
  });

  it('raw 13 is 52, above 50: good well-being, no flag, not positive', () => {
    const result = score([3, 3, 3, 2, 2]);
    expect([value(result, 'raw'), value(result, 'percentage')]).toEqual([13, 52]);
    expect(bandCode(result, 'percentage')).toBe('good-well-being');
    expect(result.flags).toEqual([]);
    expect(result.thresholds[0]!.passed).toBe(false);
  });

  it('raw 7 is 28: suggests depression (and poor well-being)', () => {
    const result = score([2, 2, 2, 1, 0]);
    expect(value(result, 'percentage')).toBe(28);
    expect(bandCode(result, 'percentage')).toBe('likely-depression');
    expect(bandCode(result, 'raw')).toBe('likely-depression');
    expect(result.flags.map((f) => f.id)).toEqual(['poor-well-being', 'likely-depression', 'item-at-0-or-1']);
  });

  it('raw 8 is 32: poor well-being but not the depression cut-off', () => {
    const result = score([2, 2, 2, 2, 0]);
    expect(value(result, 'percentage')).toBe(32);
    expect(bandCode(result, 'percentage')).toBe('poor-well-being');
    expect(result.flags.map((f) => f.id)).toEqual(['poor-well-being', 'item-at-0-or-1']);
  });

  it('flags a single item answered 1 even when the total is good, naming the item', () => {
    const result = score([5, 5, 5, 5, 1]);
    expect(value(result, 'percentage')).toBe(84);
    expect(result.flags).toEqual([{ id: 'item-at-0-or-1', label: expect.objectContaining({ en: 'An item answered 0 or 1' }), items: ['item5'] }]);
  });

  it('flags every item answered 0 or 1, and none answered 2 or more', () => {
    expect(score([0, 1, 2, 1, 5]).flags.find((f) => f.id === 'item-at-0-or-1')!.items).toEqual(['item1', 'item2', 'item4']);
    expect(flagIds([2, 2, 2, 2, 5])).not.toContain('item-at-0-or-1');
  });

  it('keeps the instrument, version, revision, informant and band scheme with the result, and echoes the answers in item order', () => {
    const input = who5Input([1, 2, 3, 4, 5]);
    const result = scoreScreening(registry, { ...input, answers: [...input.answers].reverse() });
    expect(result).toMatchObject({
      instrumentId: 'who5',
      instrumentRevision: '2025.1',
      versionId: '1998',
      informant: 'self',
      bandScheme: 'who5-standard',
      screeningDate: '2025-03-01',
      ageInYears: 12,
    });
    expect(result.answers.map((a) => a.item)).toEqual(['item1', 'item2', 'item3', 'item4', 'item5']);
    expect(result.answers.map((a) => a.value)).toEqual([1, 2, 3, 4, 5]);
  });
});
