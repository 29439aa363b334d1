/**
 * The lattice holds only the cells of a cube's views, and counts them from the leaves that have facts. The dense
 * engine it replaced (dense-oracle/, every cell of the dimension product) is the oracle: on random cubes, with and
 * without views, sparse and dense, both must hide exactly the same cells for the same reasons and show the same counts.
 */
import { describe, expect, it } from 'vitest';
import { protectCube, type LeafCount } from './cube.ts';
import { protectDense } from './dense-oracle/protect.ts';
import { categoryDimension, defineDimension, sexDimension, type Dimension } from './dimensions.ts';
import { buildLattice } from './lattice.ts';
import { isShown } from './published.ts';
import { keyOf, seeded, type Coordinates } from './test-helpers.ts';

const area = defineDimension('area', 'Area', {
  key: 'REGION',
  label: 'Region',
  level: 'region',
  children: [
    { key: 'C1', label: 'C1', level: 'cluster', children: ['a', 'b'].map((key) => ({ key, label: key, level: 'municipality' })) },
    { key: 'C2', label: 'C2', level: 'cluster', children: ['c', 'd', 'e'].map((key) => ({ key, label: key, level: 'municipality' })) },
  ],
});
const half = defineDimension('period', 'Period', {
  key: '2026',
  label: '2026',
  level: 'year',
  children: ['H1', 'H2'].map((h) => ({
    key: h,
    label: h,
    level: 'halfYear',
    children: [1, 2, 3].map((m) => ({ key: `${h}-${m}`, label: `${h}-${m}`, level: 'quarter' })),
  })),
});
const decision = defineDimension('decision', 'Decision', {
  key: 'ALL',
  label: 'All',
  level: 'all',
  children: [
    { key: 'NOT_VISITED', label: 'Not visited', level: 'decision' },
    { key: 'VISITED', label: 'Visited', level: 'visited', children: ['NO', 'YES'].map((key) => ({ key, label: key, level: 'decision' })) },
  ],
});
const source = categoryDimension('source', 'Source', ['GP', 'MUNICIPALITY'].map((key) => ({ key, label: key })));
const pool: readonly Dimension[] = [area, half, sexDimension(), source, decision];

function leavesOf(dimensions: readonly Dimension[]): Coordinates[] {
  let leaves: Coordinates[] = [{}];
  for (const d of dimensions) leaves = leaves.flatMap((at) => d.leaves.map((leaf) => ({ ...at, [d.name]: leaf })));
  return leaves;
}

describe('the sparse lattice', () => {
  it('hides exactly what the dense engine hid, on random cubes of 2 to 5 dimensions with and without views', () => {
    const random = seeded(20261202);
    let hiddenSeen = 0;
    let secondarySeen = 0;
    for (let trial = 0; trial < 30; trial++) {
      const dimensions = pool.slice(0, 2 + (trial % 4));
      const names = dimensions.map((d) => d.name);
      // Views as the subgraphs declare them: area and period with one or two of the others each.
      const views =
        trial % 3 === 0 || names.length < 3
          ? undefined
          : names.slice(2).map((name, i) => (i % 2 === 0 ? ['area', 'period', name] : ['area', 'period', name, ...names.slice(2, 3)]));
      const leaves = leavesOf(dimensions);
      // Alternately a few facts among many empty leaves (the region-scale case) and a dense cube of small counts.
      const facts: LeafCount[] =
        trial % 2 === 0
          ? Array.from({ length: 1 + Math.floor(random() * 12) }, () => ({
              at: leaves[Math.floor(random() * leaves.length)]!,
              count: 1 + Math.floor(random() * random() * 9),
            }))
          : leaves.map((at) => ({ at, count: Math.floor(random() * random() * 6) }));
      const sparse = protectCube({ name: `trial-${trial}`, dimensions, ...(views ? { views } : {}) }, facts);
      const dense = protectDense(dimensions, views, facts, 5);
      const published = new Map(sparse.publishedView().map((cell) => [keyOf(dimensions, cell.at), cell]));
      expect(published.size, `trial ${trial}`).toBe(dense.length);
      for (const cell of dense) {
        const key = keyOf(dimensions, cell.at);
        const mine = published.get(key);
        expect(mine, `trial ${trial}: ${key}`).toBeDefined();
        expect(sparse.reasonAt(cell.at), `trial ${trial}: ${key}`).toBe(cell.status === 'SHOWN' ? null : cell.status);
        expect(mine!.count, `trial ${trial}: ${key}`).toEqual(cell.status === 'SHOWN' ? { value: cell.value } : { suppressed: true });
        if (cell.status !== 'SHOWN') hiddenSeen += 1;
        if (cell.status === 'SECONDARY') secondarySeen += 1;
      }
    }
    // The comparison covered both kinds of suppression, not only cubes with nothing to hide.
    expect(hiddenSeen).toBeGreaterThan(100);
    expect(secondarySeen).toBeGreaterThan(20);
  });

  it('holds the cells of the views only, not the dimension product', () => {
    const dimensions = pool;
    const product = dimensions.reduce((n, d) => n * d.order.length, 1);
    const lattice = buildLattice(dimensions, [
      ['area', 'period', 'sex'],
      ['area', 'period', 'source', 'decision'],
    ]);
    const inViews = 8 * 9 * (3 + 3 * 5) - 8 * 9;
    expect(lattice.total).toBe(inViews);
    expect(lattice.total).toBeLessThan(product / 2);
    // Without views every cell of the product is published, and held.
    expect(buildLattice(dimensions).total).toBe(product);
  });

  it('shows the counts of cells whose facts are only at leaves no view holds', () => {
    const cube = protectCube(
      { name: 'one-leaf', dimensions: [area, sexDimension(), source], views: [['area', 'sex'], ['area', 'source']] },
      [{ at: { area: 'a', sex: 'F', source: 'GP' }, count: 7 }, { at: { area: 'c', sex: 'M', source: 'GP' }, count: 6 }],
    );
    const byArea = cube.select({ area: { level: 'municipality' }, source: 'GP' });
    expect(byArea.rows.map((row) => [row.key['area'], isShown(row.count) ? row.count.value : 'x'])).toEqual([
      ['a', 7],
      ['b', 0],
      ['c', 6],
      ['d', 0],
      ['e', 0],
    ]);
    // The leaf (a, F, GP) itself belongs to no view: never published, so nothing of it is hidden either.
    expect(cube.reasonAt({ area: 'a', sex: 'F', source: 'GP' })).toBeNull();
  });
});
