import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { protectCube, SuppressedTable, type LeafCount } from './cube.ts';
import { categoryDimension, defineDimension, municipalityDimension, periodDimension, sexDimension, type Dimension } from './dimensions.ts';
import { isShown, type PublishedValue } from './published.ts';
import { fixedHiddenCells, isUnder, keyOf, seeded, trueCount, viewCells, viewRelations, type Coordinates } from './test-helpers.ts';

const row = categoryDimension('row', 'Row', ['A', 'B', 'C'].map((key) => ({ key, label: key })));
const col = categoryDimension('col', 'Column', ['X', 'Y', 'Z'].map((key) => ({ key, label: key })));

function badInput(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

/** The published view as key -> value (or 'x' for hidden). */
function shownMap(dimensions: readonly Dimension[], view: readonly { at: Coordinates; count: PublishedValue }[]): Map<string, number | 'x'> {
  return new Map(view.map((cell) => [keyOf(dimensions, cell.at), isShown(cell.count) ? cell.count.value : 'x']));
}

/**
 * The published promises, checked from the outside against the true counts: no count 1-4 shown, shown counts true,
 * every relation with a hidden member has two, the hidden parts of a shown total hold at least 5, and no hidden
 * count (or zero breaking one down) can be computed from the shown cells (exact rational algebra, not the engine's).
 */
function expectProtected(
  dimensions: readonly Dimension[],
  facts: readonly LeafCount[],
  cube: ReturnType<typeof protectCube>,
  views?: readonly (readonly string[])[],
): void {
  const view = cube.publishedView();
  const shown = shownMap(dimensions, view);
  expect(view).toHaveLength(viewCells(dimensions, views).length);
  const truth = (at: Coordinates) => trueCount(dimensions, facts as { at: Coordinates; count: number }[], at);
  for (const cell of view) {
    if (isShown(cell.count)) {
      expect(cell.count.value).toBe(truth(cell.at));
      expect(cell.count.value === 0 || cell.count.value >= 5).toBe(true);
    } else {
      expect(cube.reasonAt(cell.at)).not.toBeNull();
    }
  }
  for (const { parent, children } of viewRelations(dimensions, views)) {
    const members = [parent, ...children];
    const hidden = members.filter((m) => shown.get(keyOf(dimensions, m)) === 'x');
    if (hidden.length === 0) continue;
    expect(hidden.length, `relation under ${keyOf(dimensions, parent)}`).toBeGreaterThanOrEqual(2);
    const total = shown.get(keyOf(dimensions, parent))!;
    if (total !== 'x' && total > 0) {
      const hiddenSum = children.filter((c) => shown.get(keyOf(dimensions, c)) === 'x').reduce((s, c) => s + truth(c), 0);
      expect(hiddenSum, `hidden parts of ${keyOf(dimensions, parent)}`).toBeGreaterThanOrEqual(5);
    }
  }
  const fixed = fixedHiddenCells(dimensions, view, views);
  expect(fixed.filter((at) => cube.reasonAt(at) === 'PRIMARY')).toEqual([]);
}

function facts2d(table: Record<string, Record<string, number>>): LeafCount[] {
  return Object.entries(table).flatMap(([r, cols]) => Object.entries(cols).map(([c, count]) => ({ at: { row: r, col: c }, count })));
}

describe('primary suppression', () => {
  it('hides counts from 1 to 4 and shows 0 and 5 and more', () => {
    const dimension = categoryDimension('kind', 'Kind', ['A', 'B', 'C', 'D', 'E', 'F'].map((key) => ({ key, label: key })));
    const counts = { A: 0, B: 1, C: 4, D: 5, E: 9, F: 0 };
    const cube = protectCube({ name: 't', dimensions: [dimension] }, Object.entries(counts).map(([kind, count]) => ({ at: { kind }, count })));
    const table = cube.select({ kind: ['A', 'B', 'C', 'D', 'E', 'F', 'ALL'] });
    expect(table.rows.map((r) => (isShown(r.count) ? r.count.value : 'x'))).toEqual([0, 'x', 'x', 5, 9, 0, 19]);
    expect(cube.reasonAt({ kind: 'B' })).toBe('PRIMARY');
    expect(cube.reasonAt({ kind: 'C' })).toBe('PRIMARY');
    expect(cube.reasonAt({ kind: 'A' })).toBeNull();
  });

  it('hides the zeros that break a small count down, because they tell where its few children are', () => {
    const known = categoryDimension('known', 'Known', [{ key: 'KNOWN', label: 'known' }, { key: 'NOT_KNOWN', label: 'not known' }]);
    const sex = sexDimension();
    const facts = [
      { at: { sex: 'F', known: 'KNOWN' }, count: 3 },
      { at: { sex: 'M', known: 'KNOWN' }, count: 20 },
      { at: { sex: 'M', known: 'NOT_KNOWN' }, count: 30 },
    ];
    const cube = protectCube({ name: 't', dimensions: [sex, known] }, facts);
    expect(cube.reasonAt({ sex: 'F', known: 'ALL' })).toBe('PRIMARY');
    expect(cube.reasonAt({ sex: 'F', known: 'KNOWN' })).toBe('PRIMARY');
    expect(cube.reasonAt({ sex: 'F', known: 'NOT_KNOWN' })).toBe('PRIMARY');
    expectProtected([sex, known], facts, cube);
  });
});

describe('secondary suppression', () => {
  it('1-D: hides the cheapest other part so the total does not give the small count away', () => {
    const facts = [
      { at: { row: 'A' }, count: 2 },
      { at: { row: 'B' }, count: 30 },
      { at: { row: 'C' }, count: 8 },
    ];
    const cube = protectCube({ name: 't', dimensions: [row] }, facts);
    expect(cube.select({ row: { level: 'row' } }).rows.map((r) => r.count)).toEqual([
      { suppressed: true },
      { value: 30 },
      { suppressed: true },
    ]);
    expect(cube.reasonAt({ row: 'C' })).toBe('SECONDARY');
    expect(cube.select({}).rows[0]!.count).toEqual({ value: 40 });
    expectProtected([row], facts, cube);
  });

  it('1-D: never pairs a small count with a zero, whose sum with it would still be small', () => {
    const facts = [
      { at: { row: 'A' }, count: 1 },
      { at: { row: 'B' }, count: 0 },
      { at: { row: 'C' }, count: 20 },
    ];
    const cube = protectCube({ name: 't', dimensions: [row] }, facts);
    expect(cube.reasonAt({ row: 'B' })).toBeNull();
    expect(cube.reasonAt({ row: 'C' })).toBe('SECONDARY');
    expectProtected([row], facts, cube);
  });

  it('2-D: closes a rectangle of hidden cells around a small count, leaving every margin shown', () => {
    const facts = facts2d({ A: { X: 2, Y: 8, Z: 9 }, B: { X: 7, Y: 6, Z: 12 }, C: { X: 10, Y: 11, Z: 8 } });
    const cube = protectCube({ name: 't', dimensions: [row, col] }, facts);
    const grid = cube.select({ row: ['A', 'B', 'C', 'ALL'], col: ['X', 'Y', 'Z', 'ALL'] }).rows.map((r) => (isShown(r.count) ? r.count.value : 'x'));
    expect(grid).toEqual([
      ['x', 'x', 9, 19],
      ['x', 'x', 12, 25],
      [10, 11, 8, 29],
      [19, 25, 29, 73],
    ].flat());
    expectProtected([row, col], facts, cube);
  });

  it('2-D: two small counts in one row protect each other only if together they reach 5', () => {
    const facts = facts2d({ A: { X: 1, Y: 1, Z: 30 }, B: { X: 20, Y: 25, Z: 12 }, C: { X: 10, Y: 11, Z: 8 } });
    const cube = protectCube({ name: 't', dimensions: [row, col] }, facts);
    // A row of 32 with two hidden 1s would show that they hold 2: so a third cell of the row is hidden too.
    expect(cube.reasonAt({ row: 'A', col: 'Z' })).toBe('SECONDARY');
    expectProtected([row, col], facts, cube);
  });

  it('hierarchies: a small municipality hides its cluster partner, not the cluster, at every level of the period', () => {
    const municipality = municipalityDimension();
    const period = periodDimension('2025-2026');
    const facts: LeafCount[] = [];
    for (const m of municipality.leaves) {
      for (const month of period.leaves) {
        if (m === '741') facts.push({ at: { municipality: m, period: month }, count: month === '2025-03' ? 1 : 0 });
        else facts.push({ at: { municipality: m, period: month }, count: 20 });
      }
    }
    const cube = protectCube({ name: 'letters', dimensions: [municipality, period] }, facts);
    // Samsø's one letter and every period that contains it are small; the months around it break it down.
    for (const p of ['2025-03', '2025-Q1', '2025-H1', '2025', '2025-2026', '2025-01', '2025-02']) {
      expect(cube.reasonAt({ municipality: '741', period: p }), p).toBe('PRIMARY');
    }
    // So is Samsø's empty 2026: a zero that splits the biennium's one letter tells in which year it came.
    expect(cube.reasonAt({ municipality: '741', period: '2026' })).toBe('PRIMARY');
    // Aarhus is hidden where Samsø is, so the cluster total (always shown) cannot be used to subtract.
    for (const p of ['2025-03', '2025-Q1', '2025-H1', '2025', '2025-2026']) {
      expect(cube.reasonAt({ municipality: '751', period: p }), p).not.toBeNull();
      expect(cube.reasonAt({ municipality: 'AARHUS', period: p }), p).toBeNull();
      expect(cube.reasonAt({ municipality: 'REGION', period: p }), p).toBeNull();
    }
    // Other clusters are untouched.
    for (const p of period.order) expect(cube.reasonAt({ municipality: '615', period: p })).toBeNull();
    expectProtected([municipality, period], facts, cube);
  });

  it('month within quarter within half-year: a small month is protected inside its quarter', () => {
    const period = periodDimension('2025-2026');
    const sex = sexDimension();
    const facts: LeafCount[] = period.leaves.flatMap((month) => [
      { at: { period: month, sex: 'F' }, count: month === '2026-05' ? 2 : 9 },
      { at: { period: month, sex: 'M' }, count: 11 },
    ]);
    const cube = protectCube({ name: 't', dimensions: [period, sex] }, facts);
    expect(cube.reasonAt({ period: '2026-05', sex: 'F' })).toBe('PRIMARY');
    expect(cube.reasonAt({ period: '2026-Q2', sex: 'F' })).toBeNull();
    expectProtected([period, sex], facts, cube);
  });

  it('holds its promises on random sparse cubes of 1 to 4 dimensions, with hierarchies and views', () => {
    const random = seeded(20261201);
    const reply = defineDimension('reply', 'Reply', {
      key: 'ALL',
      label: 'All',
      level: 'all',
      children: [
        { key: 'ANSWERED', label: 'Answered', level: 'answered', children: [
          { key: 'WITHIN', label: 'Within', level: 'reply' },
          { key: 'AFTER', label: 'After', level: 'reply' },
        ] },
        { key: 'NOT_ANSWERED', label: 'Not answered', level: 'reply' },
      ],
    });
    const area = defineDimension('area', 'Area', {
      key: 'REGION',
      label: 'Region',
      level: 'region',
      children: [
        { key: 'C1', label: 'C1', level: 'cluster', children: ['a', 'b'].map((key) => ({ key, label: key, level: 'municipality' })) },
        { key: 'C2', label: 'C2', level: 'cluster', children: ['c', 'd', 'e'].map((key) => ({ key, label: key, level: 'municipality' })) },
      ],
    });
    const sex = sexDimension();
    const pool = [area, reply, sex, row];
    for (let trial = 0; trial < 24; trial++) {
      const dimensions = pool.slice(0, 1 + (trial % 4));
      const views = trial % 8 === 7 ? [dimensions.slice(0, 2).map((d) => d.name), [dimensions[0]!.name, ...dimensions.slice(2).map((d) => d.name)]] : undefined;
      const rate = [0.5, 2, 6][trial % 3]!;
      let leaves: Coordinates[] = [{}];
      for (const d of dimensions) leaves = leaves.flatMap((at) => d.leaves.map((leaf) => ({ ...at, [d.name]: leaf })));
      const facts = leaves.map((at) => ({ at, count: Math.floor(random() * random() * rate * 3) }));
      const cube = protectCube({ name: `random-${trial}`, dimensions, ...(views ? { views } : {}) }, facts);
      expectProtected(dimensions, facts, cube, views);
    }
  });
});

describe('the same answer whatever is asked', () => {
  const facts = facts2d({ A: { X: 2, Y: 8, Z: 9 }, B: { X: 7, Y: 6, Z: 12 }, C: { X: 10, Y: 11, Z: 8 } });

  it('gives a cell the same value or mark in every query that contains it', () => {
    const cube = protectCube({ name: 't', dimensions: [row, col] }, facts);
    const alone = cube.select({ row: 'A', col: 'X' }).rows[0]!.count;
    const inRow = cube.select({ row: 'A', col: { level: 'col' } }).rows[0]!.count;
    const inColumn = cube.select({ row: { level: 'row' }, col: 'X' }).rows[0]!.count;
    expect([alone, inRow, inColumn]).toEqual([{ suppressed: true }, { suppressed: true }, { suppressed: true }]);
    expect(cube.select({ row: 'C', col: 'X' }).rows[0]!.count).toEqual(cube.select({ col: 'X', row: { level: 'row' } }).rows[2]!.count);
  });

  it('does not depend on the order of the SQL rows', () => {
    const shuffled = [...facts].reverse();
    const a = protectCube({ name: 't', dimensions: [row, col] }, facts).publishedView();
    const b = protectCube({ name: 't', dimensions: [row, col] }, shuffled).publishedView();
    expect(b).toEqual(a);
  });
});

describe('queries', () => {
  const facts = facts2d({ A: { X: 2, Y: 8, Z: 9 }, B: { X: 7, Y: 6, Z: 12 }, C: { X: 10, Y: 11, Z: 8 } });
  const cube = protectCube({ name: 'letters', dimensions: [row, col] }, facts);

  it('groups by node lists or levels, fixes filters and leaves other dimensions at their total', () => {
    const table = cube.select({ row: { level: 'row' }, col: 'Z' });
    expect(table.dimensions).toEqual(['row']);
    expect(table.fixed).toEqual({ col: 'Z' });
    expect(table.rows.map((r) => [r.key, r.count])).toEqual([
      [{ row: 'A' }, { value: 9 }],
      [{ row: 'B' }, { value: 12 }],
      [{ row: 'C' }, { value: 8 }],
    ]);
    expect(cube.select({ col: ['Z', 'ALL'] }).fixed).toEqual({ row: 'ALL' });
  });

  it('refuses unknown dimensions, nodes, levels and repeated nodes as bad input', () => {
    expect(badInput(() => cube.select({ sex: 'F' })).message).toMatch(/no dimension "sex"; it has row, col/);
    expect(badInput(() => cube.select({ row: 'Q' })).message).toMatch(/"Q" is not a row .* ALL, A, B, C/);
    badInput(() => cube.select({ row: { level: 'nope' } }));
    badInput(() => cube.select({ row: ['A', 'A'] }));
    badInput(() => cube.select({ row: [] }));
  });

  it('refuses to break down dimensions together that no view combines', () => {
    const sex = sexDimension();
    const linked = protectCube(
      { name: 'letters', dimensions: [row, col, sex], views: [['row', 'col'], ['row', 'sex']] },
      facts.map((f) => ({ at: { ...f.at, sex: 'F' }, count: f.count })),
    );
    expect(linked.select({ row: 'A', sex: 'F' }).rows).toHaveLength(1);
    expect(badInput(() => linked.select({ col: 'X', sex: 'F' })).message).toMatch(/cannot break col and sex down together; it can combine row x col; or row x sex/);
    expect(linked.views).toEqual([['row', 'col'], ['row', 'sex']]);
  });

  it('makes tables only through the engine', () => {
    const table = cube.select({});
    expect(SuppressedTable.isSuppressedTable(table)).toBe(true);
    expect(SuppressedTable.isSuppressedTable(JSON.parse(JSON.stringify(table)))).toBe(false);
    expect(() => new SuppressedTable(undefined as never, table)).toThrow(/only the statistics engine/);
  });

  it('refuses SQL rows that are not leaves, name unknown dimensions or have bad counts', () => {
    expect(() => protectCube({ name: 't', dimensions: [row] }, [{ at: { row: 'ALL' }, count: 1 }])).toThrow(/leaves A, B, C/);
    expect(() => protectCube({ name: 't', dimensions: [row] }, [{ at: { row: 'A', col: 'X' }, count: 1 }])).toThrow(/no dimension col/);
    expect(() => protectCube({ name: 't', dimensions: [row] }, [{ at: { row: 'A' }, count: -1 }])).toThrow(/whole number/);
    expect(() => protectCube({ name: 't', dimensions: [row], threshold: 3 }, [])).toThrow(/at least 5/);
  });
});

describe('percentiles', () => {
  const reply = defineDimension('reply', 'Reply', {
    key: 'ALL',
    label: 'All',
    level: 'all',
    children: [
      { key: 'ANSWERED', label: 'Answered', level: 'answered' },
      { key: 'NOT_ANSWERED', label: 'Not answered', level: 'answered' },
    ],
  });
  const spec = { name: 'letters', dimensions: [row, reply], measures: [{ name: 'replyDays', recordedFor: { reply: 'ANSWERED' } }] };

  function letters(days: Record<string, number[]>) {
    const counts: LeafCount[] = [];
    const measureCounts = [];
    for (const [r, values] of Object.entries(days)) {
      counts.push({ at: { row: r, reply: 'ANSWERED' }, count: values.length });
      counts.push({ at: { row: r, reply: 'NOT_ANSWERED' }, count: 10 });
      for (const value of new Set(values)) {
        measureCounts.push({ at: { row: r, reply: 'ANSWERED' }, measure: 'replyDays', value, count: values.filter((v) => v === value).length });
      }
    }
    return { counts, measureCounts };
  }
  const median = [{ measure: 'replyDays', percentiles: [0.5, 0.9] }];

  it('gives the nearest-rank median and 90th percentile, but never a group\'s largest value', () => {
    const { counts, measureCounts } = letters({ A: [1, 2, 2, 3, 9, 4, 5, 6], B: [3, 3, 4, 5, 6, 7, 1, 2, 8, 9, 10, 11], C: [] });
    const table = protectCube(spec, counts, measureCounts).select({ row: ['A', 'B', 'ALL'], reply: 'ANSWERED' }, { percentiles: median });
    // A: 1 2 2 3 4 5 6 9: median rank 4 is 3; the 90th percentile is rank ceil(7.2) = 8, the maximum: withheld.
    expect(table.rows[0]!.percentiles).toEqual({ 'replyDays@0.5': { value: 3 }, 'replyDays@0.9': { suppressed: true } });
    // B: 1 2 3 3 4 5 6 7 8 9 10 11: rank 6 is 5, rank ceil(10.8) = 11 is 10.
    expect(table.rows[1]!.percentiles).toEqual({ 'replyDays@0.5': { value: 5 }, 'replyDays@0.9': { value: 10 } });
    // All 20: ranks 10 and 18.
    const all = [1, 2, 2, 3, 9, 4, 5, 6, 3, 3, 4, 5, 6, 7, 1, 2, 8, 9, 10, 11].sort((a, b) => a - b);
    expect(table.rows[2]!.percentiles).toEqual({ 'replyDays@0.5': { value: all[9] }, 'replyDays@0.9': { value: all[17] } });
  });

  it('withholds percentiles where the count is hidden, even a count of 5 or more, and has none where nobody carries the measure', () => {
    const { counts, measureCounts } = letters({ A: [1, 2, 2, 3, 9, 4, 5, 6, 7, 8, 10], B: [3, 3, 4, 5, 6, 7], C: [2, 4] });
    const cube = protectCube(spec, counts, measureCounts);
    // C's two answered letters are hidden, and B's six with them (the cheaper partner): B's median would tell that
    // its hidden count is at least 5, and so that C's is at most the rest.
    const table = cube.select({ row: ['A', 'B', 'C'], reply: 'ANSWERED' }, { percentiles: [{ measure: 'replyDays', percentiles: [0.5] }] });
    expect(table.rows.map((r) => [r.count, r.percentiles])).toEqual([
      [{ value: 11 }, { 'replyDays@0.5': { value: 5 } }],
      [{ suppressed: true }, { 'replyDays@0.5': { suppressed: true } }],
      [{ suppressed: true }, { 'replyDays@0.5': { suppressed: true } }],
    ]);
    const outside = cube.select({ row: 'A', reply: ['NOT_ANSWERED', 'ALL'] }, { percentiles: [{ measure: 'replyDays', percentiles: [0.5] }] });
    expect(outside.rows.map((r) => r.percentiles)).toEqual([{ 'replyDays@0.5': null }, { 'replyDays@0.5': null }]);
  });

  it('refuses measure rows that do not account for every fact they describe, and unknown measures', () => {
    const { counts, measureCounts } = letters({ A: [1, 2, 2, 3, 9], B: [3, 3, 4, 5, 6, 7], C: [] });
    expect(() => protectCube(spec, counts, measureCounts.slice(1))).toThrow(/not recorded for every fact/);
    expect(() =>
      protectCube(spec, counts, [...measureCounts, { at: { row: 'A', reply: 'NOT_ANSWERED' }, measure: 'replyDays', value: 1, count: 1 }]),
    ).toThrow(/outside/);
    const cube = protectCube(spec, counts, measureCounts);
    badInput(() => cube.select({}, { percentiles: [{ measure: 'waitingDays', percentiles: [0.5] }] }));
    badInput(() => cube.select({}, { percentiles: [{ measure: 'replyDays', percentiles: [1] }] }));
  });
});

describe('isUnder (test helper)', () => {
  it('follows the tree', () => {
    const municipality = municipalityDimension();
    expect(isUnder(municipality, '741', 'AARHUS')).toBe(true);
    expect(isUnder(municipality, '741', 'REGION')).toBe(true);
    expect(isUnder(municipality, '741', 'HORSENS')).toBe(false);
  });
});
