import { SMALL_COUNT_THRESHOLD } from '../access/suppression.ts';
import { badUserInput } from '../errors.ts';
import { computableHiddenCells } from './audit.ts';
import { nodesAtLevel, type Dimension } from './dimensions.ts';
import {
  aggregate,
  buildLattice,
  cellOf,
  coordinatesOf,
  inView,
  nodeOfNumber,
  numberOf,
  PRIMARY,
  relationMembers,
  relationsOfCell,
  SECONDARY,
  SHOWN,
  suppressPrimary,
  suppressSecondary,
  type Lattice,
} from './lattice.ts';
import { mayPublishPercentile, percentileFromHistogram } from './percentile.ts';
import type { PublishedRow, PublishedTable, PublishedValue } from './published.ts';

/**
 * The disclosure-control engine. A sector subgraph counts its facts in SQL at the finest level of a cube's
 * dimensions (one GROUP BY, whatever the number of facts) and hands the counts to `protectCube`; the engine builds
 * every total of every combination of dimensions and hierarchy levels, hides small counts and the cells that would
 * give them away, and answers analysts' queries from that one protected cube. The rules are in README.md.
 *
 * Because every answer is a slice of the same protected cube, whatever dimensions, levels and filters an analyst
 * combines, and however many queries they send, they only ever see cells of one consistently protected table: a
 * narrower query cannot reveal what a wider one hid, and two queries cannot be subtracted to expose a hidden cell.
 */
export interface CubeSpec {
  readonly name: string;
  readonly dimensions: readonly Dimension[];
  /** Values carried by each fact (e.g. working days to the reply) whose percentiles queries may ask for. */
  readonly measures?: readonly MeasureSpec[];
  /** Counts from 1 to threshold - 1 are hidden; never below SMALL_COUNT_THRESHOLD (5). */
  readonly threshold?: number;
  /**
   * The combinations of dimensions a query may use together (default: all of them together). Views share their
   * common margins and are protected jointly, as linked tables; cells of no view are never published. A statistic
   * with many dimensions is cheaper to protect, and loses fewer cells, as a few views than as one full cube.
   */
  readonly views?: readonly (readonly string[])[];
}

export interface MeasureSpec {
  readonly name: string;
  /**
   * The facts that carry the measure, as one node per dimension (e.g. `{ reply: 'ANSWERED' }`): exactly the facts
   * under these nodes have a value. Percentiles are given for cells inside these nodes only.
   */
  readonly recordedFor?: Readonly<Record<string, string>>;
}

/** One row of the SQL GROUP BY at the leaves: a leaf node per dimension and how many facts. */
export interface LeafCount {
  readonly at: Readonly<Record<string, string>>;
  readonly count: number;
}

/** One row of the SQL GROUP BY of a measure: leaves, the measure's value and how many facts had it. */
export interface LeafMeasureCount {
  readonly at: Readonly<Record<string, string>>;
  readonly measure: string;
  readonly value: number;
  readonly count: number;
}

export type SuppressionReason = 'PRIMARY' | 'SECONDARY';

/** Per dimension: one node (a filter, or the dimension's total when left out), several nodes, or a whole level. */
export type NodeSelection = string | readonly string[] | { readonly level: string };
export type CubeQuery = Readonly<Record<string, NodeSelection>>;

export interface PercentileRequest {
  readonly measure: string;
  /** e.g. [0.5, 0.9] for the median and the 90th percentile. */
  readonly percentiles: readonly number[];
}

/** Only this module can make a SuppressedTable or a ProtectedCube. */
const ENGINE: unique symbol = Symbol('statistics engine');

/**
 * A table an analyst may see. It can only be made by a ProtectedCube's `select`, so a resolver that returns this
 * type cannot return unprotected counts.
 */
export class SuppressedTable implements PublishedTable {
  readonly #madeByEngine = true;
  readonly cube: string;
  readonly dimensions: readonly string[];
  readonly fixed: Readonly<Record<string, string>>;
  readonly rows: readonly PublishedRow[];
  readonly threshold: number;

  constructor(token: typeof ENGINE, table: PublishedTable) {
    if (token !== ENGINE) throw new Error('only the statistics engine makes suppressed tables');
    this.cube = table.cube;
    this.dimensions = table.dimensions;
    this.fixed = table.fixed;
    this.rows = table.rows;
    this.threshold = table.threshold;
  }

  /** True for every instance (the private field makes the class nominal: a look-alike object is not one). */
  static isSuppressedTable(value: unknown): value is SuppressedTable {
    return typeof value === 'object' && value !== null && #madeByEngine in value;
  }

  toJSON(): PublishedTable {
    return { cube: this.cube, dimensions: this.dimensions, fixed: this.fixed, rows: this.rows, threshold: this.threshold };
  }
}

interface Measure {
  readonly spec: MeasureSpec;
  /** Leaf cell number -> value -> facts. */
  readonly byLeaf: Map<number, Map<number, number>>;
  /** Per dimension: the node facts with the measure lie under (root when not restricted). */
  readonly domain: readonly number[];
}

export class ProtectedCube {
  readonly name: string;
  readonly threshold: number;
  readonly dimensions: readonly Dimension[];
  readonly #lattice: Lattice;
  readonly #values: Float64Array;
  readonly #status: Uint8Array;
  readonly #measures: ReadonlyMap<string, Measure>;

  constructor(
    token: typeof ENGINE,
    spec: CubeSpec,
    lattice: Lattice,
    values: Float64Array,
    status: Uint8Array,
    measures: ReadonlyMap<string, Measure>,
  ) {
    if (token !== ENGINE) throw new Error('use protectCube to make a protected cube');
    this.name = spec.name;
    this.threshold = spec.threshold ?? SMALL_COUNT_THRESHOLD;
    this.dimensions = spec.dimensions;
    this.#lattice = lattice;
    this.#values = values;
    this.#status = status;
    this.#measures = measures;
  }

  /**
   * The cells of the query: the product of the selected nodes of every dimension that has several, in the cube's
   * dimension order; dimensions left out are at their total. Unknown dimensions or nodes are bad input.
   */
  select(query: CubeQuery, options: { percentiles?: readonly PercentileRequest[] } = {}): SuppressedTable {
    const lattice = this.#lattice;
    const known = new Set(this.dimensions.map((d) => d.name));
    for (const name of Object.keys(query)) {
      if (!known.has(name)) {
        throw badUserInput(`The statistic ${this.name} has no dimension "${name}"; it has ${[...known].join(', ')}`, {
          field: name,
        });
      }
    }
    const grouped: string[] = [];
    const fixed: Record<string, string> = {};
    const selections = lattice.dims.map((dim) => {
      const name = dim.dimension.name;
      const selection = query[name];
      const keys = selectionKeys(dim.dimension, selection);
      if (typeof selection === 'string' || selection === undefined) fixed[name] = keys[0]!;
      else grouped.push(name);
      return keys.map((key) => dim.indexOf.get(key)!);
    });
    // Node 0 is a dimension's total; a query may only go below the totals of dimensions one view has together.
    const detailMask = selections.reduce((mask, nodes, d) => (nodes.some((node) => node !== 0) ? mask | (1 << d) : mask), 0);
    if (!lattice.views.some((view) => (detailMask & ~view) === 0)) {
      const detailed = lattice.dims.filter((_, d) => (detailMask & (1 << d)) !== 0).map((dim) => dim.dimension.name);
      throw badUserInput(
        `The statistic ${this.name} cannot break ${detailed.join(' and ')} down together; it can combine ` +
          this.views.map((view) => view.join(' x ')).join('; or '),
        { field: detailed.at(-1) ?? null },
      );
    }
    const requests = (options.percentiles ?? []).map((request) => {
      const measure = this.#measures.get(request.measure);
      if (!measure) {
        throw badUserInput(`The statistic ${this.name} has no measure "${request.measure}"`, { field: 'measure' });
      }
      for (const p of request.percentiles) {
        if (!(p > 0 && p < 1)) throw badUserInput(`A percentile is between 0 and 1 (exclusive), not ${p}`, { field: 'percentiles' });
      }
      return { measure, percentiles: request.percentiles };
    });
    const rows: PublishedRow[] = [];
    for (const nodes of product(selections)) {
      const cell = cellOf(lattice, nodes);
      const key: Record<string, string> = {};
      lattice.dims.forEach((dim, d) => {
        if (grouped.includes(dim.dimension.name)) key[dim.dimension.name] = dim.keys[nodes[d]!]!;
      });
      const count = this.#published(cell);
      if (requests.length === 0) {
        rows.push({ key, count });
        continue;
      }
      const percentiles: Record<string, PublishedValue | null> = {};
      for (const { measure, percentiles: ps } of requests) {
        const inDomain = nodes.every((node, d) => isUnder(lattice, d, node, measure.domain[d]!));
        const histogram = inDomain ? this.#histogram(measure, nodes) : null;
        for (const p of ps) {
          const name = `${measure.spec.name}@${p}`;
          const n = this.#values[cell]!;
          if (!histogram || n === 0) {
            percentiles[name] = null;
          } else {
            percentiles[name] = mayPublishPercentile(n, p, this.#status[cell] === SHOWN, this.threshold)
              ? { value: percentileFromHistogram(histogram, p)! }
              : { suppressed: true };
          }
        }
      }
      rows.push({ key, count, percentiles });
    }
    return new SuppressedTable(ENGINE, { cube: this.name, dimensions: grouped, fixed, rows, threshold: this.threshold });
  }

  /** The combinations of dimensions queries may break down together. */
  get views(): string[][] {
    return this.#lattice.views.map((view) => this.dimensions.filter((_, d) => (view & (1 << d)) !== 0).map((d) => d.name));
  }

  /** Every publishable cell as published: the union of all answers the cube can give (what an attacker could collect). */
  publishedView(): { at: Record<string, string>; count: PublishedValue }[] {
    const view: { at: Record<string, string>; count: PublishedValue }[] = [];
    for (let cell = 0; cell < this.#lattice.total; cell++) {
      if (inView(this.#lattice, cell)) view.push({ at: coordinatesOf(this.#lattice, cell), count: this.#published(cell) });
    }
    return view;
  }

  /** How many publishable cells the cube has and how many are hidden (for the report's note on suppression). */
  summary(): { cells: number; hidden: number } {
    let cells = 0;
    let hidden = 0;
    for (let cell = 0; cell < this.#lattice.total; cell++) {
      if (!inView(this.#lattice, cell)) continue;
      cells += 1;
      if (this.#status[cell] !== SHOWN) hidden += 1;
    }
    return { cells, hidden };
  }

  /**
   * Why a cell is hidden, for tests and audits of the engine only: never return it to an analyst (see
   * PublishedValue: the reason itself gives hidden values away).
   */
  reasonAt(at: Readonly<Record<string, string>>): SuppressionReason | null {
    const cell = this.#cellAt(at);
    // A cell of no view is never published, so nothing of it is hidden either.
    if (!inView(this.#lattice, cell)) return null;
    const status = this.#status[cell];
    return status === PRIMARY ? 'PRIMARY' : status === SECONDARY ? 'SECONDARY' : null;
  }

  /** Hidden cells an analyst could compute exactly from the shown ones (the engine leaves none with a small count). */
  computableHiddenCells(): Record<string, string>[] {
    return computableHiddenCells(this.#lattice, this.#status).map((cell) => coordinatesOf(this.#lattice, cell));
  }

  #cellAt(at: Readonly<Record<string, string>>): number {
    return cellOf(
      this.#lattice,
      this.#lattice.dims.map((dim) => {
        const key = at[dim.dimension.name] ?? dim.dimension.root;
        const node = dim.indexOf.get(key);
        if (node === undefined) throw new Error(`dimension ${dim.dimension.name} has no node ${key}`);
        return node;
      }),
    );
  }

  #published(cell: number): PublishedValue {
    return this.#status[cell] === SHOWN ? { value: this.#values[cell]! } : { suppressed: true };
  }

  #histogram(measure: Measure, nodes: readonly number[]): Map<number, number> {
    const histogram = new Map<number, number>();
    for (const [leaf, values] of measure.byLeaf) {
      const under = nodes.every((node, d) => isUnder(this.#lattice, d, nodeOfNumber(this.#lattice, leaf, d), node));
      if (!under) continue;
      for (const [value, count] of values) histogram.set(value, (histogram.get(value) ?? 0) + count);
    }
    return histogram;
  }
}

/** Whether `node` is `ancestor` or lies below it in dimension d. */
function isUnder(lattice: Lattice, d: number, node: number, ancestor: number): boolean {
  const parent = lattice.dims[d]!.parent;
  for (let n = node; n >= 0; n = parent[n]!) if (n === ancestor) return true;
  return false;
}

function selectionKeys(dimension: Dimension, selection: NodeSelection | undefined): string[] {
  if (selection === undefined) return [dimension.root];
  const keys =
    typeof selection === 'string'
      ? [selection]
      : 'level' in selection
        ? levelKeys(dimension, selection.level)
        : [...(selection as readonly string[])];
  if (keys.length === 0) throw badUserInput(`Select at least one ${dimension.label.toLowerCase()}`, { field: dimension.name });
  for (const key of keys) {
    if (!dimension.nodes.has(key)) {
      throw badUserInput(
        `"${key}" is not a ${dimension.label.toLowerCase()} of this statistic; use one of ${dimension.order.join(', ')}`,
        { field: dimension.name },
      );
    }
  }
  if (new Set(keys).size !== keys.length) throw badUserInput(`A ${dimension.label.toLowerCase()} is selected twice`, { field: dimension.name });
  return keys;
}

function levelKeys(dimension: Dimension, level: string): string[] {
  try {
    return nodesAtLevel(dimension, level);
  } catch (error) {
    throw badUserInput((error as Error).message, { field: dimension.name });
  }
}

function* product(lists: readonly (readonly number[])[]): Generator<number[]> {
  const index = lists.map(() => 0);
  if (lists.some((l) => l.length === 0)) return;
  while (true) {
    yield index.map((i, d) => lists[d]![i]!);
    let d = lists.length - 1;
    while (d >= 0 && ++index[d]! === lists[d]!.length) {
      index[d] = 0;
      d -= 1;
    }
    if (d < 0) return;
  }
}

function leafCell(lattice: Lattice, at: Readonly<Record<string, string>>, what: string): number {
  const nodes = lattice.dims.map((dim) => {
    const key = at[dim.dimension.name];
    const node = key === undefined ? undefined : dim.indexOf.get(key);
    if (node === undefined || dim.children[node]!.length > 0) {
      throw new Error(`${what}: ${dim.dimension.name} must be one of the leaves ${dim.dimension.leaves.join(', ')}, not ${String(key)}`);
    }
    return node;
  });
  const extra = Object.keys(at).filter((name) => !lattice.dims.some((dim) => dim.dimension.name === name));
  if (extra.length > 0) throw new Error(`${what}: the cube has no dimension ${extra.join(', ')}`);
  return numberOf(lattice, nodes);
}

/**
 * Protects the counts of one cube. `counts` are the rows of one SQL GROUP BY over the leaf columns of every
 * dimension (leaves with no facts may be left out); `measureCounts` the rows of a GROUP BY that adds a measure's
 * value. Bad rows are a programming error in the caller's SQL and throw.
 */
export function protectCube(spec: CubeSpec, counts: readonly LeafCount[], measureCounts: readonly LeafMeasureCount[] = []): ProtectedCube {
  const threshold = spec.threshold ?? SMALL_COUNT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < SMALL_COUNT_THRESHOLD) {
    throw new Error(`the threshold of ${spec.name} must be a whole number of at least ${SMALL_COUNT_THRESHOLD}`);
  }
  const names = spec.dimensions.map((d) => d.name);
  if (new Set(names).size !== names.length) throw new Error(`${spec.name}: a dimension is listed twice`);
  const lattice = buildLattice(spec.dimensions, spec.views);
  const leaves = new Map<number, number>();
  for (const row of counts) {
    if (!Number.isInteger(row.count) || row.count < 0) throw new Error(`${spec.name}: a count must be a whole number >= 0`);
    const leaf = leafCell(lattice, row.at, spec.name);
    leaves.set(leaf, (leaves.get(leaf) ?? 0) + row.count);
  }
  const measures = new Map<string, Measure>();
  for (const measureSpec of spec.measures ?? []) {
    const domain = lattice.dims.map((dim) => {
      const key = measureSpec.recordedFor?.[dim.dimension.name] ?? dim.dimension.root;
      const node = dim.indexOf.get(key);
      if (node === undefined) throw new Error(`measure ${measureSpec.name}: ${dim.dimension.name} has no node ${key}`);
      return node;
    });
    measures.set(measureSpec.name, { spec: measureSpec, byLeaf: new Map(), domain });
  }
  for (const row of measureCounts) {
    const measure = measures.get(row.measure);
    if (!measure) throw new Error(`${spec.name}: no measure ${row.measure} is declared`);
    if (!Number.isInteger(row.count) || row.count < 0 || !Number.isFinite(row.value)) {
      throw new Error(`${spec.name}: measure rows need a finite value and a whole count >= 0`);
    }
    const leaf = leafCell(lattice, row.at, `${spec.name}.${row.measure}`);
    if (!lattice.dims.every((_, d) => isUnder(lattice, d, nodeOfNumber(lattice, leaf, d), measure.domain[d]!))) {
      throw new Error(`${spec.name}: ${row.measure} is recorded for a fact outside ${JSON.stringify(measure.spec.recordedFor)}`);
    }
    const histogram = measure.byLeaf.get(leaf) ?? new Map<number, number>();
    histogram.set(row.value, (histogram.get(row.value) ?? 0) + row.count);
    measure.byLeaf.set(leaf, histogram);
  }
  for (const measure of measures.values()) {
    // Every fact inside the measure's domain carries it, or percentiles and counts would describe different facts
    // (a leaf in neither list has no facts and no values).
    for (const leaf of new Set([...leaves.keys(), ...measure.byLeaf.keys()])) {
      if (!lattice.dims.every((_, d) => isUnder(lattice, d, nodeOfNumber(lattice, leaf, d), measure.domain[d]!))) continue;
      let n = 0;
      for (const c of measure.byLeaf.get(leaf)?.values() ?? []) n += c;
      if (n !== (leaves.get(leaf) ?? 0)) throw new Error(`${spec.name}: ${measure.spec.name} is not recorded for every fact it applies to`);
    }
  }
  const values = aggregate(lattice, leaves);
  const status = suppressPrimary(lattice, values, threshold);
  suppressSecondary(lattice, values, status, threshold);
  closeChains(lattice, values, status, threshold);
  return new ProtectedCube(ENGINE, spec, lattice, values, status, measures);
}

/**
 * The line rule leaves every relation with two hidden members, but a small count (or a zero that breaks one down)
 * can still be fixed by a chain of relations (audit.ts). While the audit finds such a primary cell, hide the
 * cheapest shown member of its relations and rerun the line rule; hiding only ever adds unknowns, so this ends, at
 * the latest when everything is hidden. Hidden protectors that are fixed are left: they are 0 or at least the
 * threshold, and the primary cells stay unfixed without them.
 *
 * The audit is the costly part, so one round serves every exposed cell, but what it found is only true before the
 * round's first hiding: a cell next to cells hidden earlier in the round may no longer be fixed (in a sparse cube
 * one small count's zeros are exposed together, and one hiding protects them all). Such a cell waits for the next
 * round's audit; hiding for it anyway hid whole cubes of zeros and then found no shown cell left to hide.
 */
function closeChains(lattice: Lattice, values: Float64Array, status: Uint8Array, threshold: number): void {
  // Hiding only shrinks what the shown cells span, so a cell the audit found unfixed stays so: each round audits
  // only the cells the last one found fixed.
  let candidates: number[] = [];
  for (let cell = 0; cell < lattice.total; cell++) if (status[cell] === PRIMARY) candidates.push(cell);
  for (;;) {
    const exposed = computableHiddenCells(lattice, status, candidates);
    if (exposed.length === 0) return;
    candidates = exposed;
    const added = new Set<number>();
    for (const cell of exposed) {
      const neighbours = cheapestShownNeighbours(lattice, values, status, cell, added);
      if (neighbours === 'changed') continue;
      for (const best of neighbours) {
        status[best] = SECONDARY;
        added.add(best);
      }
    }
    suppressSecondary(lattice, values, status, threshold, [...added]);
  }
}

/**
 * For each relation of `start` with a shown member, its cheapest shown member; when all of those are hidden, the
 * same for the nearest relations reached through hidden cells (a hidden cell fixed by the relations is fixed
 * through some shown cell). Hiding one member per relation gives the cell room in every direction at once.
 * 'changed' when the search meets a cell hidden since the audit (`hiddenSinceAudit`): whether `start` is still
 * fixed is then for the next audit to say.
 */
function cheapestShownNeighbours(
  lattice: Lattice,
  values: Float64Array,
  status: Uint8Array,
  start: number,
  hiddenSinceAudit: ReadonlySet<number>,
): number[] | 'changed' {
  const seen = new Set<number>([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const found: number[] = [];
    const next: number[] = [];
    for (const cell of frontier) {
      for (const relation of relationsContaining(lattice, cell)) {
        const { parent, children } = relationMembers(lattice, relation);
        let best: number | undefined;
        for (const member of [...children, parent]) {
          if (hiddenSinceAudit.has(member)) return 'changed';
          if (status[member] !== SHOWN) {
            if (!seen.has(member)) {
              seen.add(member);
              next.push(member);
            }
            continue;
          }
          const v = values[member]!;
          if (best === undefined || (v !== 0 && (values[best] === 0 || v < values[best]!))) best = member;
        }
        if (best !== undefined) found.push(best);
      }
    }
    if (found.length > 0) return found;
    frontier = next;
  }
  // Every cell is connected to every other through the relations, so the search has met every cell: all hidden,
  // none since the audit, which found `start` fixed by shown cells. The audit and the relations disagree.
  throw new Error('unreachable: a hidden cell fixed by the relations has a shown cell among its relations');
}

function relationsContaining(lattice: Lattice, cell: number): number[] {
  const relations: number[] = [];
  relationsOfCell(lattice, cell, (relation) => relations.push(relation));
  return relations;
}
