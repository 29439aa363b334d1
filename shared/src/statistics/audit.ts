import { inView, nodeOf, SHOWN, type Lattice } from './lattice.ts';

/**
 * Which hidden cells an analyst could compute exactly from everything a cube shows.
 *
 * Every cell is the sum of the leaf counts below it, so what an analyst knows is the value of those sums for the
 * shown cells, and a hidden cell is computable exactly when its sum is a linear combination of shown sums (every
 * additive relation of the cube, in every dimension and at every level of a hierarchy, is such a combination, and
 * those relations generate all others). This is the check the line rule of suppressSecondary cannot give on its own:
 * every relation may have two hidden members while a chain of relations still fixes a hidden cell.
 *
 * The sums are written in a basis where they are short. In one dimension the leaves of a node are a run in table
 * order, so a node's sum is a difference of two prefix sums, P(end) - P(start), with P(0) = 0; a cell of k
 * dimensions is the product of its nodes' differences, at most 2^k signed prefix products. The shown cells' vectors
 * are brought to row echelon form and each hidden cell's vector is reduced by them: it is computable exactly when
 * nothing is left.
 *
 * The arithmetic is modulo a prime near 2^26, so that products stay exact in doubles. A computable cell could look
 * uncomputable modulo p only if p divided a denominator of the combination; the check is run modulo two primes and
 * a cell counts as computable if either finds it so. That counts are never negative is not used, which is why the
 * engine also keeps the hidden parts of a shown total at or above the threshold.
 */
export function computableHiddenCells(lattice: Lattice, status: Uint8Array, candidates?: readonly number[]): number[] {
  const targets = candidates ?? allHidden(lattice, status);
  if (targets.length === 0) return [];
  const vector = vectorsOf(lattice);
  const shown: SparseRow[] = [];
  for (let cell = 0; cell < lattice.total; cell++) if (status[cell] === SHOWN && inView(lattice, cell)) shown.push(vector(cell));
  const hidden = targets.map((cell) => vector(cell));
  const found = new Set<number>();
  for (const p of PRIMES) {
    const echelon = new Echelon(p);
    for (const row of shown) echelon.add(row);
    targets.forEach((cell, i) => {
      if (!found.has(cell) && echelon.spans(hidden[i]!)) found.add(cell);
    });
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * A cell's vector does not change as cells are hidden, and protectCube audits the same cube round after round:
 * each vector is built once per lattice.
 */
const vectorCache = new WeakMap<Lattice, (cell: number) => SparseRow>();

function vectorsOf(lattice: Lattice): (cell: number) => SparseRow {
  let vector = vectorCache.get(lattice);
  if (!vector) {
    const basis = prefixBasis(lattice);
    const rows = new Array<SparseRow | undefined>(lattice.total);
    vector = (cell) => (rows[cell] ??= basis.vector(cell));
    vectorCache.set(lattice, vector);
  }
  return vector;
}

function allHidden(lattice: Lattice, status: Uint8Array): number[] {
  const hidden: number[] = [];
  for (let cell = 0; cell < lattice.total; cell++) if (status[cell] !== SHOWN && inView(lattice, cell)) hidden.push(cell);
  return hidden;
}

const PRIMES = [67_108_859, 67_108_837] as const;

interface SparseRow {
  /** Ascending columns. */
  readonly columns: Int32Array;
  /** Integer coefficients (a cell's vector has +1 and -1; rows in the echelon are reduced modulo p). */
  readonly values: Float64Array;
}

function prefixBasis(lattice: Lattice) {
  const k = lattice.dims.length;
  // Per dimension and node: the run [start, end) of its leaves in table order.
  const runs = lattice.dims.map((dim) => {
    const position = new Map(dim.dimension.leaves.map((key, i) => [key, i]));
    const start = new Int32Array(dim.size);
    const end = new Int32Array(dim.size);
    for (let n = dim.size - 1; n >= 0; n--) {
      const kids = dim.children[n]!;
      if (kids.length === 0) {
        start[n] = position.get(dim.keys[n]!)!;
        end[n] = start[n]! + 1;
      } else {
        start[n] = Math.min(...kids.map((c) => start[c]!));
        end[n] = Math.max(...kids.map((c) => end[c]!));
      }
    }
    return { start, end, leaves: dim.dimension.leaves.length };
  });
  const strides = new Array<number>(k);
  for (let d = k - 1, stride = 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= runs[d]!.leaves;
  }
  return {
    vector(cell: number): SparseRow {
      // Start from the one corner at the ends; each dimension whose run does not start at the first leaf doubles
      // the corners (P(0) is the empty sum, so a run from the start adds none). Different corners are different
      // columns, as every run is non-empty.
      let columns = [0];
      let signs = [1];
      for (let d = 0; d < k; d++) {
        const node = nodeOf(lattice, cell, d);
        const { start, end } = runs[d]!;
        const atEnd = (end[node]! - 1) * strides[d]!;
        const atStart = start[node]! > 0 ? (start[node]! - 1) * strides[d]! : -1;
        const nextColumns: number[] = [];
        const nextSigns: number[] = [];
        for (let i = 0; i < columns.length; i++) {
          nextColumns.push(columns[i]! + atEnd);
          nextSigns.push(signs[i]!);
          if (atStart >= 0) {
            nextColumns.push(columns[i]! + atStart);
            nextSigns.push(-signs[i]!);
          }
        }
        columns = nextColumns;
        signs = nextSigns;
      }
      const order = columns.map((_, i) => i).sort((a, b) => columns[a]! - columns[b]!);
      return { columns: Int32Array.from(order, (i) => columns[i]!), values: Float64Array.from(order, (i) => signs[i]!) };
    },
  };
}

function inverse(a: number, p: number): number {
  // Fermat: a^(p-2) mod p by squaring; products of two residues below 2^26 stay below 2^53.
  let result = 1;
  let base = ((a % p) + p) % p;
  for (let e = p - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * base) % p;
    base = (base * base) % p;
  }
  return result;
}

/** Rows in echelon form modulo p: the pivot row of column c starts at c with coefficient 1. */
class Echelon {
  readonly #p: number;
  readonly #pivots = new Map<number, SparseRow>();
  #columns = new Int32Array(256);
  #values = new Float64Array(256);
  #spareColumns = new Int32Array(256);
  #spareValues = new Float64Array(256);

  constructor(p: number) {
    this.#p = p;
  }

  add(row: SparseRow): void {
    const rest = this.#reduce(row);
    if (rest.columns.length === 0) return;
    const scale = inverse(rest.values[0]!, this.#p);
    this.#pivots.set(rest.columns[0]!, { columns: rest.columns, values: rest.values.map((v) => (v * scale) % this.#p) });
  }

  /** Whether the row is a combination of the rows added. */
  spans(row: SparseRow): boolean {
    return this.#reduce(row).columns.length === 0;
  }

  /**
   * Subtracts pivot rows while the leading column has one. A leading column without a pivot cannot be cancelled
   * (every other row's leading column differs), so what is left is zero exactly when the row is spanned.
   */
  #reduce(input: SparseRow): SparseRow {
    const p = this.#p;
    // Two scratch rows, swapped at each subtraction; only what is left is copied out.
    let columns = this.#columns.length >= input.columns.length ? this.#columns : new Int32Array(input.columns.length * 2);
    let values = this.#values.length >= input.columns.length ? this.#values : new Float64Array(input.columns.length * 2);
    let spareColumns = this.#spareColumns;
    let spareValues = this.#spareValues;
    let length = input.columns.length;
    columns.set(input.columns);
    for (let i = 0; i < length; i++) values[i] = ((input.values[i]! % p) + p) % p;
    while (length > 0) {
      const pivot = this.#pivots.get(columns[0]!);
      if (!pivot) break;
      const factor = values[0]!;
      const needed = length + pivot.columns.length;
      if (spareColumns.length < needed) {
        spareColumns = new Int32Array(needed * 2);
        spareValues = new Float64Array(needed * 2);
      }
      let i = 1;
      let j = 1;
      let n = 0;
      while (i < length || j < pivot.columns.length) {
        const a = i < length ? columns[i]! : Infinity;
        const b = j < pivot.columns.length ? pivot.columns[j]! : Infinity;
        let column: number;
        let value: number;
        if (a < b) {
          column = a;
          value = values[i++]!;
        } else if (b < a) {
          column = b;
          value = (p - ((factor * pivot.values[j++]!) % p)) % p;
        } else {
          column = a;
          value = (((values[i++]! - ((factor * pivot.values[j++]!) % p)) % p) + p) % p;
        }
        if (value !== 0) {
          spareColumns[n] = column;
          spareValues[n++] = value;
        }
      }
      [columns, spareColumns] = [spareColumns, columns];
      [values, spareValues] = [spareValues, values];
      length = n;
    }
    const rest = { columns: columns.slice(0, length), values: values.slice(0, length) };
    this.#columns = columns;
    this.#values = values;
    this.#spareColumns = spareColumns;
    this.#spareValues = spareValues;
    return rest;
  }
}
