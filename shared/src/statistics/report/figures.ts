import { municipalityDimension } from '../dimensions.ts';
import { isShown, type PublishedTable, type PublishedValue } from '../published.ts';

/**
 * The figures of the administrative status on the collaboration (agreement section 9), for one period, every value
 * already protected by the engine (cube.ts). Per area means per municipality, per health cluster and for the region:
 * `Record<areaKey, ...>` with the keys of the municipality dimension ('751', 'AARHUS', 'REGION').
 */
export interface StatusReportFigures {
  /** A period key: the biennium, year or half-year the figures cover. */
  readonly period: string;
  /** The half-years of the period, for the trends (e.g. 2025-H1 ... 2026-H2). */
  readonly halfYears: readonly string[];
  /** True for demo figures; the report then says so on every page. */
  readonly synthetic: boolean;
  /** Where the figures come from, in a few words. */
  readonly source: string;
  /**
   * Each family of figures, or null when the provider has none of it (the graph provider before a sector serves
   * that statistic): the report then says so in the family's section instead of its tables and charts.
   */
  readonly letters: LetterFigures | null;
  readonly referrals: ReferralFigures | null;
  readonly advisory: AdvisoryFigures | null;
  readonly screening: ScreeningFigures | null;
  /** The protected cubes behind the figures, with how many of their cells are hidden. */
  readonly suppression: readonly { readonly cube: string; readonly cells: number; readonly hidden: number }[];
  readonly threshold: number;
}

export type AreaValues = Readonly<Record<string, PublishedValue | null>>;
/** Per area, per column key (a half-year, a category). */
export type AreaTable = Readonly<Record<string, Readonly<Record<string, PublishedValue | null>>>>;

export interface Category {
  readonly key: string;
  readonly label: string;
}

export interface LetterFigures {
  /** Letters per area, per half-year and for the whole period (column key = period key). */
  readonly count: AreaTable;
  /** Share of answered letters answered within the deadline, for the period. */
  readonly answeredWithinDeadline: AreaValues;
  /** Working days from receipt to reply, of answered letters. */
  readonly replyWorkingDaysMedian: AreaValues;
  readonly replyWorkingDaysP90: AreaValues;
  /** Share of letters about children already known to the municipality (the Herning pilot found most were). */
  readonly knownToMunicipality: AreaValues;
}

export interface ReferralFigures {
  /** Referrals per area, per half-year and for the whole period. */
  readonly count: AreaTable;
  readonly bySource: CategoryFigures;
  readonly byAcuteness: CategoryFigures;
  readonly byDecision: CategoryFigures;
  readonly byOutcome: CategoryFigures;
  /** Days from referral to the visitation decision, and to the assessment. */
  readonly daysToVisitationMedian: AreaValues;
  readonly daysToVisitationP90: AreaValues;
  readonly daysToAssessmentMedian: AreaValues;
  readonly daysToAssessmentP90: AreaValues;
}

export interface CategoryFigures {
  readonly categories: readonly Category[];
  /** Per area, per category key, for the period. */
  readonly values: AreaTable;
}

export interface AdvisoryFigures {
  readonly kinds: readonly Category[];
  /** Slot statuses: offered, booked, used, cancelled. */
  readonly statuses: readonly Category[];
  /** Per area, per `${kind}:${status}`, for the period. */
  readonly values: AreaTable;
}

export interface ScreeningFigures {
  readonly tracks: readonly Category[];
  /** Screenings, positive screenings, positive screenings with an action plan (screenings, not children). */
  readonly measures: readonly Category[];
  /** Per area, per `${track}:${measure}`, for the period. */
  readonly values: AreaTable;
}

export interface Area {
  readonly key: string;
  readonly label: string;
  readonly level: 'region' | 'cluster' | 'municipality';
}

/** The region, then each cluster followed by its municipalities: the order of every table of the report. */
export function reportAreas(): Area[] {
  const dimension = municipalityDimension();
  return dimension.order.map((key) => {
    const node = dimension.nodes.get(key)!;
    return { key, label: node.label, level: node.level as Area['level'] };
  });
}

/** Every count of the figures, for the last check before rendering (see assertFiguresProtected). */
function* counts(figures: StatusReportFigures): Generator<PublishedValue | null> {
  const { letters, referrals, advisory, screening } = figures;
  const tables: AreaTable[] = [
    ...(letters ? [letters.count] : []),
    ...(referrals
      ? [referrals.count, referrals.bySource.values, referrals.byAcuteness.values, referrals.byDecision.values, referrals.byOutcome.values]
      : []),
    ...(advisory ? [advisory.values] : []),
    ...(screening ? [screening.values] : []),
  ];
  for (const table of tables) for (const row of Object.values(table)) yield* Object.values(row);
}

/**
 * Defence in depth: the renderer refuses figures that show a count from 1 to threshold - 1. The engine already
 * hid those; a provider that assembled figures by hand would be caught here.
 */
export function assertFiguresProtected(figures: StatusReportFigures): void {
  for (const value of counts(figures)) {
    if (isShown(value) && value.value > 0 && value.value < figures.threshold) {
      throw new Error(`the figures for ${figures.period} show a count below ${figures.threshold}: they did not come from the suppression engine`);
    }
  }
}

/** Reads a published table of the engine (one area dimension and one other) into per-area columns. */
export function areaTable(table: PublishedTable, column: (key: Readonly<Record<string, string>>) => string): AreaTable {
  const result: Record<string, Record<string, PublishedValue | null>> = {};
  for (const row of table.rows) {
    const area = row.key['municipality'] ?? table.fixed['municipality']!;
    (result[area] ??= {})[column(row.key)] = row.count;
  }
  return result;
}

/** Reads one percentile of a published table into per-area values. */
export function areaPercentile(table: PublishedTable, name: string): AreaValues {
  const result: Record<string, PublishedValue | null> = {};
  for (const row of table.rows) result[row.key['municipality'] ?? table.fixed['municipality']!] = row.percentiles?.[name] ?? null;
  return result;
}
