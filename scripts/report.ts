/**
 * `npm run report -- --from 2025-01-01 --to 2026-12-31 [--out report.html] [--csv-dir dir] [--provider demo]`: the
 * administrative status on the collaboration (agreement section 9) for one whole half-year, year or biennium, as one
 * self-contained HTML file, and optionally a CSV per table. The figures come from a provider: `graph` asks the
 * sectors' statistics fields through the gateway (`--gateway URL`, as the analyst whose token is in
 * PATHWAY_GRAPH_TOKEN); `demo` makes synthetic figures, marked as such.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { todayInDenmark } from '../shared/src/domain/age.ts';
import { previousPeriod } from '../shared/src/statistics/periods.ts';
import { parseReportArguments, REPORT_USAGE, ReportUsageError } from '../shared/src/statistics/report/cli.ts';
import { demoFiguresProvider } from '../shared/src/statistics/report/demo.ts';
import { gatewayStatisticsClient, graphFiguresProvider } from '../shared/src/statistics/report/graph.ts';
import type { StatusFiguresProvider } from '../shared/src/statistics/report/provider.ts';
import { renderStatusReport, statusReportCsv } from '../shared/src/statistics/report/render.ts';

const PROVIDERS: Record<string, (args: { gateway: string | null }) => StatusFiguresProvider> = {
  demo: () => demoFiguresProvider(),
  graph: ({ gateway }) => {
    const token = process.env['PATHWAY_GRAPH_TOKEN'];
    if (!token) throw new ReportUsageError('The graph provider signs in with an analyst\'s token in PATHWAY_GRAPH_TOKEN, e.g. PATHWAY_GRAPH_TOKEN=$(npm run -s token -- analyst-region).');
    return graphFiguresProvider(gatewayStatisticsClient(gateway!, `Bearer ${token}`), `the graph at ${gateway}`);
  },
};

async function main(): Promise<void> {
  const args = parseReportArguments(process.argv.slice(2), Object.keys(PROVIDERS));
  if (args.help) {
    console.log(REPORT_USAGE);
    return;
  }
  const provider = PROVIDERS[args.provider]!(args);
  const { period } = args;
  const current = await provider.figures(period);
  const previous = await provider.figures(previousPeriod(period));
  const html = await renderStatusReport({ current, previous, generatedOn: todayInDenmark() });
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`Wrote ${out}: the status for ${period.key} (${period.start} to ${period.end}), compared with ${previous.period}, from ${provider.description}.`);
  if (args.csvDir) {
    const folder = resolve(args.csvDir);
    mkdirSync(folder, { recursive: true });
    const files = statusReportCsv({ current, previous });
    for (const [name, csv] of files) writeFileSync(join(folder, name), csv);
    console.log(`Wrote ${files.size} CSV files to ${folder}.`);
  }
  if (provider.synthetic) console.error('Note: these are synthetic demo figures, not real data; the report says so on every page.');
}

main().catch((error: unknown) => {
  if (error instanceof ReportUsageError) console.error(`${error.message}\n\n${REPORT_USAGE}`);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
