/**
 * The single-child isolation attempt (issue 16): an analyst knows that one girl aged 15-17 from Samsø had a letter
 * sent about her in 2025-2026, and that she is the only one (the only 15-17-year-old girl from Samsø with a letter),
 * and tries every query they can send, alone, in pairs and all together, to learn when the letter was sent or
 * whether she was already known to the municipality.
 *
 * The attacker's algebra: every shown count is a sum of the population's leaf counts; a number is derivable when its
 * sum is a linear combination of the shown sums and of what the attacker knows (she is the only one: that count is
 * 1). The same attack on tables that only hide 1-4 (the naive rule) succeeds, which shows the harness can fail.
 */
import { describe, expect, it } from 'vitest';
import { computableHiddenCells } from './audit.ts';
import { protectCube, type CubeQuery, type LeafCount } from './cube.ts';
import { ageBandDimension, categoryDimension, municipalityDimension, periodDimension, sexDimension, type Dimension } from './dimensions.ts';
import { buildLattice, cellOf, SECONDARY } from './lattice.ts';
import { isShown } from './published.ts';
import { keyOf, seeded, type Coordinates } from './test-helpers.ts';

const municipality = municipalityDimension();
const period = periodDimension('2025-2026');
const ageBand = ageBandDimension();
const sex = sexDimension();
const known = categoryDimension('known', 'Known to the municipality', [
  { key: 'KNOWN', label: 'Known' },
  { key: 'NOT_KNOWN', label: 'Not known' },
]);
const dimensions: Dimension[] = [municipality, period, ageBand, sex, known];

// A region's worth of synthetic letters, and her: Samsø (741), 15-17, a girl, known, March 2025.
const HER: Coordinates = { municipality: '741', period: '2025-03', ageBand: 'AGE_15_TO_17', sex: 'F', known: 'KNOWN' };
const SIZE: Record<string, number> = { '751': 260, '741': 9, '730': 80, '615': 80, '740': 70, '657': 70, '791': 70 };

function population(): LeafCount[] {
  const random = seeded(16);
  const counts = new Map<string, LeafCount>();
  const add = (at: Coordinates) => {
    const key = keyOf(dimensions, at);
    const existing = counts.get(key);
    counts.set(key, { at, count: (existing?.count ?? 0) + 1 });
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (const m of municipality.leaves) {
    for (let i = 0; i < (SIZE[m] ?? 35); i++) {
      const at = { municipality: m, period: pick(period.leaves), ageBand: pick(ageBand.leaves), sex: pick(sex.leaves), known: random() < 0.7 ? 'KNOWN' : 'NOT_KNOWN' };
      // She is the only 15-17-year-old girl from Samsø with a letter.
      if (m === '741' && at.ageBand === 'AGE_15_TO_17' && at.sex === 'F') continue;
      add(at);
    }
  }
  add(HER);
  return [...counts.values()];
}

/** What the attacker knows beforehand: one letter for 15-17-year-old girls from Samsø in the biennium. */
const BACKGROUND: Coordinates = { municipality: '741', period: '2025-2026', ageBand: 'AGE_15_TO_17', sex: 'F', known: 'ALL' };

/** What they want: her month, quarter, half-year and year, and whether she was known. */
const TARGETS: Coordinates[] = [
  ...['2025-03', '2025-Q1', '2025-H1', '2025'].map((p) => ({ ...BACKGROUND, period: p })),
  { ...BACKGROUND, known: 'KNOWN' },
];

/**
 * The queries an analyst narrowing in on her would send: municipality, age band, sex and known-status each at the
 * total or filtered to her group (her municipality, her cluster), the period at the biennium or broken down by any
 * of its levels; and the same broken down by municipality. 160 queries, 12,880 pairs.
 */
function queries(): CubeQuery[] {
  const periods = ['2025-2026', { level: 'month' }, { level: 'quarter' }, { level: 'half-year' }, { level: 'year' }];
  const family: CubeQuery[] = [];
  for (const m of ['741', 'AARHUS', 'REGION', { level: 'municipality' }]) {
    for (const a of ['AGE_15_TO_17', 'ALL']) {
      for (const x of ['F', 'ALL']) {
        for (const k of ['ALL', 'KNOWN']) {
          for (const p of periods) family.push({ municipality: m, ageBand: a, sex: x, known: k, period: p });
        }
      }
    }
  }
  return family;
}

const LEAVES: Coordinates[] = (() => {
  let leaves: Coordinates[] = [{}];
  for (const d of dimensions) leaves = leaves.flatMap((at) => d.leaves.map((leaf) => ({ ...at, [d.name]: leaf })));
  return leaves;
})();

/** Per dimension and leaf: the leaf and its ancestors. */
const ANCESTORS: ReadonlyMap<string, ReadonlySet<string>>[] = dimensions.map((d) => {
  const map = new Map<string, Set<string>>();
  for (const leaf of d.leaves) {
    const set = new Set<string>();
    for (let n: string | null = leaf; n !== null; n = d.nodes.get(n)!.parent) set.add(n);
    map.set(leaf, set);
  }
  return map;
});

function covers(cell: Coordinates, leaf: Coordinates): boolean {
  return dimensions.every((d, i) => ANCESTORS[i]!.get(leaf[d.name]!)!.has(cell[d.name] ?? d.root));
}

/** One query's answer: which of its cells each leaf falls in (-1 for none) and which cells are shown. */
interface Answer {
  readonly cellOfLeaf: Int32Array;
  readonly shown: readonly boolean[];
}

/** The answer of a query under the engine, and under the naive rule (the true counts with only 1-4 hidden). */
function answers(query: CubeQuery, leafCounts: Float64Array): { engine: Answer; naive: Answer } {
  const table = cube.select(query);
  const rowIndex = new Map(table.rows.map((row, i) => [keyOf(dimensions, { ...table.fixed, ...row.key }), i]));
  const cellOfLeaf = new Int32Array(LEAVES.length).fill(-1);
  LEAVES.forEach((leaf, l) => {
    const at: Coordinates = {};
    for (const [i, d] of dimensions.entries()) {
      const options = table.dimensions.includes(d.name) ? table.rows.map((r) => r.key[d.name]!) : [table.fixed[d.name]!];
      const node = options.find((o) => ANCESTORS[i]!.get(leaf[d.name]!)!.has(o));
      if (node === undefined) return;
      at[d.name] = node;
    }
    cellOfLeaf[l] = rowIndex.get(keyOf(dimensions, at))!;
  });
  const truth = new Float64Array(table.rows.length);
  cellOfLeaf.forEach((i, l) => (i >= 0 ? (truth[i] = truth[i]! + leafCounts[l]!) : undefined));
  return {
    engine: { cellOfLeaf, shown: table.rows.map((r) => isShown(r.count)) },
    naive: { cellOfLeaf, shown: [...truth].map((n) => n === 0 || n >= 5) },
  };
}

const P = 67_108_859;

/** Sparse rows mod P: reduces `row` by the pivots; returns what is left (empty when the row is in their span). */
function reduce(pivots: Map<number, Map<number, number>>, input: Map<number, number>): Map<number, number> {
  const row = new Map(input);
  for (;;) {
    let c = Infinity;
    for (const [k] of row) if (pivots.has(k) && k < c) c = k;
    if (c === Infinity) return row;
    const pivot = pivots.get(c)!;
    const factor = row.get(c)!;
    for (const [j, v] of pivot) {
      const next = (((row.get(j) ?? 0) - ((factor * v) % P)) % P + P) % P;
      if (next === 0) row.delete(j);
      else row.set(j, next);
    }
  }
}

function addPivot(pivots: Map<number, Map<number, number>>, input: Map<number, number>): void {
  const row = reduce(pivots, input);
  if (row.size === 0) return;
  const c = Math.min(...row.keys());
  let inv = 1;
  let base = row.get(c)!;
  for (let e = P - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) inv = (inv * base) % P;
    base = (base * base) % P;
  }
  for (const [j, v] of row) row.set(j, (v * inv) % P);
  pivots.set(c, row);
}

const MARKS = [BACKGROUND, ...TARGETS];

/**
 * Leaves no query of the family (nor the background or a target) tells apart add up alike in every known sum, so
 * the algebra can work on those classes of leaves instead of single leaves.
 */
function leafClasses(all: readonly Answer[]): { classOf: Int32Array; count: number } {
  const classOf = new Int32Array(LEAVES.length);
  const ids = new Map<string, number>();
  LEAVES.forEach((leaf, l) => {
    const signature = `${all.map((a) => a.cellOfLeaf[l]).join(',')}|${MARKS.map((m) => (covers(m, leaf) ? 1 : 0)).join('')}`;
    if (!ids.has(signature)) ids.set(signature, ids.size);
    classOf[l] = ids.get(signature)!;
  });
  return { classOf, count: ids.size };
}

/** Per answer: the class vector of each of its shown cells. */
function shownVectors(answer: Answer, classOf: Int32Array): Map<number, number>[] {
  const vectors = answer.shown.map(() => new Map<number, number>());
  answer.cellOfLeaf.forEach((i, l) => (i >= 0 ? vectors[i]!.set(classOf[l]!, 1) : undefined));
  return vectors.filter((_, i) => answer.shown[i]);
}

function markVector(mark: Coordinates, classOf: Int32Array): Map<number, number> {
  const v = new Map<number, number>();
  LEAVES.forEach((leaf, l) => (covers(mark, leaf) ? v.set(classOf[l]!, 1) : undefined));
  return v;
}

/** Which targets the shown cells of the answers, with the background, determine. */
function derived(vectorSets: readonly Map<number, number>[][], background: Map<number, number>, targets: readonly Map<number, number>[]): number[] {
  const pivots = new Map<number, Map<number, number>>();
  for (const vectors of vectorSets) for (const v of vectors) addPivot(pivots, v);
  addPivot(pivots, background);
  return targets.flatMap((t, i) => (reduce(pivots, t).size === 0 ? [i] : []));
}

const facts = population();
const cube = protectCube({ name: 'letters', dimensions }, facts);

describe('an analyst trying to isolate one child', () => {
  it('cannot derive her month, quarter, half-year, year or known status from everything the cube shows', () => {
    // Everything: the union of the answers to every possible query, plus the background knowledge.
    const lattice = buildLattice(dimensions);
    const status = new Uint8Array(lattice.total);
    const cellAt = (at: Coordinates) => cellOf(lattice, dimensions.map((d) => d.order.indexOf(at[d.name] ?? d.root)));
    for (const cell of cube.publishedView()) if (!isShown(cell.count)) status[cellAt(cell.at)] = SECONDARY;
    for (const mark of MARKS) expect(status[cellAt(mark)], keyOf(dimensions, mark)).toBe(SECONDARY);
    status[cellAt(BACKGROUND)] = 0;
    const derivable = computableHiddenCells(lattice, status, TARGETS.map(cellAt));
    expect(derivable).toEqual([]);
  });

  it('cannot derive them from any pair of the queries narrowing in on her, while the naive rule gives them away', () => {
    const leafCounts = new Float64Array(LEAVES.length);
    const leafIndex = new Map(LEAVES.map((leaf, l) => [keyOf(dimensions, leaf), l]));
    for (const f of facts) {
      const l = leafIndex.get(keyOf(dimensions, f.at))!;
      leafCounts[l] = leafCounts[l]! + f.count;
    }
    const family = queries();
    const all = family.map((q) => answers(q, leafCounts));
    const { classOf } = leafClasses(all.map((a) => a.engine));
    const engine = all.map((a) => shownVectors(a.engine, classOf));
    const naive = all.map((a) => shownVectors(a.naive, classOf));
    const background = markVector(BACKGROUND, classOf);
    const targets = TARGETS.map((t) => markVector(t, classOf));
    let pairs = 0;
    const leaks: string[] = [];
    for (let i = 0; i < family.length; i++) {
      for (let j = i + 1; j < family.length; j++) {
        pairs += 1;
        const found = derived([engine[i]!, engine[j]!], background, targets);
        if (found.length > 0) throw new Error(`${JSON.stringify(family[i])} with ${JSON.stringify(family[j])} reveal ${found.map((t) => keyOf(dimensions, TARGETS[t]!))}`);
        if (leaks.length < 5 && derived([naive[i]!, naive[j]!], background, targets).length > 0) {
          leaks.push(`${JSON.stringify(family[i])} with ${JSON.stringify(family[j])}`);
        }
      }
    }
    expect(pairs).toBe((family.length * (family.length - 1)) / 2);
    // The same attack against tables that only hide 1-4 finds her: the harness can fail.
    expect(leaks.length).toBeGreaterThan(0);
    // And all the family's answers together reveal nothing either.
    expect(derived(engine, background, targets)).toEqual([]);
    expect(derived(naive, background, targets).length).toBeGreaterThan(0);
  });
});
