/**
 * Sparse cubes of small counts: a few facts among many empty cells, as a new statistic or a small municipality
 * has. Most cells are zeros that break a small count down, so most of the cube is hidden, and the engine must still
 * end with every small count protected (this once threw "unreachable" from closeChains).
 */
import { describe, expect, it } from 'vitest';
import { protectCube, type LeafCount } from './cube.ts';
import { categoryDimension, defineDimension, municipalityDimension, periodDimension, type Dimension } from './dimensions.ts';
import { isShown } from './published.ts';
import { fixedHiddenCells, seeded, trueCount, type Coordinates } from './test-helpers.ts';

const source = categoryDimension('source', 'Source', [
  { key: 'GP', label: 'General practice' },
  { key: 'MUNICIPALITY', label: 'Municipality' },
]);

/** The published promises: shown counts true and never 1-4, and no small count (or zero breaking one down) computable. */
function expectProtected(dimensions: readonly Dimension[], facts: readonly LeafCount[], cube: ReturnType<typeof protectCube>, exact: boolean): void {
  const view = cube.publishedView();
  for (const cell of view) {
    if (!isShown(cell.count)) continue;
    expect(cell.count.value === 0 || cell.count.value >= 5, JSON.stringify(cell.at)).toBe(true);
    expect(cell.count.value).toBe(trueCount(dimensions, facts as { at: Coordinates; count: number }[], cell.at));
  }
  expect(cube.computableHiddenCells().filter((at) => cube.reasonAt(at) === 'PRIMARY')).toEqual([]);
  // The attacker's algebra, independent of the engine's audit (exact rationals; too slow for the larger cubes).
  if (exact) expect(fixedHiddenCells(dimensions, view).filter((at) => cube.reasonAt(at) === 'PRIMARY')).toEqual([]);
}

describe('sparse cubes of small counts', () => {
  it('protects three referrals among zeros (municipality x month x source over a biennium)', () => {
    const dimensions = [municipalityDimension(), periodDimension('2025-2026'), source];
    const facts: LeafCount[] = [
      { at: { municipality: '741', period: '2026-03', source: 'GP' }, count: 3 },
      { at: { municipality: '710', period: '2026-04', source: 'GP' }, count: 8 },
      { at: { municipality: '730', period: '2026-04', source: 'MUNICIPALITY' }, count: 1 },
    ];
    const cube = protectCube({ name: 'referrals', dimensions }, facts);
    expect(cube.reasonAt({ municipality: '741', period: '2026-03', source: 'GP' })).toBe('PRIMARY');
    expect(cube.reasonAt({ municipality: '730', period: '2026-04', source: 'MUNICIPALITY' })).toBe('PRIMARY');
    // The one referral from a municipality in two years: every cell of that source is about it, zeros included.
    expect(cube.reasonAt({ municipality: 'REGION', period: '2025-2026', source: 'MUNICIPALITY' })).toBe('PRIMARY');
    expect(cube.reasonAt({ municipality: '751', period: '2025-01', source: 'MUNICIPALITY' })).toBe('PRIMARY');
    expectProtected(dimensions, facts, cube, false);
  });

  it('never throws, never shows 1-4 and leaves no small count computable, on random sparse cubes', () => {
    const random = seeded(20261202);
    const area = defineDimension('municipality', 'Area', {
      key: 'REGION',
      label: 'Region',
      level: 'region',
      children: [
        { key: 'C1', label: 'C1', level: 'cluster', children: ['a', 'b'].map((key) => ({ key, label: key, level: 'municipality' })) },
        { key: 'C2', label: 'C2', level: 'cluster', children: ['c', 'd', 'e'].map((key) => ({ key, label: key, level: 'municipality' })) },
      ],
    });
    const year = defineDimension('period', 'Period', {
      key: '2026',
      label: '2026',
      level: 'year',
      children: ['2026-H1', '2026-H2'].map((half, h) => ({
        key: half,
        label: half,
        level: 'halfYear',
        children: [1, 2, 3, 4, 5, 6].map((m) => {
          const month = `2026-${String(h * 6 + m).padStart(2, '0')}`;
          return { key: month, label: month, level: 'month' };
        }),
      })),
    });
    const dimensions = [area, year, source];
    let leaves: Coordinates[] = [{}];
    for (const d of dimensions) leaves = leaves.flatMap((at) => d.leaves.map((leaf) => ({ ...at, [d.name]: leaf })));
    for (let trial = 0; trial < 20; trial++) {
      // One to six non-empty leaves of 1 to 9 facts among 120, most of them small counts.
      const facts: LeafCount[] = [];
      const nonEmpty = 1 + Math.floor(random() * 6);
      for (let i = 0; i < nonEmpty; i++) {
        facts.push({ at: leaves[Math.floor(random() * leaves.length)]!, count: 1 + Math.floor(random() * random() * 9) });
      }
      const cube = protectCube({ name: `sparse-${trial}`, dimensions }, facts);
      expectProtected(dimensions, facts, cube, true);
    }
  });
});
