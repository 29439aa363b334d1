import { createHash } from 'node:crypto';
import { badUserInput } from '../errors.ts';
import { protectCube, type CubeQuery, type CubeSpec, type LeafCount, type LeafMeasureCount, type PercentileRequest, type ProtectedCube } from './cube.ts';
import { nodesAtLevel, type Dimension } from './dimensions.ts';
import { periodContaining, periodForRange, periodLabel, periodsWithin, type Period, type PeriodLevel } from './periods.ts';
import { isShown, publishedShare, type PublishedValue } from './published.ts';

/**
 * The GraphQL shape of a protected table (the section "Statistics for analysts" of every sector's schema.graphql)
 * and the two helpers that make a sector's statistics resolver thin: `resolveStatisticsQuery` turns the analyst's
 * `StatisticsQuery` into the engine's query of one biennium's cube, and `statisticsTable` turns the engine's answer
 * into the GraphQL shape. Between them the sector guards (shared/src/access/statistics.ts), counts its facts at the
 * leaves in one SQL statement per cube and protects them with `protectCube`.
 */

export const STATISTICS_DIMENSIONS = [
  'MUNICIPALITY',
  'CLUSTER',
  'PERIOD',
  'AGE_BAND',
  'SEX',
  'TRACK',
  'STEP',
  'KIND',
  'SOURCE',
  'ACUTENESS',
  'DECISION',
  'OUTCOME',
  'STATUS',
  'RESULT',
  'REPLY',
  'KNOWN_TO_MUNICIPALITY',
] as const;
export type StatisticsDimensionName = (typeof STATISTICS_DIMENSIONS)[number];

export type PeriodGranularityName = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';

const GRANULARITY: Record<PeriodGranularityName, PeriodLevel> = {
  MONTH: 'month',
  QUARTER: 'quarter',
  HALF_YEAR: 'half-year',
  YEAR: 'year',
};

/**
 * The engine's dimension behind each GraphQL dimension, and for the area the level: MUNICIPALITY and CLUSTER are two
 * levels of the one municipality dimension, so that a cluster is the exact total of its municipalities.
 */
const ENGINE_DIMENSION: Record<StatisticsDimensionName, { readonly name: string; readonly level?: string }> = {
  MUNICIPALITY: { name: 'municipality', level: 'municipality' },
  CLUSTER: { name: 'municipality', level: 'cluster' },
  PERIOD: { name: 'period' },
  AGE_BAND: { name: 'ageBand' },
  SEX: { name: 'sex' },
  TRACK: { name: 'track' },
  STEP: { name: 'step' },
  KIND: { name: 'kind' },
  SOURCE: { name: 'source' },
  ACUTENESS: { name: 'acuteness' },
  DECISION: { name: 'decision' },
  OUTCOME: { name: 'outcome' },
  STATUS: { name: 'status' },
  RESULT: { name: 'result' },
  REPLY: { name: 'reply' },
  KNOWN_TO_MUNICIPALITY: { name: 'known' },
};

/** The engine dimension's name for a GraphQL dimension (e.g. for a sector's SQL column aliases). */
export function engineDimensionName(dimension: StatisticsDimensionName): string {
  return ENGINE_DIMENSION[dimension].name;
}

/** The `StatisticsQuery` input as the generated resolver types give it. */
export interface StatisticsQueryInput {
  readonly from: string;
  readonly to: string;
  readonly by?: readonly StatisticsDimensionName[] | null;
  readonly periodGranularity?: PeriodGranularityName | null;
  readonly filters?: readonly { readonly dimension: StatisticsDimensionName; readonly key: string }[] | null;
}

/** A share a statistic publishes per row: the count at `numerator` over the count at `denominator` (nodes per dimension). */
export interface ShareSpec {
  readonly name: string;
  readonly description: string;
  readonly numerator: Readonly<Record<string, string>>;
  readonly denominator: Readonly<Record<string, string>>;
}

/** A statistic a sector serves: its cube per biennium and what each row carries besides the count. */
export interface StatisticDefinition {
  /** The cube's name, e.g. `letters`. */
  readonly name: string;
  /** What is counted, e.g. "Correspondence letters received by the municipalities from general practice". */
  readonly description: string;
  /** The cube of one biennium: dimensions (named as in ENGINE_DIMENSION), views, measures. */
  cube(biennium: Period): CubeSpec;
  /** Percentiles given for every measure of the cube; default the median and the 90th percentile. */
  readonly percentiles?: readonly number[];
  readonly shares?: readonly ShareSpec[];
}

/** An analyst's query, checked and translated for the engine. */
export interface StatisticsRequest {
  readonly statistic: StatisticDefinition;
  readonly period: Period;
  /** The biennium whose cube answers the query (one cube per biennium: README rule 4). */
  readonly biennium: Period;
  readonly spec: CubeSpec;
  readonly by: readonly StatisticsDimensionName[];
  readonly filters: readonly { readonly dimension: StatisticsDimensionName; readonly key: string }[];
  readonly query: CubeQuery;
  /** The area nodes the answer covers (municipality codes, cluster codes or REGION), for the access guard. */
  readonly areas: readonly string[];
}

/**
 * Checks an analyst's query against a statistic and translates it for the engine. Everything a person can get wrong
 * is BAD_USER_INPUT with what to do instead: a range that is not one whole calendar period, a dimension the
 * statistic lacks, the same dimension twice, a key that is not a value of its dimension, a granularity coarser than
 * the period. Combinations the statistic cannot break down together are refused by the engine's `select`.
 */
export function resolveStatisticsQuery(statistic: StatisticDefinition, input: StatisticsQueryInput): StatisticsRequest {
  const period = periodForRange(input.from, input.to, ['month', 'quarter', 'half-year', 'year', 'biennium'], {
    from: 'query.from',
    to: 'query.to',
  });
  const biennium = periodContaining(period.start, 'biennium', 'query.from');
  const spec = statistic.cube(biennium);
  const dimensionOf = (dimension: StatisticsDimensionName, field: string): Dimension => {
    const engine = ENGINE_DIMENSION[dimension];
    const found = spec.dimensions.find((d) => d.name === engine.name);
    if (!found) {
      throw badUserInput(
        `The statistic ${statistic.name} has no dimension ${dimension}; it has ${availableDimensions(spec).join(', ')}`,
        { field },
      );
    }
    return found;
  };
  const filters = input.filters ?? [];
  const by = input.by ?? [];
  const fixed = new Map<string, { dimension: StatisticsDimensionName; key: string }>();
  for (const filter of filters) {
    if (filter.dimension === 'PERIOD') {
      throw badUserInput('The period is given by query.from and query.to, not by a filter', { field: 'query.filters' });
    }
    const dimension = dimensionOf(filter.dimension, 'query.filters');
    if (fixed.has(dimension.name)) {
      throw badUserInput(
        `Only one filter per dimension: ${fixed.get(dimension.name)!.dimension} and ${filter.dimension} both fix the ${dimension.label.toLowerCase()}`,
        { field: 'query.filters' },
      );
    }
    const node = dimension.nodes.get(filter.key);
    const level = ENGINE_DIMENSION[filter.dimension].level;
    if (!node || node.parent === null || (level !== undefined && node.level !== level)) {
      const keys = level !== undefined ? nodesAtLevel(dimension, level) : dimension.order.filter((k) => k !== dimension.root);
      throw badUserInput(`"${filter.key}" is not a value of ${filter.dimension} in ${statistic.name}; use one of ${keys.join(', ')}`, {
        field: 'query.filters',
      });
    }
    fixed.set(dimension.name, filter);
  }
  const query: Record<string, string | readonly string[]> = {};
  const grouped = new Map<string, StatisticsDimensionName>();
  for (const dimensionName of by) {
    const dimension = dimensionOf(dimensionName, 'query.by');
    if (grouped.has(dimension.name)) {
      throw badUserInput(
        grouped.get(dimension.name) === dimensionName
          ? `${dimensionName} is in query.by twice`
          : `${grouped.get(dimension.name)} and ${dimensionName} are two levels of one dimension: break down by one of them (filter on a cluster to get its municipalities)`,
        { field: 'query.by' },
      );
    }
    grouped.set(dimension.name, dimensionName);
    const within = fixed.get(dimension.name)?.key ?? dimension.root;
    let keys: string[];
    if (dimensionName === 'PERIOD') {
      const granularity = GRANULARITY[input.periodGranularity ?? 'MONTH'];
      if (PERIOD_ORDER.indexOf(granularity) > PERIOD_ORDER.indexOf(period.level)) {
        throw badUserInput(`A ${period.level} cannot be broken down into ${granularity}s; choose a finer periodGranularity`, {
          field: 'query.periodGranularity',
        });
      }
      keys = periodsWithin(period, granularity).map((p) => p.key);
    } else {
      const level = ENGINE_DIMENSION[dimensionName].level;
      const candidates = level !== undefined ? nodesAtLevel(dimension, level) : dimension.leaves;
      keys = candidates.filter((key) => isUnder(dimension, key, within));
      if (keys.length === 0) keys = [within];
    }
    query[dimension.name] = keys;
  }
  for (const [name, filter] of fixed) if (!grouped.has(name)) query[name] = filter.key;
  if (!grouped.has('period')) query['period'] = period.key;
  const area = spec.dimensions.find((d) => d.name === 'municipality');
  const areaSelection = query['municipality'];
  const areas = area === undefined ? [] : areaSelection === undefined ? [area.root] : typeof areaSelection === 'string' ? [areaSelection] : areaSelection;
  return { statistic, period, biennium, spec, by, filters, query, areas };
}

const PERIOD_ORDER: readonly PeriodLevel[] = ['month', 'quarter', 'half-year', 'year', 'biennium'];

function availableDimensions(spec: CubeSpec): StatisticsDimensionName[] {
  const names = new Set(spec.dimensions.map((d) => d.name));
  return STATISTICS_DIMENSIONS.filter((d) => names.has(ENGINE_DIMENSION[d].name));
}

function isUnder(dimension: Dimension, node: string, ancestor: string): boolean {
  for (let n: string | null = node; n !== null; n = dimension.nodes.get(n)!.parent) if (n === ancestor) return true;
  return false;
}

/** The GraphQL `StatisticsCoordinate`. */
export interface StatisticsCoordinateShape {
  readonly dimension: StatisticsDimensionName;
  readonly key: string;
  readonly label: string;
}

export interface StatisticsPercentileShape {
  readonly measure: string;
  readonly percentile: number;
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface StatisticsShareShape {
  readonly name: string;
  readonly description: string;
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface StatisticsRowShape {
  key: StatisticsCoordinateShape[];
  readonly count: number | null;
  readonly suppressed: boolean;
  percentiles: StatisticsPercentileShape[];
  shares: StatisticsShareShape[];
}

/** The GraphQL `StatisticsTable`: what a sector's statistics resolver returns. */
// Mutable arrays, as the generated resolver types have them.
export interface StatisticsTableShape {
  readonly statistic: string;
  readonly description: string;
  readonly period: StatisticsCoordinateShape;
  by: StatisticsDimensionName[];
  filters: StatisticsCoordinateShape[];
  rows: StatisticsRowShape[];
  readonly suppression: {
    readonly threshold: number;
    readonly suppressedRows: number;
    readonly statisticCells: number;
    readonly statisticSuppressedCells: number;
    readonly method: string;
  };
}

export const SUPPRESSION_METHOD =
  'Counts from 1 to 4 are hidden, with the zeros that break such a count down; further cells are hidden (secondary ' +
  'suppression, checked by exact linear algebra) until no hidden count can be recomputed from anything the statistic ' +
  'shows for the biennium, whatever dimensions and filters are combined. Percentiles only over shown groups of at ' +
  'least 5, never a group\'s smallest or largest value; shares only of shown counts.';

/**
 * The answer to a request from its protected cube, in the GraphQL shape. Percentiles of a measure recorded for part
 * of the facts only (reply times: answered letters) are taken from that part of each row's group, and shares from
 * the row's group, when the request leaves the dimensions they need at their total; else they are null.
 */
export function statisticsTable(request: StatisticsRequest, cube: ProtectedCube): StatisticsTableShape {
  const { statistic, spec, query } = request;
  if (cube.name !== spec.name) throw new Error(`the request is for ${spec.name}, the cube is ${cube.name}`);
  const table = cube.select(query);
  const ps = statistic.percentiles ?? [0.5, 0.9];
  const views = cube.views;
  const detailed = (q: CubeQuery) =>
    spec.dimensions.filter((d) => {
      const s = q[d.name];
      return s !== undefined && s !== d.root;
    }).map((d) => d.name);
  const inSomeView = (q: CubeQuery) => {
    const needed = detailed(q);
    return views.some((view) => needed.every((name) => view.includes(name)));
  };
  const untouched = (names: readonly string[]) => names.every((name) => query[name] === undefined);
  const rowKey = (key: Readonly<Record<string, string>>) => table.dimensions.map((d) => key[d]).join('|');
  const lookup = (q: CubeQuery, options?: { percentiles?: readonly PercentileRequest[] }) => {
    if (!inSomeView(q)) return null;
    return new Map(cube.select(q, options).rows.map((row) => [rowKey(row.key), row]));
  };

  const percentileTables = (spec.measures ?? []).map((measure) => {
    const restricted = Object.entries(measure.recordedFor ?? {});
    const request: PercentileRequest = { measure: measure.name, percentiles: ps };
    // The measure's part of each group, where the query leaves the measure's dimensions at their total.
    const q = untouched(restricted.map(([name]) => name)) ? { ...query, ...Object.fromEntries(restricted) } : query;
    return { measure: measure.name, rows: lookup(q, { percentiles: [request] }) };
  });
  const shareTables = (statistic.shares ?? []).map((share) => {
    const names = [...Object.keys(share.numerator), ...Object.keys(share.denominator)];
    const applicable = untouched(names);
    return {
      share,
      numerator: applicable ? lookup({ ...query, ...share.numerator }) : null,
      denominator: applicable ? lookup({ ...query, ...share.denominator }) : null,
    };
  });

  const coordinate = (name: string, key: string): StatisticsCoordinateShape => {
    const dimension = spec.dimensions.find((d) => d.name === name)!;
    const node = dimension.nodes.get(key)!;
    return { dimension: gqlDimension(request, name, node.level), key, label: node.label };
  };
  const rows = table.rows.map((row): StatisticsRowShape => {
    const id = rowKey(row.key);
    const percentiles = percentileTables.flatMap(({ measure, rows: measureRows }) =>
      ps.map((p): StatisticsPercentileShape => {
        const value = measureRows?.get(id)?.percentiles?.[`${measure}@${p}`] ?? null;
        return { measure, percentile: p, ...valueShape(value) };
      }),
    );
    const shares = shareTables.map(({ share, numerator, denominator }): StatisticsShareShape => {
      const n = numerator?.get(id)?.count;
      const d = denominator?.get(id)?.count;
      const value = n && d ? publishedShare(n, d) : null;
      return { name: share.name, description: share.description, ...valueShape(value) };
    });
    return {
      key: table.dimensions.map((name) => coordinate(name, row.key[name]!)),
      ...countShape(row.count),
      percentiles,
      shares,
    };
  });
  const summary = cube.summary();
  return {
    statistic: statistic.name,
    description: statistic.description,
    period: { dimension: 'PERIOD', key: request.period.key, label: periodLabel(request.period) },
    by: [...request.by],
    filters: request.filters.map((filter) => coordinate(ENGINE_DIMENSION[filter.dimension].name, filter.key)),
    rows,
    suppression: {
      threshold: table.threshold,
      suppressedRows: rows.filter((row) => row.suppressed).length,
      statisticCells: summary.cells,
      statisticSuppressedCells: summary.hidden,
      method: SUPPRESSION_METHOD,
    },
  };
}

/** The GraphQL dimension of an engine dimension's node: the area's level tells MUNICIPALITY from CLUSTER. */
function gqlDimension(request: StatisticsRequest, name: string, level: string): StatisticsDimensionName {
  if (name === 'municipality') return level === 'cluster' ? 'CLUSTER' : 'MUNICIPALITY';
  const asked = [...request.by, ...request.filters.map((f) => f.dimension)].find((d) => ENGINE_DIMENSION[d].name === name);
  if (asked) return asked;
  const found = STATISTICS_DIMENSIONS.find((d) => ENGINE_DIMENSION[d].name === name);
  if (!found) throw new Error(`the engine dimension ${name} has no GraphQL dimension`);
  return found;
}

function countShape(value: PublishedValue): { count: number | null; suppressed: boolean } {
  return isShown(value) ? { count: value.value, suppressed: false } : { count: null, suppressed: true };
}

function valueShape(value: PublishedValue | null): { value: number | null; suppressed: boolean } {
  if (value === null) return { value: null, suppressed: false };
  return isShown(value) ? { value: value.value, suppressed: false } : { value: null, suppressed: true };
}

/**
 * The days whose facts a cube of `biennium` counts on `today`: from its first day to the end of the last whole month
 * (README, limits: an open month's figures would change, and with them the suppression, from day to day), or null
 * when no month of it has closed yet.
 */
export function closedFactsRange(biennium: Period, today: string): { from: string; to: string } | null {
  const lastClosed = periodContaining(today, 'month', 'today');
  const endOfLastClosed = new Date(Date.UTC(Number(lastClosed.start.slice(0, 4)), Number(lastClosed.start.slice(5, 7)) - 1, 0, 12));
  const end = endOfLastClosed.toISOString().slice(0, 10);
  if (end < biennium.start) return null;
  return { from: biennium.start, to: end < biennium.end ? end : biennium.end };
}

const cubesOfRequest = new WeakMap<object, Map<string, Promise<ProtectedCube>>>();

/**
 * One protected cube per statistic and biennium per request: an operation with several statistics fields (the
 * status report asks six tables of letters at once) counts and protects the cube once. Keyed by the request's
 * context object, so nothing outlives the request (replies to old letters change the figures between requests).
 */
export function protectedCubeOfRequest(request: object, key: string, make: () => Promise<ProtectedCube>): Promise<ProtectedCube> {
  let cubes = cubesOfRequest.get(request);
  if (!cubes) cubesOfRequest.set(request, (cubes = new Map()));
  let cube = cubes.get(key);
  if (!cube) {
    cube = make();
    cubes.set(key, cube);
    // A failed count is not kept: the next field of the request tries again and reports its own error.
    cube.catch(() => cubes.delete(key));
  }
  return cube;
}

const recentCubes = new Map<string, ProtectedCube>();
const RECENT_CUBES = 8;

/**
 * `protectCube`, remembering the last few results by their input: the same leaf counts give the same protected cube
 * (the engine is deterministic and does not depend on the order of the rows), so an analyst's next query, and the
 * status report's many, cost the one SQL statement that counts the leaves but not another protection, which takes
 * seconds for a large cube. Any changed fact changes the key, so nothing stale is ever served.
 */
export function protectCubeRemembered(spec: CubeSpec, counts: readonly LeafCount[], measures: readonly LeafMeasureCount[] = []): ProtectedCube {
  const names = spec.dimensions.map((d) => d.name);
  const line = (row: LeafCount | LeafMeasureCount) =>
    `${names.map((n) => row.at[n]).join('|')}|${'measure' in row ? `${row.measure}=${row.value}` : ''}#${row.count}`;
  const hash = createHash('sha256').update(JSON.stringify({ spec: specKey(spec) }));
  for (const text of [...counts, ...measures].map(line).sort()) hash.update(text).update('\n');
  const key = hash.digest('hex');
  const known = recentCubes.get(key);
  if (known) {
    // Most recently used last.
    recentCubes.delete(key);
    recentCubes.set(key, known);
    return known;
  }
  const cube = protectCube(spec, counts, measures);
  recentCubes.set(key, cube);
  if (recentCubes.size > RECENT_CUBES) recentCubes.delete(recentCubes.keys().next().value!);
  return cube;
}

/** What makes two specs protect differently: name, dimensions with their trees, views, measures, threshold. */
function specKey(spec: CubeSpec): unknown {
  return {
    name: spec.name,
    dimensions: spec.dimensions.map((d) => [d.name, d.order.map((key) => [key, d.nodes.get(key)!.parent])]),
    views: spec.views ?? null,
    measures: spec.measures ?? null,
    threshold: spec.threshold ?? null,
  };
}
