import { describe, expect, it } from 'vitest';
import { EVALUATION_MEASURES, suppressEvaluation, type EvaluationCounts, type EvaluationMeasure } from './suppression.ts';

const T = 'CHRONIC_SOMATIC_ILLNESS';
/** A row whose every measure is `n`, unless `counts` says otherwise. */
function row(municipalityCode: number | null, n: number, counts: Partial<Record<EvaluationMeasure, number>> = {}, median: number | null = null): EvaluationCounts {
  return {
    track: T,
    municipalityCode,
    counts: { ...(Object.fromEntries(EVALUATION_MEASURES.map((m) => [m, n])) as Record<EvaluationMeasure, number>), ...counts },
    medianDaysToActionPlan: median,
  };
}
const registered = (rows: ReturnType<typeof suppressEvaluation>) => rows.map((r) => r.counts.childrenRegistered);

describe('suppressing the evaluation table', () => {
  it('publishes counts of 0 and of 5 and more as they are', () => {
    const out = suppressEvaluation([row(751, 5), row(657, 0), row(null, 5)]);
    expect(registered(out)).toEqual([5, 0, 5]);
    expect(out.every((r) => r.withheld.length === 0)).toBe(true);
  });

  it('withholds every count from 1 to 4 (primary suppression)', () => {
    for (const n of [1, 2, 3, 4]) {
      const out = suppressEvaluation([row(751, n), row(657, n), row(null, 2 * n)]);
      expect(registered(out).slice(0, 2)).toEqual([null, null]);
    }
  });

  it('withholds a second cell when a single withheld one could be recomputed from the total (secondary suppression)', () => {
    // 751 has 3: total 20 minus 657's 9 and 740's 8 would give it away, so the smaller of the others goes too.
    const out = suppressEvaluation([row(751, 3), row(657, 9), row(740, 8), row(null, 20)]);
    expect(registered(out)).toEqual([null, 9, null, 20]);
    expect(out[2]!.withheld).toContain('childrenRegistered');
  });

  it('withholds the total with the one municipality that has children: both are small then', () => {
    const out = suppressEvaluation([row(751, 3), row(657, 0), row(null, 3)]);
    expect(registered(out)).toEqual([null, 0, null]);
  });

  it('leaves a line with two withheld cells as it is: neither can be recomputed', () => {
    const out = suppressEvaluation([row(751, 3), row(657, 2), row(740, 12), row(null, 17)]);
    expect(registered(out)).toEqual([null, null, 12, 17]);
  });

  it('keeps each measure a line of its own: suppression in one does not spread to another', () => {
    const out = suppressEvaluation([
      row(751, 10, { childrenWithActionPlan: 2 }),
      row(657, 10, { childrenWithActionPlan: 6 }),
      row(null, 20, { childrenWithActionPlan: 8 }),
    ]);
    expect(out.map((r) => r.counts.childrenWithActionPlan)).toEqual([null, null, 8]);
    expect(out.map((r) => r.counts.childrenScreened)).toEqual([10, 10, 20]);
  });

  it('withholds the median days to a plan wherever the plan count is withheld', () => {
    const out = suppressEvaluation([row(751, 10, { childrenWithActionPlan: 3 }, 4), row(657, 10, { childrenWithActionPlan: 3 }, 9), row(null, 20, { childrenWithActionPlan: 6 }, 6)]);
    expect(out.map((r) => r.medianDaysToActionPlan)).toEqual([null, null, 6]);
    expect(out[0]!.withheld).toEqual(['childrenWithActionPlan', 'medianDaysToActionPlan']);
  });

  it('never leaves a withheld cell recomputable from its total, on any table of small counts', () => {
    // Exhaustive over three municipalities with counts 0-6: subtracting the published cells from the published
    // total never determines a single withheld cell.
    for (let a = 0; a <= 6; a++)
      for (let b = 0; b <= 6; b++)
        for (let c = 0; c <= 6; c++) {
          const out = suppressEvaluation([row(751, a), row(657, b), row(740, c), row(null, a + b + c)]);
          const cells = registered(out);
          const hidden = cells.filter((v) => v === null).length;
          expect(hidden === 0 || hidden >= 2, `${a} ${b} ${c}: ${JSON.stringify(cells)}`).toBe(true);
        }
  });
});
