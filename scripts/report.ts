/**
 * `npm run report -- --from 2025-01-01 --to 2026-12-31 [--out report.html] [--csv-dir dir] [--provider demo]`: the
 * administrative status on the collaboration (agreement section 9) for one whole half-year, year or biennium, as one
 * self-contained HTML file, and optionally a CSV per table. The figures come from a provider; today only the demo
 * provider exists (synthetic figures, marked as such); the real one asks the subgraphs through the gateway.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { todayInDenmark } from '../shared/src/domain/age.ts';
import { periodForRange, previousPeriod } from '../shared/src/statistics/periods.ts';
import { demoFiguresProvider } from '../shared/src/statistics/report/demo.ts';
import type { StatusFiguresProvider } from '../shared/src/statistics/report/provider.ts';
import { renderStatusReport, statusReportCsv } from '../shared/src/statistics/report/render.ts';

const USAGE = `Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE.html] [--csv-dir DIR] [--provider demo]

  --from, --to   the first and last day of one whole half-year, year or biennium (2025-01-01 to 2026-12-31)
  --out          the HTML file to write (default: status-report-<period>.html)
  --csv-dir      also write one CSV per table into this folder
  --provider     where the figures come from: demo (synthetic figures; the only one so far)`;

const PROVIDERS: Record<string, () => StatusFiguresProvider> = { demo: demoFiguresProvider };

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'csv-dir': { type: 'string' },
        provider: { type: 'string', default: 'demo' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.from || !values.to) fail(`Both --from and --to are needed${values.from || values.to ? ` (${values.from ? '--to' : '--from'} is missing)` : ''}.`);
  let period;
  try {
    period = periodForRange(values.from, values.to, ['half-year', 'year', 'biennium'], { from: '--from', to: '--to' });
  } catch (error) {
    if (error instanceof GraphQLError) fail(error.message);
    throw error;
  }
  const makeProvider = PROVIDERS[values.provider];
  if (!makeProvider) fail(`Unknown --provider "${values.provider}"; the providers are: ${Object.keys(PROVIDERS).join(', ')}.`);
  const provider = makeProvider();

  const out = resolve(values.out ?? `status-report-${period.key}.html`);
  const current = await provider.figures(period);
  const previous = await provider.figures(previousPeriod(period));
  const html = await renderStatusReport({ current, previous, generatedOn: todayInDenmark() });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`Wrote ${out}: the status for ${period.key} (${period.start} to ${period.end}), compared with ${previous.period}, from ${provider.description}.`);
  if (values['csv-dir']) {
    const folder = resolve(values['csv-dir']);
    mkdirSync(folder, { recursive: true });
    const files = statusReportCsv({ current, previous });
    for (const [name, csv] of files) writeFileSync(join(folder, name), csv);
    console.log(`Wrote ${files.size} CSV files to ${folder}.`);
  }
  if (provider.synthetic) console.error('Note: these are synthetic demo figures, not real data; the report says so on every page.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
