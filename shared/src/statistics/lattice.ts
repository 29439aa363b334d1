import type { Dimension } from './dimensions.ts';

/**
 * The cells of a cube: combinations of one node per dimension, leaves and totals alike. A cell is named by its number
 * in mixed radix over the whole dimension product (number = sum of nodeIndex[d] * stride[d]), but only the cells of
 * the views are held, at indices 0..total-1 in ascending number: a cube of seven dimensions in three views of four
 * holds a twentieth of its product, and the leaves themselves only as the SQL rows that have facts. The suppression
 * works on held indices, which keep the numbers' order, so ties are broken as they were over the whole product.
 * A relation is one additive constraint an analyst can use: a cell with an inner node in dimension d equals the sum
 * of the cells with that node's children in d, all other coordinates equal. Internal to the engine (cube.ts) and its
 * audit (audit.ts).
 */
export interface LatticeDimension {
  readonly dimension: Dimension;
  /** Node index -> key, in the dimension's table order (a parent before its children). */
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** -1 for the root. */
  readonly parent: Int32Array;
  readonly children: readonly (readonly number[])[];
  readonly depth: Int32Array;
  readonly size: number;
  readonly stride: number;
}

export interface Lattice {
  readonly dims: readonly LatticeDimension[];
  /** How many cells are held: the cells of the views. */
  readonly total: number;
  /** Held index -> the cell's number in the dimension product, ascending. */
  readonly numbers: Float64Array;
  /** Cell number -> held index. */
  readonly heldAt: ReadonlyMap<number, number>;
  /**
   * The views (sub-cubes) that may be published, as bitmasks of dimensions. A cell belongs to a view when every
   * dimension outside the view is at its total; cells of no view are never published, take no part and are not held.
   */
  readonly views: readonly number[];
  /** Per held cell: the dimensions where it is not at the total, as a bitmask. */
  readonly detail: Int32Array;
}

/** Every held cell belongs to a view. */
export function inView(lattice: Lattice, cell: number): boolean {
  return cell >= 0 && cell < lattice.total;
}

/** Whether the relation (d, parent) lies within a view: only those are known to an analyst. */
export function relationInView(lattice: Lattice, d: number, parent: number): boolean {
  const detail = lattice.detail[parent]! | (1 << d);
  return lattice.views.some((view) => (detail & ~view) === 0);
}

/** Beyond this a cube is a design mistake (too many dimensions for one statistic), not a workload. */
export const MAX_CELLS = 3_000_000;

export function buildLattice(dimensions: readonly Dimension[], views?: readonly (readonly string[])[]): Lattice {
  if (dimensions.length > 30) throw new Error('a cube has at most 30 dimensions');
  const sizes = dimensions.map((d) => d.order.length);
  const product = sizes.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(product)) throw new Error(`a cube of ${dimensions.map((d) => d.name).join(' x ')} has too many cells to number`);
  let stride = product;
  const dims = dimensions.map((dimension, i) => {
    stride /= sizes[i]!;
    const keys = dimension.order;
    const indexOf = new Map(keys.map((key, index) => [key, index]));
    const parent = new Int32Array(keys.length);
    const depth = new Int32Array(keys.length);
    const children = keys.map((key) => dimension.nodes.get(key)!.children.map((c) => indexOf.get(c)!));
    keys.forEach((key, index) => {
      const p = dimension.nodes.get(key)!.parent;
      parent[index] = p === null ? -1 : indexOf.get(p)!;
      // Table order lists a parent before its children, so its depth is known.
      depth[index] = p === null ? 0 : depth[parent[index]!]! + 1;
    });
    return { dimension, keys, indexOf, parent, children, depth, size: keys.length, stride };
  });
  const names = dimensions.map((d) => d.name);
  const viewMasks = (views ?? [names]).map((view) => {
    if (view.length === 0) throw new Error('a view has at least one dimension');
    return view.reduce((mask, name) => {
      const d = names.indexOf(name);
      if (d < 0) throw new Error(`a view names the unknown dimension ${name}`);
      return mask | (1 << d);
    }, 0);
  });
  // A view's cells: every node of its dimensions, the root (node 0 in table order) of the others.
  const held = new Set<number>();
  for (const view of viewMasks) {
    const size = dims.reduce((n, dim, d) => ((view & (1 << d)) !== 0 ? n * dim.size : n), 1);
    if (held.size + size > MAX_CELLS) {
      throw new Error(`a cube of ${names.join(' x ')} has more than ${MAX_CELLS} cells in its views`);
    }
    let numbers = [0];
    dims.forEach((dim, d) => {
      if ((view & (1 << d)) === 0) return;
      const next: number[] = [];
      for (const number of numbers) for (let n = 0; n < dim.size; n++) next.push(number + n * dim.stride);
      numbers = next;
    });
    for (const number of numbers) held.add(number);
  }
  const numbers = Float64Array.from(held).sort();
  const heldAt = new Map<number, number>();
  const detail = new Int32Array(numbers.length);
  numbers.forEach((number, cell) => {
    heldAt.set(number, cell);
    dims.forEach((dim, d) => {
      if (Math.floor(number / dim.stride) % dim.size !== 0) detail[cell] = detail[cell]! | (1 << d);
    });
  });
  return { dims, total: numbers.length, numbers, heldAt, views: viewMasks, detail };
}

/** The node in dimension d of the cell with this number (held or not, e.g. a leaf). */
export function nodeOfNumber(lattice: Lattice, number: number, d: number): number {
  const dim = lattice.dims[d]!;
  return Math.floor(number / dim.stride) % dim.size;
}

/** The node in dimension d of a held cell. */
export function nodeOf(lattice: Lattice, cell: number, d: number): number {
  return nodeOfNumber(lattice, lattice.numbers[cell]!, d);
}

/** The number of the cell with these nodes, held or not. */
export function numberOf(lattice: Lattice, nodes: readonly number[]): number {
  return nodes.reduce((number, node, d) => number + node * lattice.dims[d]!.stride, 0);
}

/** The held cell with these nodes, -1 when no view holds it. */
export function cellOf(lattice: Lattice, nodes: readonly number[]): number {
  return lattice.heldAt.get(numberOf(lattice, nodes)) ?? -1;
}

export function coordinatesOf(lattice: Lattice, cell: number): Record<string, string> {
  return Object.fromEntries(lattice.dims.map((dim, d) => [dim.dimension.name, dim.keys[nodeOf(lattice, cell, d)]!]));
}

/** The held cell with node `node` instead of the current one in dimension d (a parent of a held cell is held). */
function withNode(lattice: Lattice, cell: number, d: number, node: number): number {
  const dim = lattice.dims[d]!;
  const number = lattice.numbers[cell]!;
  return lattice.heldAt.get(number + (node - nodeOfNumber(lattice, number, d)) * dim.stride) ?? -1;
}

/**
 * The count of every held cell from the leaf counts (cell number -> facts; leaves without facts left out). Each view
 * is counted on its own, in a dense array of its own cells only: the leaves are projected onto the view's
 * dimensions, and its totals filled one dimension after the other (after dimension j, every cell whose later
 * coordinates are leaves is right). A cell of several views has the same count in each.
 */
export function aggregate(lattice: Lattice, leaves: ReadonlyMap<number, number>): Float64Array {
  const values = new Float64Array(lattice.total);
  for (const view of lattice.views) {
    const dims = lattice.dims.map((dim, d) => ({ dim, d })).filter(({ d }) => (view & (1 << d)) !== 0);
    const strides = new Array<number>(dims.length);
    let size = 1;
    for (let j = dims.length - 1; j >= 0; j--) {
      strides[j] = size;
      size *= dims[j]!.dim.size;
    }
    const local = new Float64Array(size);
    for (const [leaf, count] of leaves) {
      let at = 0;
      dims.forEach(({ d }, j) => (at += nodeOfNumber(lattice, leaf, d) * strides[j]!));
      local[at] = local[at]! + count;
    }
    dims.forEach(({ dim }, j) => {
      const stride = strides[j]!;
      // Reversed table order visits children before their parent.
      for (let n = dim.size - 1; n >= 0; n--) {
        const kids = dim.children[n]!;
        if (kids.length === 0) continue;
        for (let outer = 0; outer < size; outer += stride * dim.size) {
          for (let base = outer; base < outer + stride; base++) {
            let sum = 0;
            for (const c of kids) sum += local[base + c * stride]!;
            local[base + n * stride] = sum;
          }
        }
      }
    });
    for (let at = 0; at < size; at++) {
      let number = 0;
      dims.forEach(({ dim }, j) => (number += (Math.floor(at / strides[j]!) % dim.size) * dim.stride));
      values[lattice.heldAt.get(number)!] = local[at]!;
    }
  }
  return values;
}

export const SHOWN = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

/**
 * Primary suppression: a count from 1 to threshold - 1, and a 0 that breaks down such a count (a cell directly under
 * a primary cell in any dimension), because showing where a few children are not tells where they are. Cells are
 * visited coarsest first, so a zero under a zero under a small count is caught too.
 */
export function suppressPrimary(lattice: Lattice, values: Float64Array, threshold: number): Uint8Array {
  const status = new Uint8Array(lattice.total);
  const depthOfCell = new Int32Array(lattice.total);
  let maxDepth = 0;
  for (let cell = 0; cell < lattice.total; cell++) {
    let depth = 0;
    lattice.dims.forEach((dim, d) => (depth += dim.depth[nodeOf(lattice, cell, d)]!));
    depthOfCell[cell] = depth;
    maxDepth = Math.max(maxDepth, depth);
  }
  const byDepth: number[][] = Array.from({ length: maxDepth + 1 }, () => []);
  depthOfCell.forEach((depth, cell) => byDepth[depth]!.push(cell));
  for (const cells of byDepth) {
    for (const cell of cells) {
      const v = values[cell]!;
      if (v > 0 && v < threshold) {
        status[cell] = PRIMARY;
      } else if (v === 0) {
        for (let d = 0; d < lattice.dims.length; d++) {
          const dim = lattice.dims[d]!;
          const p = dim.parent[nodeOf(lattice, cell, d)]!;
          if (p < 0) continue;
          const parentCell = withNode(lattice, cell, d, p);
          if (relationInView(lattice, d, parentCell) && status[parentCell] === PRIMARY) {
            status[cell] = PRIMARY;
            break;
          }
        }
      }
    }
  }
  return status;
}

/** A relation as (dimension, parent cell), numbered d * total + parent. */
export function relationsOfCell(lattice: Lattice, cell: number, push: (relation: number) => void): void {
  lattice.dims.forEach((dim, d) => {
    const n = nodeOf(lattice, cell, d);
    if (dim.children[n]!.length > 0 && relationInView(lattice, d, cell)) push(d * lattice.total + cell);
    const p = dim.parent[n]!;
    if (p < 0) return;
    const parent = withNode(lattice, cell, d, p);
    if (relationInView(lattice, d, parent)) push(d * lattice.total + parent);
  });
}

/** The members of a relation: its parent cell and the children cells (a relation in a view holds them all). */
export function relationMembers(lattice: Lattice, relation: number): { parent: number; children: number[] } {
  const d = Math.floor(relation / lattice.total);
  const parent = relation % lattice.total;
  const n = nodeOf(lattice, parent, d);
  return { parent, children: lattice.dims[d]!.children[n]!.map((c) => withNode(lattice, parent, d, c)) };
}

/** Among shown cells, the cheapest to hide: the smallest nonzero count, then the lowest cell number (deterministic). */
function cheapestShown(cells: readonly number[], values: Float64Array, status: Uint8Array): number | undefined {
  let best: number | undefined;
  for (const cell of cells) {
    if (status[cell] !== SHOWN) continue;
    if (best === undefined) {
      best = cell;
      continue;
    }
    const v = values[cell]!;
    const b = values[best]!;
    const better = v !== 0 && (b === 0 || v < b || (v === b && cell < best));
    const tie = v === 0 && b === 0 && cell < best;
    if (better || tie) best = cell;
  }
  return best;
}

/**
 * Secondary (complementary) suppression to a fixed point, over every relation of the cube:
 * - a relation with a hidden member has at least two hidden members (else the hidden one is the total minus the
 *   others, or the total is the sum of its parts);
 * - when its total is shown (and not 0), the hidden parts add up to at least the threshold, so that "these hidden
 *   cells hold 3 children together" cannot be read off either (with zeros shown, two hidden 1s under a total would
 *   otherwise both be known to be 1).
 * Only parts are added, never the total, and the cheapest first; each hidden cell puts its relations back on the
 * work list, so the loop ends when no relation needs more (it only ever hides more, so it ends).
 * Returns the newly hidden cells.
 */
export function suppressSecondary(
  lattice: Lattice,
  values: Float64Array,
  status: Uint8Array,
  threshold: number,
  seeds?: readonly number[],
): number[] {
  const k = lattice.dims.length;
  const queued = new Uint8Array(lattice.total * k);
  const queue: number[] = [];
  const push = (relation: number) => {
    if (queued[relation]) return;
    queued[relation] = 1;
    queue.push(relation);
  };
  const hidden: number[] = [];
  const hide = (cell: number) => {
    status[cell] = SECONDARY;
    hidden.push(cell);
    relationsOfCell(lattice, cell, push);
  };
  if (seeds) {
    for (const cell of seeds) relationsOfCell(lattice, cell, push);
  } else {
    for (let cell = 0; cell < lattice.total; cell++) if (status[cell] === PRIMARY) relationsOfCell(lattice, cell, push);
  }
  for (let head = 0; head < queue.length; head++) {
    const relation = queue[head]!;
    queued[relation] = 0;
    const { parent, children } = relationMembers(lattice, relation);
    if (children.length === 1) {
      // A total of one part equals it: both shown or both hidden.
      const child = children[0]!;
      if (status[parent] !== SHOWN && status[child] === SHOWN) hide(child);
      else if (status[parent] === SHOWN && status[child] !== SHOWN) hide(parent);
      continue;
    }
    let hiddenParts = 0;
    let hiddenSum = 0;
    for (const c of children) {
      if (status[c] !== SHOWN) {
        hiddenParts += 1;
        hiddenSum += values[c]!;
      }
    }
    if (status[parent] === SHOWN) {
      if (values[parent] === 0 || hiddenParts === 0) continue;
      while (hiddenParts < 2 || hiddenSum < threshold) {
        const next = cheapestShown(children, values, status);
        if (next === undefined) break;
        hide(next);
        hiddenParts += 1;
        hiddenSum += values[next]!;
      }
    } else if (hiddenParts === 0) {
      const next = cheapestShown(children, values, status);
      if (next !== undefined) hide(next);
    }
  }
  return hidden;
}
