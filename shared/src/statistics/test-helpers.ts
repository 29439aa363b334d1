/**
 * Helpers for the statistics tests: an independent description of a cube's cells and relations (from the dimension
 * trees, not the engine's lattice), exact rational linear algebra to check the engine's audit, and a seeded random
 * source. Used by tests only.
 */
import type { Dimension } from './dimensions.ts';
import { isShown, type PublishedValue } from './published.ts';

export type Coordinates = Record<string, string>;

export function keyOf(dimensions: readonly Dimension[], at: Readonly<Coordinates>): string {
  return dimensions.map((d) => at[d.name] ?? d.root).join('|');
}

/** Every cell of the views: one node per dimension, the dimensions outside a view at their total. */
export function viewCells(dimensions: readonly Dimension[], views: readonly (readonly string[])[] = [dimensions.map((d) => d.name)]): Coordinates[] {
  const seen = new Set<string>();
  const cells: Coordinates[] = [];
  for (const view of views) {
    let partial: Coordinates[] = [{}];
    for (const d of dimensions) {
      const nodes = view.includes(d.name) ? d.order : [d.root];
      partial = partial.flatMap((cell) => nodes.map((node) => ({ ...cell, [d.name]: node })));
    }
    for (const cell of partial) {
      const key = keyOf(dimensions, cell);
      if (!seen.has(key)) {
        seen.add(key);
        cells.push(cell);
      }
    }
  }
  return cells;
}

/** Every additive relation of the views: a total and its parts along one dimension. */
export function viewRelations(
  dimensions: readonly Dimension[],
  views: readonly (readonly string[])[] = [dimensions.map((d) => d.name)],
): { parent: Coordinates; children: Coordinates[] }[] {
  const relations: { parent: Coordinates; children: Coordinates[] }[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    for (const cell of viewCells(dimensions, [view])) {
      for (const d of dimensions) {
        if (!view.includes(d.name)) continue;
        const children = d.nodes.get(cell[d.name]!)!.children;
        if (children.length === 0) continue;
        const id = `${d.name}:${keyOf(dimensions, cell)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        relations.push({ parent: cell, children: children.map((c) => ({ ...cell, [d.name]: c })) });
      }
    }
  }
  return relations;
}

/** The true count of a cell from leaf facts: the facts whose leaf lies under each of the cell's nodes. */
export function trueCount(dimensions: readonly Dimension[], facts: readonly { at: Coordinates; count: number }[], cell: Coordinates): number {
  let sum = 0;
  for (const fact of facts) {
    if (dimensions.every((d) => isUnder(d, fact.at[d.name]!, cell[d.name] ?? d.root))) sum += fact.count;
  }
  return sum;
}

export function isUnder(dimension: Dimension, node: string, ancestor: string): boolean {
  for (let n: string | null = node; n !== null; n = dimension.nodes.get(n)!.parent) if (n === ancestor) return true;
  return false;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The unknowns fixed by the equations (sparse rows: unknown -> integer coefficient), by exact reduced row echelon
 * form over the rationals (BigInt rows kept primitive): an unknown is fixed when it is a pivot whose row has no
 * free unknown.
 */
export function exactlyFixed(rows: readonly ReadonlyMap<number, number>[], unknowns: number): Set<number> {
  const matrix = rows.map((row) => {
    const dense = new Array<bigint>(unknowns).fill(0n);
    for (const [u, v] of row) dense[u] = BigInt(v);
    return dense;
  });
  const pivotOfRow: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns && r < matrix.length; c++) {
    const p = matrix.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [matrix[r], matrix[p]] = [matrix[p]!, matrix[r]!];
    const pivotRow = matrix[r]!;
    for (let i = 0; i < matrix.length; i++) {
      if (i === r || matrix[i]![c] === 0n) continue;
      const row = matrix[i]!;
      const a = pivotRow[c]!;
      const b = row[c]!;
      let g = 0n;
      for (let j = 0; j < unknowns; j++) {
        row[j] = row[j]! * a - pivotRow[j]! * b;
        g = gcd(g, row[j]!);
      }
      if (g > 1n) for (let j = 0; j < unknowns; j++) row[j] = row[j]! / g;
    }
    pivotOfRow[r] = c;
    r += 1;
  }
  const pivots = new Set(pivotOfRow);
  const fixed = new Set<number>();
  pivotOfRow.forEach((c, i) => {
    const row = matrix[i]!;
    if (row.every((v, j) => j === c || v === 0n || pivots.has(j))) fixed.add(c);
  });
  return fixed;
}

/**
 * Which hidden cells of a published view are fixed by the shown cells and the relations: the attacker's algebra,
 * computed independently of the engine.
 */
export function fixedHiddenCells(
  dimensions: readonly Dimension[],
  view: readonly { at: Coordinates; count: PublishedValue }[],
  views?: readonly (readonly string[])[],
): Coordinates[] {
  const hidden = new Map<string, number>();
  const cells: Coordinates[] = [];
  for (const cell of view) {
    if (isShown(cell.count)) continue;
    hidden.set(keyOf(dimensions, cell.at), cells.length);
    cells.push(cell.at);
  }
  const rows: Map<number, number>[] = [];
  for (const { parent, children } of viewRelations(dimensions, views)) {
    const row = new Map<number, number>();
    for (const child of children) {
      const u = hidden.get(keyOf(dimensions, child));
      if (u !== undefined) row.set(u, 1);
    }
    const pu = hidden.get(keyOf(dimensions, parent));
    if (pu !== undefined) row.set(pu, -1);
    if (row.size > 0) rows.push(row);
  }
  return [...exactlyFixed(rows, cells.length)].sort((a, b) => a - b).map((u) => cells[u]!);
}

/** mulberry32: a small seeded generator, so random tests are the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
