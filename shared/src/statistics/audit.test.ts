import { describe, expect, it } from 'vitest';
import { computableHiddenCells } from './audit.ts';
import { protectCube } from './cube.ts';
import { categoryDimension, defineDimension, sexDimension, type Dimension } from './dimensions.ts';
import { aggregate, buildLattice, cellOf, coordinatesOf, numberOf, PRIMARY, SECONDARY, suppressPrimary, suppressSecondary } from './lattice.ts';
import { fixedHiddenCells, keyOf, seeded, type Coordinates } from './test-helpers.ts';

const row = categoryDimension('row', 'Row', ['A', 'B', 'C', 'D'].map((key) => ({ key, label: key })));
const col = categoryDimension('col', 'Column', ['W', 'X', 'Y', 'Z'].map((key) => ({ key, label: key })));

function statusOf(dimensions: readonly Dimension[], hidden: readonly Coordinates[]) {
  const lattice = buildLattice(dimensions);
  const status = new Uint8Array(lattice.total);
  for (const at of hidden) status[cellOf(lattice, dimensions.map((d) => d.order.indexOf(at[d.name] ?? d.root)))] = SECONDARY;
  return { lattice, status };
}

/** The view an attacker sees, for the independent exact check. */
function viewOf(dimensions: readonly Dimension[], lattice: ReturnType<typeof buildLattice>, status: Uint8Array) {
  return Array.from({ length: lattice.total }, (_, cell) => ({
    at: coordinatesOf(lattice, cell),
    count: status[cell] ? ({ suppressed: true } as const) : { value: 0 },
  }));
}

describe('computableHiddenCells', () => {
  it('finds a hidden cell bridging two rings of hidden cells, though every row and column has two hidden cells', () => {
    // Rings A-B x W-X and C-D x Y-Z, bridged by (B, Y): row B and column Y then hold three hidden cells each.
    const hidden = ['AW', 'AX', 'BW', 'BX', 'CY', 'CZ', 'DY', 'DZ', 'BY'].map(([r, c]) => ({ row: r!, col: c! }));
    const { lattice, status } = statusOf([row, col], hidden);
    expect(computableHiddenCells(lattice, status).map((cell) => coordinatesOf(lattice, cell))).toEqual([{ row: 'B', col: 'Y' }]);
    expect(fixedHiddenCells([row, col], viewOf([row, col], lattice, status))).toEqual([{ row: 'B', col: 'Y' }]);
  });

  it('finds nothing in a ring, and a lone hidden cell at once', () => {
    const ring = statusOf([row, col], ['AW', 'AX', 'BW', 'BX'].map(([r, c]) => ({ row: r!, col: c! })));
    expect(computableHiddenCells(ring.lattice, ring.status)).toEqual([]);
    const lone = statusOf([row, col], [{ row: 'C', col: 'Z' }]);
    expect(computableHiddenCells(lone.lattice, lone.status).map((cell) => coordinatesOf(lone.lattice, cell))).toEqual([{ row: 'C', col: 'Z' }]);
  });

  it('agrees with exact rational elimination on random patterns in 2 and 3 dimensions with hierarchies', () => {
    const random = seeded(42);
    const area = defineDimension('area', 'Area', {
      key: 'ALL',
      label: 'All',
      level: 'all',
      children: [
        { key: 'C1', label: 'C1', level: 'cluster', children: ['a', 'b'].map((key) => ({ key, label: key, level: 'leaf' })) },
        { key: 'C2', label: 'C2', level: 'cluster', children: ['c', 'd', 'e'].map((key) => ({ key, label: key, level: 'leaf' })) },
      ],
    });
    for (let trial = 0; trial < 40; trial++) {
      const dimensions = trial % 2 === 0 ? [area, col] : [area, col, sexDimension()];
      const lattice = buildLattice(dimensions);
      const status = new Uint8Array(lattice.total);
      const share = 0.15 + random() * 0.5;
      for (let cell = 0; cell < lattice.total; cell++) if (random() < share) status[cell] = SECONDARY;
      const engine = computableHiddenCells(lattice, status).map((cell) => keyOf(dimensions, coordinatesOf(lattice, cell)));
      const exact = fixedHiddenCells(dimensions, viewOf(dimensions, lattice, status)).map((at) => keyOf(dimensions, at));
      expect(engine.sort(), `trial ${trial}`).toEqual(exact.sort());
    }
  });

  it('is needed: the line rule alone leaves computable small counts that protectCube closes', () => {
    const random = seeded(7);
    const area = defineDimension('area', 'Area', {
      key: 'ALL',
      label: 'All',
      level: 'all',
      children: [
        { key: 'C1', label: 'C1', level: 'cluster', children: ['a', 'b', 'c'].map((key) => ({ key, label: key, level: 'leaf' })) },
        { key: 'C2', label: 'C2', level: 'cluster', children: ['d', 'e', 'f'].map((key) => ({ key, label: key, level: 'leaf' })) },
      ],
    });
    const dimensions = [area, col, sexDimension()];
    let lineRuleLeaks = 0;
    for (let trial = 0; trial < 30; trial++) {
      const lattice = buildLattice(dimensions);
      const leaves = new Map<number, number>();
      const facts: { at: Coordinates; count: number }[] = [];
      for (const a of area.leaves) {
        for (const c of col.leaves) {
          for (const s of ['F', 'M']) {
            const count = Math.floor(random() * random() * 12);
            facts.push({ at: { area: a, col: c, sex: s }, count });
            leaves.set(numberOf(lattice, [area.order.indexOf(a), col.order.indexOf(c), 1 + ['F', 'M'].indexOf(s)]), count);
          }
        }
      }
      const values = aggregate(lattice, leaves);
      const status = suppressPrimary(lattice, values, 5);
      suppressSecondary(lattice, values, status, 5);
      if (computableHiddenCells(lattice, status).some((cell) => status[cell] === PRIMARY)) lineRuleLeaks += 1;
      const cube = protectCube({ name: 'trial', dimensions }, facts);
      expect(fixedHiddenCells(dimensions, cube.publishedView()).filter((at) => cube.reasonAt(at) === 'PRIMARY')).toEqual([]);
    }
    expect(lineRuleLeaks).toBeGreaterThan(0);
  });
});
