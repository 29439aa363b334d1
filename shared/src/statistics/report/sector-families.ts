import type { SectorSubgraphName } from '../../registry.ts';
import type {
  StatisticsCoordinateShape,
  StatisticsDimensionName,
  StatisticsPercentileShape,
  StatisticsQueryInput,
  StatisticsTableShape,
} from '../graphql.ts';
import type { Period } from '../periods.ts';
import type { PublishedValue } from '../published.ts';
import type { AdvisoryFigures, AreaTable, AreaValues, Category, CategoryFigures, ReferralFigures, ScreeningFigures } from './figures.ts';

/**
 * The report's families of BUA and screening figures from the sectors' statistics fields (buaReferralStatistics,
 * buaAssessmentStatistics, buaAdvisoryStatistics, screeningStatistics), each one function of the shape of the graph
 * provider's families: ask the sector as an analyst (one operation per family, so the sector protects each cube once)
 * and map the protected tables onto the report's areas and columns. Nothing here computes a count.
 */

/** Asks one sector's statistics: `document` is a GraphQL operation, the answer its `data` (errors throw). */
export interface SectorStatisticsClient {
  query<T>(sector: SectorSubgraphName, document: string, variables: Record<string, unknown>): Promise<T>;
}

/** A table as the operation below selects it (the JSON of the answer, so its arrays are plain arrays). */
interface Row {
  key: StatisticsCoordinateShape[];
  count: number | null;
  suppressed: boolean;
  percentiles: StatisticsPercentileShape[];
  shares: { name: string; description: string; value: number | null; suppressed: boolean }[];
}
export interface FamilyTable {
  statistic: string;
  by: StatisticsDimensionName[];
  rows: Row[];
  suppression: Omit<StatisticsTableShape['suppression'], 'method'>;
}

const TABLE_FIELDS = `statistic by
  rows { key { dimension key label } count suppressed percentiles { measure percentile value suppressed } shares { name description value suppressed } }
  suppression { threshold suppressedRows statisticCells statisticSuppressedCells }`;

async function ask(
  client: SectorStatisticsClient,
  sector: SectorSubgraphName,
  field: string,
  queries: Readonly<Record<string, StatisticsQueryInput>>,
): Promise<Record<string, FamilyTable>> {
  const names = Object.keys(queries);
  const document = `query StatusReportFigures(${names.map((n) => `$${n}: StatisticsQuery!`).join(', ')}) {
    ${names.map((n) => `${n}: ${field}(query: $${n}) { ${TABLE_FIELDS} }`).join('\n    ')}
  }`;
  return client.query<Record<string, FamilyTable>>(sector, document, queries);
}

const countOf = (row: Row): PublishedValue => (row.suppressed ? { suppressed: true } : { value: row.count! });
const valueOf = (v: { value: number | null; suppressed: boolean } | undefined): PublishedValue | null =>
  v === undefined ? null : v.suppressed ? { suppressed: true } : v.value === null ? null : { value: v.value };
const areaOf = (row: Row) => row.key.find((k) => k.dimension === 'MUNICIPALITY' || k.dimension === 'CLUSTER')?.key ?? 'REGION';
const keyOf = (row: Row, dimension: string) => row.key.find((k) => k.dimension === dimension)?.key;

/** The same query at the three levels of the area: municipalities, clusters and the region. */
function atEveryArea(prefix: string, query: StatisticsQueryInput): Record<string, StatisticsQueryInput> {
  const by = query.by ?? [];
  return {
    [`${prefix}M`]: { ...query, by: ['MUNICIPALITY', ...by] },
    [`${prefix}C`]: { ...query, by: ['CLUSTER', ...by] },
    [`${prefix}R`]: { ...query, by: [...by] },
  };
}
const tablesOf = (answer: Record<string, FamilyTable>, prefix: string) => ['M', 'C', 'R'].map((level) => answer[`${prefix}${level}`]!);

/** Per area, per column: the column of a row is `column(row)`. */
function areaTable(tables: readonly FamilyTable[], column: (row: Row) => string): AreaTable {
  const result: Record<string, Record<string, PublishedValue | null>> = {};
  for (const table of tables) for (const row of table.rows) (result[areaOf(row)] ??= {})[column(row)] = countOf(row);
  return result;
}

function areaValues(tables: readonly FamilyTable[], pick: (row: Row) => PublishedValue | null): AreaValues {
  const result: Record<string, PublishedValue | null> = {};
  for (const table of tables) for (const row of table.rows) result[areaOf(row)] = pick(row);
  return result;
}

function mergeAreaTables(...tables: AreaTable[]): AreaTable {
  const result: Record<string, Record<string, PublishedValue | null>> = {};
  for (const table of tables) for (const [area, row] of Object.entries(table)) Object.assign((result[area] ??= {}), row);
  return result;
}

const percentile = (measure: string, p: number) => (row: Row) => valueOf(row.percentiles.find((x) => x.measure === measure && x.percentile === p));

/** The categories of a breakdown, in the order and with the labels the statistic gives them. */
function categoriesOf(tables: readonly FamilyTable[], dimension: string): Category[] {
  const seen = new Map<string, string>();
  for (const row of tables[tables.length - 1]!.rows) {
    const key = row.key.find((k) => k.dimension === dimension);
    if (key && !seen.has(key.key)) seen.set(key.key, key.label);
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

function categoryFigures(tables: readonly FamilyTable[], dimension: string): CategoryFigures {
  return { categories: categoriesOf(tables, dimension), values: areaTable(tables, (row) => keyOf(row, dimension)!) };
}

export interface FamilyResult<T> {
  readonly figures: T;
  readonly tables: readonly FamilyTable[];
}

/**
 * Referrals per area and half-year; by who referred, acuteness and visitation decision; assessments by outcome; the
 * days to visitation and to the start of the assessment (BUA).
 */
export async function referralFigures(client: SectorStatisticsClient, period: Period): Promise<FamilyResult<ReferralFigures>> {
  const range = { from: period.start, to: period.end };
  const referrals = await ask(client, 'bua', 'buaReferralStatistics', {
    ...atEveryArea('halves', { ...range, by: ['PERIOD'], periodGranularity: 'HALF_YEAR' }),
    ...atEveryArea('whole', range),
    ...atEveryArea('source', { ...range, by: ['SOURCE'] }),
    ...atEveryArea('acuteness', { ...range, by: ['ACUTENESS'] }),
    ...atEveryArea('decision', { ...range, by: ['DECISION'] }),
  });
  const assessments = await ask(client, 'bua', 'buaAssessmentStatistics', {
    ...atEveryArea('whole', range),
    ...atEveryArea('outcome', { ...range, by: ['OUTCOME'] }),
  });
  const whole = tablesOf(referrals, 'whole');
  const started = tablesOf(assessments, 'whole');
  return {
    figures: {
      count: mergeAreaTables(
        areaTable(tablesOf(referrals, 'halves'), (row) => keyOf(row, 'PERIOD')!),
        areaTable(whole, () => period.key),
      ),
      bySource: categoryFigures(tablesOf(referrals, 'source'), 'SOURCE'),
      byAcuteness: categoryFigures(tablesOf(referrals, 'acuteness'), 'ACUTENESS'),
      byDecision: categoryFigures(tablesOf(referrals, 'decision'), 'DECISION'),
      byOutcome: categoryFigures(tablesOf(assessments, 'outcome'), 'OUTCOME'),
      daysToVisitationMedian: areaValues(whole, percentile('daysToVisitation', 0.5)),
      daysToVisitationP90: areaValues(whole, percentile('daysToVisitation', 0.9)),
      daysToAssessmentMedian: areaValues(started, percentile('daysToAssessment', 0.5)),
      daysToAssessmentP90: areaValues(started, percentile('daysToAssessment', 0.9)),
    },
    tables: [...Object.values(referrals), ...Object.values(assessments)],
  };
}

/** Advisory slots offered, booked, used and cancelled, per kind of slot (BUA). */
export async function advisoryFigures(client: SectorStatisticsClient, period: Period): Promise<FamilyResult<AdvisoryFigures>> {
  const range = { from: period.start, to: period.end };
  const answer = await ask(client, 'bua', 'buaAdvisoryStatistics', {
    ...atEveryArea('offered', { ...range, by: ['KIND'] }),
    ...atEveryArea('booked', { ...range, by: ['KIND'], filters: [{ dimension: 'STATUS', key: 'BOOKED' }] }),
    ...atEveryArea('status', { ...range, by: ['KIND', 'STATUS'] }),
  });
  const offered = tablesOf(answer, 'offered');
  const statuses: Category[] = [
    { key: 'ALL', label: 'Offered' },
    { key: 'BOOKED', label: 'Booked' },
    { key: 'USED', label: 'Used' },
    { key: 'CANCELLED', label: 'Cancelled' },
  ];
  const byStatus = tablesOf(answer, 'status').map((table) => ({ ...table, rows: table.rows.filter((row) => ['USED', 'CANCELLED'].includes(keyOf(row, 'STATUS')!)) }));
  return {
    figures: {
      kinds: categoriesOf(offered, 'KIND'),
      statuses,
      values: mergeAreaTables(
        areaTable(offered, (row) => `${keyOf(row, 'KIND')}:ALL`),
        areaTable(tablesOf(answer, 'booked'), (row) => `${keyOf(row, 'KIND')}:BOOKED`),
        areaTable(byStatus, (row) => `${keyOf(row, 'KIND')}:${keyOf(row, 'STATUS')}`),
      ),
    },
    tables: Object.values(answer),
  };
}

/** Screenings, positive screenings and positive screenings with an action plan, per track (screening). */
export async function screeningFigures(client: SectorStatisticsClient, period: Period): Promise<FamilyResult<ScreeningFigures>> {
  const range = { from: period.start, to: period.end };
  const answer = await ask(client, 'screening', 'screeningStatistics', {
    ...atEveryArea('all', { ...range, by: ['TRACK'] }),
    ...atEveryArea('positive', { ...range, by: ['TRACK'], filters: [{ dimension: 'RESULT', key: 'POSITIVE' }] }),
    ...atEveryArea('planned', { ...range, by: ['TRACK'], filters: [{ dimension: 'RESULT', key: 'WITH_PLAN' }] }),
  });
  const all = tablesOf(answer, 'all');
  return {
    figures: {
      tracks: categoriesOf(all, 'TRACK'),
      measures: [
        { key: 'ALL', label: 'Screenings' },
        { key: 'POSITIVE', label: 'Positive' },
        { key: 'WITH_PLAN', label: 'Positive, with an action plan' },
      ],
      values: mergeAreaTables(
        areaTable(all, (row) => `${keyOf(row, 'TRACK')}:ALL`),
        areaTable(tablesOf(answer, 'positive'), (row) => `${keyOf(row, 'TRACK')}:POSITIVE`),
        areaTable(tablesOf(answer, 'planned'), (row) => `${keyOf(row, 'TRACK')}:WITH_PLAN`),
      ),
    },
    tables: Object.values(answer),
  };
}
