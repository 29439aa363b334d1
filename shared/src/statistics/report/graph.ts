import type { SectorSubgraphName } from '../../registry.ts';
import type { StatisticsQueryInput, StatisticsTableShape } from '../graphql.ts';
import { periodsWithin, type Period } from '../periods.ts';
import type { PublishedValue } from '../published.ts';
import type { AreaTable, AreaValues, LetterFigures, StatusReportFigures } from './figures.ts';
import type { StatusFiguresProvider } from './provider.ts';
import { advisoryFigures, referralFigures, screeningFigures } from './sector-families.ts';

/**
 * The status report's figures from the graph: each family of figures is one function that asks its sector's
 * statistics field as an analyst (through the gateway for `npm run report`, or the sector directly from the pathway
 * subgraph's `statusReport`), and maps the protected tables onto the report's areas and periods. The tables come
 * out of the sectors' engine already protected; nothing here computes a count.
 *
 * A family whose function is missing from FIGURE_FAMILIES is null in the figures, and the report says it has none.
 */

/** Asks one sector's statistics: `document` is a GraphQL operation, the answer its `data` (errors throw). */
export interface StatisticsClient {
  query<T>(sector: SectorSubgraphName, document: string, variables: Record<string, unknown>): Promise<T>;
}

const TABLE_FIELDS = `statistic by
  rows { key { dimension key label } count suppressed percentiles { measure percentile value suppressed } shares { name value suppressed } }
  suppression { threshold suppressedRows statisticCells statisticSuppressedCells }`;

/** A statistics table as the report asks for it (the fields of TABLE_FIELDS). */
interface Table {
  readonly statistic: string;
  readonly by: readonly string[];
  readonly rows: readonly {
    readonly key: readonly { readonly dimension: string; readonly key: string; readonly label: string }[];
    readonly count: number | null;
    readonly suppressed: boolean;
    readonly percentiles: readonly { readonly measure: string; readonly percentile: number; readonly value: number | null; readonly suppressed: boolean }[];
    readonly shares: readonly { readonly name: string; readonly value: number | null; readonly suppressed: boolean }[];
  }[];
  readonly suppression: Omit<StatisticsTableShape['suppression'], 'method'>;
}

/** The queries of one family, sent as one operation (aliases), so the sector protects its cube once per report. */
async function ask(
  client: StatisticsClient,
  sector: SectorSubgraphName,
  field: string,
  queries: Readonly<Record<string, StatisticsQueryInput>>,
): Promise<Record<string, Table>> {
  const names = Object.keys(queries);
  const document = `query StatusReportFigures(${names.map((n) => `$${n}: StatisticsQuery!`).join(', ')}) {
    ${names.map((n) => `${n}: ${field}(query: $${n}) { ${TABLE_FIELDS} }`).join('\n    ')}
  }`;
  return client.query<Record<string, Table>>(sector, document, queries);
}

const count = (row: Table['rows'][number]): PublishedValue => (row.suppressed ? { suppressed: true } : { value: row.count! });
const value = (v: { value: number | null; suppressed: boolean } | undefined): PublishedValue | null =>
  v === undefined ? null : v.suppressed ? { suppressed: true } : v.value === null ? null : { value: v.value };

/** The row's area: its MUNICIPALITY or CLUSTER coordinate, or the region when the table has no area breakdown. */
const areaOf = (row: Table['rows'][number]) => row.key.find((k) => k.dimension === 'MUNICIPALITY' || k.dimension === 'CLUSTER')?.key ?? 'REGION';

/** Per area and column (a half-year or the whole period), from tables by area (and PERIOD). */
function areaTable(tables: readonly Table[], period: Period): AreaTable {
  const result: Record<string, Record<string, PublishedValue | null>> = {};
  for (const table of tables) {
    for (const row of table.rows) {
      const column = row.key.find((k) => k.dimension === 'PERIOD')?.key ?? period.key;
      (result[areaOf(row)] ??= {})[column] = count(row);
    }
  }
  return result;
}

function areaValues(tables: readonly Table[], pick: (row: Table['rows'][number]) => PublishedValue | null): AreaValues {
  const result: Record<string, PublishedValue | null> = {};
  for (const table of tables) for (const row of table.rows) result[areaOf(row)] = pick(row);
  return result;
}

/** The same breakdown at the three levels of the area: municipalities, clusters and the region. */
function byArea(query: Omit<StatisticsQueryInput, 'by'>, by: StatisticsQueryInput['by'] = []): Record<string, StatisticsQueryInput> {
  return {
    municipalities: { ...query, by: ['MUNICIPALITY', ...(by ?? [])] },
    clusters: { ...query, by: ['CLUSTER', ...(by ?? [])] },
    region: { ...query, by: [...(by ?? [])] },
  };
}

interface Family<T> {
  (client: StatisticsClient, period: Period): Promise<{ figures: T; tables: readonly Table[] }>;
}

/** Letters per area and half-year, reply times, the share within the deadline and about known children (municipality). */
export const letterFigures: Family<LetterFigures> = async (client, period) => {
  const range = { from: period.start, to: period.end };
  const halves = byArea({ ...range, periodGranularity: 'HALF_YEAR' }, ['PERIOD']);
  const whole = byArea(range);
  const answer = await ask(client, 'municipality', 'letterStatistics', {
    halvesM: halves['municipalities']!,
    halvesC: halves['clusters']!,
    halvesR: halves['region']!,
    wholeM: whole['municipalities']!,
    wholeC: whole['clusters']!,
    wholeR: whole['region']!,
  });
  const totals = [answer['wholeM']!, answer['wholeC']!, answer['wholeR']!];
  const halvesTables = [answer['halvesM']!, answer['halvesC']!, answer['halvesR']!];
  const percentile = (p: number) => (row: Table['rows'][number]) =>
    value(row.percentiles.find((x) => x.measure === 'replyWorkingDays' && x.percentile === p));
  const share = (name: string) => (row: Table['rows'][number]) => value(row.shares.find((s) => s.name === name));
  return {
    figures: {
      count: mergeAreaTables(areaTable(halvesTables, period), areaTable(totals, period)),
      answeredWithinDeadline: areaValues(totals, share('answeredWithinDeadline')),
      replyWorkingDaysMedian: areaValues(totals, percentile(0.5)),
      replyWorkingDaysP90: areaValues(totals, percentile(0.9)),
      knownToMunicipality: areaValues(totals, share('knownToMunicipality')),
    },
    tables: [...totals, ...halvesTables],
  };
};

function mergeAreaTables(a: AreaTable, b: AreaTable): AreaTable {
  const result: Record<string, Record<string, PublishedValue | null>> = {};
  for (const table of [a, b]) for (const [area, row] of Object.entries(table)) Object.assign((result[area] ??= {}), row);
  return result;
}

/**
 * The families the graph serves so far. The BUA and screening statistics join as functions of the same shape
 * (referrals, advisory, screening).
 */
export const FIGURE_FAMILIES = {
  letters: letterFigures,
  referrals: referralFigures,
  advisory: advisoryFigures,
  screening: screeningFigures,
} satisfies Partial<Record<'letters' | 'referrals' | 'advisory' | 'screening', Family<unknown>>>;

/** The report's figures from the sectors' statistics fields, as the analyst the client signs in as. */
export function graphFiguresProvider(client: StatisticsClient, description = 'the sectors\' statistics in the graph'): StatusFiguresProvider {
  return {
    description,
    synthetic: false,
    async figures(period) {
      const asked = [
        FIGURE_FAMILIES.letters(client, period),
        FIGURE_FAMILIES.referrals(client, period),
        FIGURE_FAMILIES.advisory(client, period),
        FIGURE_FAMILIES.screening(client, period),
      ] as const;
      // Asked at once, but a refusal is reported in the families' order, not whichever sector answered first, so the
      // person running the report reads the same message every time: once all have settled, Promise.all rejects
      // with the first rejected in array order.
      await Promise.allSettled(asked);
      const [letters, referrals, advisory, screening] = await Promise.all(asked);
      const families = [letters, referrals, advisory, screening];
      const suppression = new Map<string, { cube: string; cells: number; hidden: number }>();
      for (const family of families) {
        for (const table of family.tables) {
          suppression.set(table.statistic, { cube: table.statistic, cells: table.suppression.statisticCells, hidden: table.suppression.statisticSuppressedCells });
        }
      }
      const threshold = Math.max(5, ...families.flatMap((f) => f.tables.map((t) => t.suppression.threshold)));
      const figures: StatusReportFigures = {
        period: period.key,
        halfYears: period.level === 'half-year' ? [period.key] : periodsWithin(period, 'half-year').map((p) => p.key),
        synthetic: false,
        source: description,
        letters: letters.figures,
        referrals: referrals.figures,
        advisory: advisory.figures,
        screening: screening.figures,
        suppression: [...suppression.values()],
        threshold,
      };
      return figures;
    },
  };
}

/** A client that sends every sector's query to the gateway, with the analyst's bearer token. */
export function gatewayStatisticsClient(gatewayUrl: string, authorization: string, fetchImpl: typeof fetch = fetch): StatisticsClient {
  return {
    async query<T>(_sector: SectorSubgraphName, document: string, variables: Record<string, unknown>): Promise<T> {
      return postStatistics<T>(fetchImpl, gatewayUrl, { authorization }, document, variables);
    },
  };
}

/** Posts one operation; a GraphQL error (e.g. FORBIDDEN for a non-analyst) is thrown with its code. */
export async function postStatistics<T>(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  document: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (body.errors?.length || !body.data) {
    const error = body.errors?.[0];
    throw new StatisticsRequestError(error?.message ?? `${url} answered ${response.status} without data`, String(error?.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR'));
  }
  return body.data;
}

export class StatisticsRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
