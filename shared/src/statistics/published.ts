import { SMALL_COUNT_THRESHOLD } from '../access/suppression.ts';

/**
 * A number as an analyst may see it: its value, or the fact that it is hidden. Hidden cells carry no reason: telling
 * a small count (1-4) from a cell hidden to protect it would leak, e.g. a total of 6 split into a hidden small
 * count and a hidden "protector" (0 or at least 5) pins the small count to 1.
 */
export type PublishedValue = { readonly value: number } | { readonly suppressed: true };

/** How a hidden cell is printed in tables and CSV (as Statistics Canada does): one mark for every hidden cell. */
export const SUPPRESSED_MARK = 'x';

export function isShown(v: PublishedValue | null | undefined): v is { readonly value: number } {
  return v !== null && v !== undefined && 'value' in v;
}

/**
 * numerator / denominator when both are shown; hidden when either is hidden (a share and its shown denominator
 * give the numerator back); null when the denominator is 0 (no share to speak of).
 */
export function publishedShare(numerator: PublishedValue, denominator: PublishedValue): PublishedValue | null {
  if (!isShown(numerator) || !isShown(denominator)) return { suppressed: true };
  if (denominator.value === 0) return null;
  return { value: numerator.value / denominator.value };
}

/** One cell of a published table: its coordinates (dimension -> node key), its count and any percentiles. */
export interface PublishedRow {
  readonly key: Readonly<Record<string, string>>;
  readonly count: PublishedValue;
  /** e.g. `{ 'replyWorkingDays@0.5': { value: 3 } }`; null where the group is empty. */
  readonly percentiles?: Readonly<Record<string, PublishedValue | null>>;
}

/** What a query of a protected cube returns, as plain data (JSON for GraphQL, input of the report). */
export interface PublishedTable {
  readonly cube: string;
  /** The dimensions the rows vary over, in order. */
  readonly dimensions: readonly string[];
  /** The dimensions fixed to one node (the filters and every dimension not asked for, at its total). */
  readonly fixed: Readonly<Record<string, string>>;
  readonly rows: readonly PublishedRow[];
  readonly threshold: number;
}

/**
 * Defence in depth for tables that arrive as plain data (e.g. over GraphQL): refuses one that shows a count from 1
 * to threshold - 1. It cannot check the secondary suppression; only the engine (cube.ts) makes tables.
 */
export function assertPublishable(table: PublishedTable): void {
  const threshold = Math.max(table.threshold, SMALL_COUNT_THRESHOLD);
  for (const row of table.rows) {
    if (isShown(row.count) && row.count.value > 0 && row.count.value < threshold) {
      throw new Error(`table ${table.cube} shows a count below ${threshold}; it was not made by the suppression engine`);
    }
  }
}

/** The row with these coordinates (the fixed ones need not be repeated). */
export function findRow(table: PublishedTable, key: Readonly<Record<string, string>>): PublishedRow | undefined {
  return table.rows.find((row) => table.dimensions.every((d) => key[d] === undefined || row.key[d] === key[d]));
}
