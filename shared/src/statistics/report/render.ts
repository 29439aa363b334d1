import { HEALTH_CLUSTERS_SOURCE } from '../clusters/clusters.ts';
import { parsePeriodKey, periodLabel } from '../periods.ts';
import { isShown, SUPPRESSED_MARK, type PublishedValue } from '../published.ts';
import { describeChanges } from './changes.ts';
import { renderChart } from './charts.ts';
import { toCsv } from './csv.ts';
import { assertFiguresProtected, type StatusReportFigures } from './figures.ts';
import { reportSections, type ReportSection, type ReportTable, type Unit } from './sections.ts';

/**
 * The administrative status on the collaboration (agreement section 9) as one self-contained HTML file: inline CSS
 * and inline SVG charts, no script, no font, no image, no link to anything outside the file, and print CSS so that
 * "print to PDF" gives one section per page. Also the same tables as CSV.
 */
export interface StatusReportInput {
  readonly current: StatusReportFigures;
  /** The period of the same length before, or null when there are no figures for it. */
  readonly previous: StatusReportFigures | null;
  /** YYYY-MM-DD. */
  readonly generatedOn: string;
}

export async function renderStatusReport(input: StatusReportInput): Promise<string> {
  const { current, previous } = input;
  assertFiguresProtected(current);
  if (previous) assertFiguresProtected(previous);
  const sections = reportSections(current, previous);
  const charts = new Map<string, string>();
  for (const section of sections) for (const chart of section.charts) charts.set(chart.id, await renderChart(chart.spec));
  const now = periodLabel(parsePeriodKey(current.period));
  const before = previous ? periodLabel(parsePeriodKey(previous.period)) : null;
  const title = `Children and young people in mental distress: administrative status ${now}`;
  const tables = sections.flatMap((s) => s.tables);
  const hiddenCells = tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c !== null && !isShown(c)).length, 0), 0);
  const allCells = tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
  const synthetic = current.synthetic || (previous?.synthetic ?? false);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${synthetic ? `<div class="banner" role="note">Synthetic demo figures: made up for testing, not real data.</div>` : ''}
<header>
<h1>${esc(title)}</h1>
<p class="lead">The collaboration agreement between Region Midtjylland, its 19 municipalities and PLO-Midtjylland on children and young people in mental distress asks for an administrative status every second year for Psykiatriforum and Sundhedsstyregruppen, followed in the political clusters (section 9). This status covers ${esc(now)}${before ? ` and compares it with ${esc(before)}` : ''}.</p>
<p class="meta">Generated ${esc(input.generatedOn)} from ${esc(current.source)}. Areas: the region, its five health clusters and their municipalities.</p>
</header>
<nav aria-label="Contents"><ol>
<li><a href="#changes">What changed</a></li>
${sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('\n')}
<li><a href="#suppression">Suppression applied</a></li>
</ol></nav>
<section id="changes" class="summary">
<h2>What changed since ${esc(before ?? 'the previous period')}</h2>
<ul>${describeChanges(current, previous).map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
<p class="note">Only figures shown in both periods are compared.</p>
</section>
${sections.map((s) => renderSection(s, charts)).join('\n')}
<section id="suppression" class="figure">
<h2>Suppression applied</h2>
<p>No count from 1 to ${current.threshold - 1} is shown. Where a shown total or the other cells of a table would let such a count be worked out, further cells are hidden too (secondary suppression), and a zero that would tell how a hidden small count splits is hidden as well. All tables and charts come from the same protected figures, so no table can be combined with another to recover a hidden value. Every hidden value is printed <b>${SUPPRESSED_MARK}</b>, whatever the reason; a chart leaves it out and marks it ${SUPPRESSED_MARK}.</p>
<p>Medians and 90th percentiles (nearest rank: the value at rank ⌈p·n⌉) are shown only for groups whose count is shown, and never when the percentile is the group's smallest or largest value. Shares are shown only when both their numerator and their denominator are.</p>
<p>In this report ${hiddenCells} of ${allCells} table cells are hidden.</p>
<table class="figures"><caption>Protected statistics behind the report</caption>
<thead><tr><th scope="col">Statistic</th><th scope="col">Cells (every combination of area, period and breakdown)</th><th scope="col">Hidden</th></tr></thead>
<tbody>${current.suppression.map((c) => `<tr><th scope="row">${esc(c.cube)}</th><td>${integer(c.cells)}</td><td>${integer(c.hidden)}</td></tr>`).join('')}</tbody>
</table>
</section>
<footer>
<p>Health clusters: ${esc(HEALTH_CLUSTERS_SOURCE.publisher)}, ${HEALTH_CLUSTERS_SOURCE.pages.map(esc).join('; ')}, read ${esc(HEALTH_CLUSTERS_SOURCE.readOn)}.</p>
<p><b>${SUPPRESSED_MARK}</b> hidden value &nbsp; <b>–</b> not applicable (nothing to count)</p>
</footer>
</body>
</html>
`;
}

/** One CSV per table of the report: file name (without folder) to content. */
export function statusReportCsv(input: Pick<StatusReportInput, 'current' | 'previous'>): Map<string, string> {
  assertFiguresProtected(input.current);
  if (input.previous) assertFiguresProtected(input.previous);
  return new Map(reportSections(input.current, input.previous).flatMap((s) => s.tables.map((t) => [`${t.id}.csv`, toCsv(t)] as const)));
}

function renderSection(section: ReportSection, charts: ReadonlyMap<string, string>): string {
  return `<section id="${section.id}" class="figure">
<h2>${esc(section.title)}</h2>
<p>${esc(section.intro)}</p>
${section.charts.map((c) => `<figure class="chart" id="chart-${c.id}" data-chart="${c.id}" role="img" aria-label="${esc(chartTitle(c.spec))}">${charts.get(c.id)}</figure>`).join('\n')}
${section.tables.map(renderTable).join('\n')}
</section>`;
}

function chartTitle(spec: ReportSection['charts'][number]['spec']): string {
  const title = spec.title;
  if (typeof title === 'string') return title;
  if (title && !Array.isArray(title) && typeof title.text === 'string') return title.text;
  return 'Chart';
}

function renderTable(table: ReportTable): string {
  const head = `<tr><th scope="col">${esc(table.rowHeader)}</th>${table.columns.map((c) => `<th scope="col">${esc(c.label)}${c.unit === 'count' ? '' : `<span class="unit"> (${c.unit === 'share' ? '%' : c.unit})</span>`}</th>`).join('')}</tr>`;
  const body = table.rows
    .map((row) => `<tr class="level-${row.level}"><th scope="row">${esc(row.label)}</th>${row.cells.map((cell, i) => renderCell(cell, table.columns[i]!.unit)).join('')}</tr>`)
    .join('\n');
  return `<table class="figures" id="table-${table.id}"><caption>${esc(table.title)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function renderCell(value: PublishedValue | null, unit: Unit): string {
  if (value === null) return '<td class="na">–</td>';
  if (!isShown(value)) return `<td class="hidden">${SUPPRESSED_MARK}</td>`;
  return `<td>${unit === 'share' ? (value.value * 100).toFixed(1) : integer(value.value)}</td>`;
}

const INTEGER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function integer(n: number): string {
  return INTEGER.format(n);
}

/** Text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 20pt; line-height: 1.2; margin: .5rem 0; color: #12375e; }
h2 { font-size: 15pt; color: #12375e; border-bottom: 2px solid #1f5a96; padding-bottom: .2rem; margin-top: 2.2rem; }
.lead { font-size: 11.5pt; }
.meta, .note, footer { color: #555; font-size: 9.5pt; }
.banner { background: #b0413e; color: #fff; font-weight: bold; text-align: center; padding: .35rem 1rem; letter-spacing: .02em; }
nav ol { columns: 2; font-size: 10pt; padding-left: 1.2rem; }
nav a { color: #1f5a96; }
.summary ul { padding-left: 1.2rem; }
.summary li { margin: .25rem 0; }
figure.chart { margin: 1rem 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
table.figures { border-collapse: collapse; font-size: 8.5pt; margin: .6rem 0 1.4rem; width: 100%; }
table.figures caption { text-align: left; font-weight: bold; font-size: 10pt; padding: .3rem 0; }
table.figures th, table.figures td { padding: 2px 6px; border-bottom: 1px solid #e0e0e0; vertical-align: bottom; }
table.figures thead th { text-align: right; font-weight: 600; border-bottom: 1.5px solid #888; }
table.figures thead th:first-child, table.figures tbody th { text-align: left; }
table.figures td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.figures .unit { font-weight: normal; color: #666; }
tr.level-region th, tr.level-region td { font-weight: bold; border-bottom: 1.5px solid #999; }
tr.level-cluster th, tr.level-cluster td { font-weight: 600; background: #f2f5f9; }
tr.level-municipality th { font-weight: normal; padding-left: 1.2em; }
td.hidden, td.na { color: #777; }
@page { size: A4; margin: 14mm 12mm 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  nav { display: none; }
  .banner { position: fixed; top: 0; left: 0; right: 0; font-size: 8pt; padding: .15rem; }
  header { padding-top: 1.2rem; }
  section.figure { break-before: page; padding-top: .8rem; }
  h2 { margin-top: 0; break-after: avoid; }
  figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
`;
