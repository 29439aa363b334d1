import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { periodForRange, type Period } from '../periods.ts';

/** The arguments of `npm run report` (scripts/report.ts), parsed and checked before anything is computed. */
export interface ReportArguments {
  readonly period: Period;
  /** The HTML file; default status-report-<period>.html. */
  readonly out: string;
  readonly csvDir: string | null;
  readonly provider: string;
  /** The gateway the graph provider asks (its token comes from PATHWAY_GRAPH_TOKEN, never the command line). */
  readonly gateway: string | null;
  readonly help: boolean;
}

export const REPORT_USAGE = `Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE.html] [--csv-dir DIR]
                          [--gateway URL] [--provider demo|graph]

  --from, --to   the first and last day of one whole half-year, year or biennium (2025-01-01 to 2026-12-31)
  --out          the HTML file to write (default: status-report-<period>.html)
  --csv-dir      also write one CSV per table into this folder
  --gateway      the gateway's GraphQL URL: the figures come from the graph, asked as the analyst whose token is
                 in the environment variable PATHWAY_GRAPH_TOKEN (e.g. TOKEN from npm run -s token -- analyst-region)
  --provider     where the figures come from: graph (the default with --gateway) or demo (synthetic figures, the
                 default without)`;

/** Bad arguments: the message says what is wrong; the command prints it with the usage. */
export class ReportUsageError extends Error {}

export function parseReportArguments(argv: readonly string[], providers: readonly string[]): ReportArguments | { help: true } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'csv-dir': { type: 'string' },
        provider: { type: 'string' },
        gateway: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ReportUsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  if (!values.from || !values.to) {
    throw new ReportUsageError(`Both --from and --to are needed${values.from || values.to ? ` (${values.from ? '--to' : '--from'} is missing)` : ''}.`);
  }
  let period: Period;
  try {
    period = periodForRange(values.from, values.to, ['half-year', 'year', 'biennium'], { from: '--from', to: '--to' });
  } catch (error) {
    if (error instanceof GraphQLError) throw new ReportUsageError(error.message);
    throw error;
  }
  const provider = values.provider ?? (values.gateway ? 'graph' : 'demo');
  if (!providers.includes(provider)) {
    throw new ReportUsageError(`Unknown --provider "${provider}"; the providers are: ${providers.join(', ')}.`);
  }
  if (provider === 'graph' && !values.gateway) throw new ReportUsageError('--provider graph needs --gateway URL.');
  if (values.gateway !== undefined && !/^https?:\/\/[^\s]+$/.test(values.gateway)) {
    throw new ReportUsageError(`--gateway must be an http(s) URL, e.g. http://localhost:4000/graphql, not "${values.gateway}".`);
  }
  return {
    period,
    out: values.out ?? `status-report-${period.key}.html`,
    csvDir: values['csv-dir'] ?? null,
    provider,
    gateway: values.gateway ?? null,
    help: false,
  };
}
