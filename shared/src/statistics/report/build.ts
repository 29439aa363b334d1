import { periodForRange, previousPeriod, type Period } from '../periods.ts';
import type { StatusFiguresProvider } from './provider.ts';
import { renderStatusReport, statusReportCsv } from './render.ts';

export interface BuiltStatusReport {
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly source: string;
  readonly html: string;
  /** File name -> CSV text, one per table. */
  readonly csv: ReadonlyMap<string, string>;
}

/** The status report of a whole half-year, year or biennium (BAD_USER_INPUT otherwise), against the period before. */
export function statusReportPeriod(from: string, to: string, fields = { from: 'from', to: 'to' }): Period {
  return periodForRange(from, to, ['half-year', 'year', 'biennium'], fields);
}

/** The report as `npm run report` writes it and `statusReport` returns it: the HTML and a CSV per table. */
export async function buildStatusReport(provider: StatusFiguresProvider, period: Period, generatedOn: string): Promise<BuiltStatusReport> {
  const before = previousPeriod(period);
  const current = await provider.figures(period);
  const previous = await provider.figures(before);
  const html = await renderStatusReport({ current, previous, generatedOn });
  return { period, previousPeriod: before, source: provider.description, html, csv: statusReportCsv({ current, previous }) };
}
