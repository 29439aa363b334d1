import { allRelations, nodeOf, relationMembers, SHOWN, type Lattice } from './lattice.ts';

/**
 * Which hidden cells an analyst could still compute exactly from everything a cube shows, using every additive
 * relation of the cube (each total is the sum of its parts, in every dimension and at every level of a hierarchy).
 *
 * The hidden cells are the unknowns; each relation with a hidden member is one linear equation in them. A hidden
 * cell is computable exactly when it is fixed by those equations, i.e. when every solution of the homogeneous system
 * has 0 there. One random solution of the homogeneous system (free unknowns random, the others solved by
 * back-substitution) is non-zero at every unknown that is not fixed, except with probability 1/p; two independent
 * trials over two primes near 2^26 (so products stay exact in doubles) make a wrong "not computable" answer need
 * both primes to divide the same minor of a 0/±1 matrix and two unlucky draws.
 *
 * This is the check the line rule of suppressSecondary cannot give on its own: every relation may have two hidden
 * members while a hidden cell is still fixed by a chain of relations (e.g. a cell bridging two separate rings of
 * hidden cells). It uses linear equations only: that counts are never negative is not used, which is why the
 * engine also keeps the hidden parts of a shown total at or above the threshold.
 */
export function computableHiddenCells(lattice: Lattice, status: Uint8Array, seed = 1): number[] {
  const hidden: number[] = [];
  for (let cell = 0; cell < lattice.total; cell++) if (status[cell] !== SHOWN) hidden.push(cell);
  if (hidden.length === 0) return [];
  // Finest cells first: their relations are eliminated before the totals', which keeps the rows short.
  const depth = (cell: number) => lattice.dims.reduce((sum, dim, d) => sum + dim.depth[nodeOf(lattice, cell, d)]!, 0);
  const depths = new Map(hidden.map((cell) => [cell, depth(cell)]));
  hidden.sort((a, b) => depths.get(b)! - depths.get(a)! || a - b);
  const unknown = new Map(hidden.map((cell, u) => [cell, u]));
  const equations: Equation[] = [];
  for (const relation of allRelations(lattice)) {
    const { parent, children } = relationMembers(lattice, relation);
    const terms: [number, number][] = [];
    for (const c of children) {
      const u = unknown.get(c);
      if (u !== undefined) terms.push([u, 1]);
    }
    const pu = unknown.get(parent);
    if (pu !== undefined) terms.push([pu, -1]);
    if (terms.length === 0) continue;
    terms.sort((a, b) => a[0] - b[0]);
    equations.push({ columns: Int32Array.from(terms, (t) => t[0]), coefficients: Float64Array.from(terms, (t) => t[1]) });
  }
  const fixed = PRIMES.map((prime, trial) => fixedUnknowns(equations, hidden.length, prime, seed + trial));
  return hidden.filter((_, u) => fixed.every((set) => set.has(u))).sort((a, b) => a - b);
}

interface Equation {
  /** Ascending unknown numbers. */
  readonly columns: Int32Array;
  readonly coefficients: Float64Array;
}

const PRIMES = [67_108_859, 67_108_837] as const;

function inverse(a: number, p: number): number {
  // Fermat: a^(p-2) mod p, by squaring; products of two residues below 2^26 stay below 2^53.
  let result = 1;
  let base = ((a % p) + p) % p;
  for (let e = p - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * base) % p;
    base = (base * base) % p;
  }
  return result;
}

/** A deterministic pseudo-random sequence (mulberry32), so the audit gives the same answer every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The unknowns that are 0 in one random solution of the homogeneous system over GF(p). Row echelon form with rows as
 * sorted (column, coefficient) arrays: the pivot row of column c starts at c with coefficient 1, and reducing a row
 * by it is one merge of two sorted arrays.
 */
function fixedUnknowns(equations: readonly Equation[], unknowns: number, p: number, seed: number): Set<number> {
  const pivotColumns: (Int32Array | undefined)[] = new Array(unknowns);
  const pivotCoefficients: (Float64Array | undefined)[] = new Array(unknowns);
  let bufferColumns = new Int32Array(256);
  let bufferCoefficients = new Float64Array(256);
  for (const equation of equations) {
    let columns = equation.columns;
    let coefficients = Float64Array.from(equation.coefficients, (v) => ((v % p) + p) % p);
    while (columns.length > 0) {
      const c = columns[0]!;
      const pivot = pivotColumns[c];
      if (!pivot) {
        const scale = inverse(coefficients[0]!, p);
        pivotColumns[c] = columns.slice();
        pivotCoefficients[c] = coefficients.map((v) => (v * scale) % p);
        break;
      }
      const pivotValues = pivotCoefficients[c]!;
      const factor = coefficients[0]!;
      const needed = columns.length + pivot.length;
      if (bufferColumns.length < needed) {
        bufferColumns = new Int32Array(needed * 2);
        bufferCoefficients = new Float64Array(needed * 2);
      }
      let i = 1;
      let j = 1;
      let n = 0;
      while (i < columns.length || j < pivot.length) {
        const a = i < columns.length ? columns[i]! : Infinity;
        const b = j < pivot.length ? pivot[j]! : Infinity;
        let value: number;
        let column: number;
        if (a < b) {
          column = a;
          value = coefficients[i++]!;
        } else if (b < a) {
          column = b;
          value = (p - ((factor * pivotValues[j++]!) % p)) % p;
        } else {
          column = a;
          value = (((coefficients[i++]! - ((factor * pivotValues[j++]!) % p)) % p) + p) % p;
        }
        if (value !== 0) {
          bufferColumns[n] = column;
          bufferCoefficients[n++] = value;
        }
      }
      columns = bufferColumns.slice(0, n);
      coefficients = bufferCoefficients.slice(0, n);
    }
  }
  const next = random(seed);
  const x = new Float64Array(unknowns);
  for (let u = 0; u < unknowns; u++) if (!pivotColumns[u]) x[u] = 1 + Math.floor(next() * (p - 1));
  const fixed = new Set<number>();
  // Back-substitution from the last pivot: a pivot row only refers to later columns, already known.
  for (let c = unknowns - 1; c >= 0; c--) {
    const columns = pivotColumns[c];
    if (!columns) continue;
    const coefficients = pivotCoefficients[c]!;
    let sum = 0;
    for (let k = 1; k < columns.length; k++) sum = (sum + ((coefficients[k]! * x[columns[k]!]!) % p)) % p;
    x[c] = (p - sum) % p;
    if (x[c] === 0) fixed.add(c);
  }
  return fixed;
}
