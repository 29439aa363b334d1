import { describe, expect, it } from 'vitest';
import { roundHalfUpRatio, scoreScreening } from './engine.ts';
import type { AnswerInput } from './model.ts';
import { createInstrumentRegistry } from './registry.ts';
import { sdqInput, sdqSymptoms, value } from './test-support.ts';

const registry = createInstrumentRegistry();
const score = (versionId: string, answers: AnswerInput[]) => scoreScreening(registry, sdqInput(versionId, answers));
const a = (item: string, v: number): AnswerInput => ({ item, value: v });
const scoreDetail = (versionId: string, answers: AnswerInput[], id: string) => score(versionId, answers).scores.find((s) => s.id === id)!;

describe('roundHalfUpRatio (floor(0.5 + n/d) in integers)', () => {
  it.each([
    [20, 3, 7], // 4 points over 3 items, scaled to 5: 6.67 -> 7
    [10, 4, 3], // 2.5 -> 3, where float rounding of a computed 2.4999... would give 2
    [5, 4, 1], // 1.25 -> 1
    [15, 4, 4], // 3.75 -> 4
    [5, 2, 3], // 2.5 -> 3
    [7, 2, 4], // 3.5 -> 4
    [0, 3, 0],
    [30, 3, 10],
  ])('%i / %i rounds to %i', (n, d, expected) => {
    expect(roundHalfUpRatio(n, d)).toBe(expected);
  });

  it('refuses what is not a non-negative integer ratio', () => {
    expect(() => roundHalfUpRatio(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUpRatio(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUpRatio(-1, 2)).toThrow(RangeError);
  });
});

describe('SDQ item scoring', () => {
  it('scores item 7 (a reverse item) answered 2, "certainly true", as 0, and answered 0 as 2', () => {
    const conductItems = (item7: number) => [a('item5', 0), a('item7', item7), a('item12', 0), a('item18', 0), a('item22', 0)];
    expect(value(score('P4-17', conductItems(2)), 'conduct')).toBe(0);
    expect(value(score('P4-17', conductItems(0)), 'conduct')).toBe(2);
    expect(value(score('P4-17', conductItems(1)), 'conduct')).toBe(1);
  });

  it.each([
    // answering the item 0 ("not true") gives it 2 points; the subscale's other reverse item answered 2 gives 0
    ['item11', 'peer', ['item6', 'item19', 'item23'], 'item14'],
    ['item14', 'peer', ['item6', 'item19', 'item23'], 'item11'],
    ['item21', 'hyperactivity', ['item2', 'item10', 'item15'], 'item25'],
    ['item25', 'hyperactivity', ['item2', 'item10', 'item15'], 'item21'],
  ])('reverses %s in %s too', (item, subscale, plain, otherReverse) => {
    const answers = [a(item, 0), a(otherReverse, 2), ...plain.map((i) => a(i, 0))];
    expect(value(score('P4-17', answers), subscale)).toBe(2);
  });

  it('scores every subscale and the prosocial strength from all 25 answers', () => {
    const result = score('P4-17', sdqSymptoms({ emotional: 7, conduct: 3, hyperactivity: 9, peer: 1, prosocial: 6 }));
    expect(['emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial'].map((id) => value(result, id))).toEqual([7, 3, 9, 1, 6]);
    expect(value(result, 'total')).toBe(20);
    expect(value(result, 'externalising')).toBe(12);
    expect(value(result, 'internalising')).toBe(8);
  });
});

describe('SDQ pro-rating', () => {
  it('scores a subscale with 3 of 5 items answered as the mean times 5, rounded half up: 4 points -> 7', () => {
    const emotional = scoreDetail('P4-17', [a('item3', 2), a('item8', 1), a('item13', 1)], 'emotional');
    expect(emotional).toMatchObject({ value: 7, prorated: true, answeredItems: 3, missing: null });
  });

  it('rounds 2.5 up to 3 (2 points over 4 items)', () => {
    expect(scoreDetail('P4-17', [a('item3', 1), a('item8', 1), a('item13', 0), a('item16', 0)], 'emotional')).toMatchObject({ value: 3, prorated: true });
  });

  it('does not score a subscale with 2 of 5 items, and then the total and internalising are missing too', () => {
    const answers = [...sdqSymptoms({ conduct: 4, hyperactivity: 5, peer: 2 }).filter((x) => !['item3', 'item8', 'item13', 'item16', 'item24'].includes(x.item)), a('item3', 2), a('item8', 2)];
    const result = score('P4-17', answers);
    const emotional = result.scores.find((s) => s.id === 'emotional')!;
    expect(emotional).toMatchObject({ value: null, answeredItems: 2, missing: { reason: 'TOO_FEW_ITEMS_ANSWERED' } });
    expect(emotional.missing!.detail).toBe('emotional needs at least 3 of its 5 items answered; 2 are.');
    expect(emotional.band).toBeNull();
    expect(emotional.bandMissing!.reason).toBe('SCORE_MISSING');
    const total = result.scores.find((s) => s.id === 'total')!;
    expect(total).toMatchObject({ value: null, missing: { reason: 'COMPONENT_SCORE_MISSING' } });
    expect(total.missing!.detail).toContain('missing: emotional');
    expect(value(result, 'internalising')).toBeNull();
    expect(value(result, 'externalising')).toBe(9);
  });

  it('marks a total built from a pro-rated subscale as pro-rated', () => {
    const answers = sdqSymptoms({ emotional: 2 }).filter((x) => x.item !== 'item24' && x.item !== 'item16');
    const result = score('P4-17', answers);
    expect(result.scores.find((s) => s.id === 'emotional')).toMatchObject({ value: 3, prorated: true }); // 2 over 3 items -> 3.33 -> 3
    expect(result.scores.find((s) => s.id === 'total')).toMatchObject({ value: 3, prorated: true });
  });
});

describe('SDQ impact supplement', () => {
  it('is 0 when the answer to "any difficulties?" is no, with no impact question answered', () => {
    const impact = scoreDetail('P4-17', [...sdqSymptoms({}), a('difficulties', 0)], 'impact');
    expect(impact).toMatchObject({ value: 0, missing: null });
  });

  it('counts "quite a lot" 1 and "a great deal" 2, "not at all" and "only a little" 0 (parent: five areas, 0-10)', () => {
    const answers = [
      ...sdqSymptoms({}),
      a('difficulties', 2),
      a('impactDistress', 3), // a great deal: 2
      a('impactHome', 2), // quite a lot: 1
      a('impactFriendships', 1), // only a little: 0
      a('impactClassroom', 0), // not at all: 0
      a('impactLeisure', 3), // a great deal: 2
    ];
    expect(value(score('P4-17', answers), 'impact')).toBe(5);
  });

  it('reaches 10 for parents and self-report when all five areas are "a great deal"', () => {
    const all = (versionId: string) =>
      value(score(versionId, [...sdqSymptoms({}), a('difficulties', 3), ...['impactDistress', 'impactHome', 'impactFriendships', 'impactClassroom', 'impactLeisure'].map((i) => a(i, 3))]), 'impact');
    expect(all('P4-17')).toBe(10);
    expect(all('S11-17')).toBe(10);
  });

  it('ranges 0-6 for teachers: distress, peer relationships and classroom learning', () => {
    const teacher = (v: number) => value(score('T4-17', [...sdqSymptoms({}), a('difficulties', 1), a('impactDistress', v), a('impactPeers', v), a('impactClassroom', v)]), 'impact');
    expect(teacher(3)).toBe(6);
    expect(teacher(2)).toBe(3);
    expect(teacher(1)).toBe(0);
    const impact = registry.version('sdq', 'T4-17')!.scores.find((s) => s.id === 'impact')!;
    expect([impact.min, impact.max]).toEqual([0, 6]);
  });

  it('counts an unanswered impact question as 0 once one is answered, as youthinmind\'s scoring syntax does', () => {
    expect(value(score('P4-17', [...sdqSymptoms({}), a('difficulties', 1), a('impactDistress', 3)]), 'impact')).toBe(2);
  });

  it('is missing when difficulties are reported but no impact question is answered', () => {
    expect(scoreDetail('P4-17', [...sdqSymptoms({}), a('difficulties', 1)], 'impact')).toMatchObject({
      value: null,
      missing: { reason: 'TOO_FEW_ITEMS_ANSWERED' },
    });
  });

  it('is missing when the supplement is not filled in at all (the one-sided form)', () => {
    expect(scoreDetail('P4-17', sdqSymptoms({}), 'impact').value).toBeNull();
  });

  it('scores no chronicity or burden', () => {
    const base = [...sdqSymptoms({}), a('difficulties', 2), a('impactDistress', 2)];
    expect(value(score('P4-17', [...base, a('chronicity', 3), a('burden', 3)]), 'impact')).toBe(value(score('P4-17', base), 'impact'));
  });
});

describe('SDQ versions', () => {
  it.each([
    ['P2-4', 3],
    ['P4-17', 9],
    ['T2-4', 3],
    ['T4-17', 9],
    ['S11-17', 14],
  ])('scores %s the same way for the same answers', (versionId, age) => {
    const result = scoreScreening(registry, sdqInput(versionId, sdqSymptoms({ emotional: 4, conduct: 3, hyperactivity: 6, peer: 3, prosocial: 9 }), age));
    expect(result.versionId).toBe(versionId);
    expect(['emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial', 'total'].map((id) => value(result, id))).toEqual([4, 3, 6, 3, 9, 16]);
  });
});
