import { isShown, SUPPRESSED_MARK, type PublishedValue } from '../published.ts';
import type { ReportTable, Unit } from './sections.ts';

/**
 * CSV of a report table, for analysts' own tools: RFC 4180 (comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a double quote or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel, which
 * many of the region's analysts use, reads æ, ø and å right (Danish Excel opens a comma-separated file best through
 * Data > From Text/CSV). Values are plain numbers: counts and days as integers, shares as percent with one decimal
 * (the header says "%"); a hidden value is the same `x` as in the HTML, an empty field means "not applicable".
 */
export const CSV_BOM = '\uFEFF';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvValue(value: PublishedValue | null, unit: Unit): string {
  if (value === null) return '';
  if (!isShown(value)) return SUPPRESSED_MARK;
  return unit === 'share' ? (value.value * 100).toFixed(1) : String(value.value);
}

function header(label: string, unit: Unit): string {
  return unit === 'share' ? `${label} (%)` : unit === 'count' ? label : `${label} (${unit})`;
}

export function toCsv(table: ReportTable): string {
  const lines = [
    [table.rowHeader, 'Area code', 'Level', ...table.columns.map((c) => header(c.label, c.unit))],
    ...table.rows.map((row) => [row.label, row.key, row.level, ...row.cells.map((cell, i) => csvValue(cell, table.columns[i]!.unit))]),
  ];
  return CSV_BOM + lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
