import { describe, expect, it } from 'vitest';
import { parseReportArguments, ReportUsageError } from './cli.ts';

const PROVIDERS = ['demo', 'graph'];

describe('parseReportArguments', () => {
  it('reads a whole biennium, year or half-year, with defaults', () => {
    expect(parseReportArguments(['--from', '2025-01-01', '--to', '2026-12-31'], PROVIDERS)).toMatchObject({
      period: { key: '2025-2026', level: 'biennium' },
      out: 'status-report-2025-2026.html',
      csvDir: null,
      provider: 'demo',
    });
    expect(parseReportArguments(['--from', '2026-01-01', '--to', '2026-12-31', '--out', 'x.html', '--csv-dir', 'csv'], PROVIDERS)).toMatchObject({
      period: { key: '2026' },
      out: 'x.html',
      csvDir: 'csv',
    });
    expect(parseReportArguments(['--from=2026-07-01', '--to=2026-12-31'], PROVIDERS)).toMatchObject({ period: { key: '2026-H2' } });
    expect(parseReportArguments(['--help'], PROVIDERS)).toEqual({ help: true });
    expect(parseReportArguments(['--from=2026-07-01', '--to=2026-12-31', '--gateway', 'http://localhost:4000/graphql'], PROVIDERS)).toMatchObject({
      provider: 'graph',
      gateway: 'http://localhost:4000/graphql',
    });
    expect(parseReportArguments(['--from=2026-07-01', '--to=2026-12-31'], PROVIDERS)).toMatchObject({ provider: 'demo', gateway: null });
  });

  it.each([
    [[], /^Both --from and --to are needed\.$/],
    [['--to', '2026-12-31'], /^Both --from and --to are needed \(--from is missing\)\.$/],
    [['--from', '2025-01-01'], /\(--to is missing\)/],
    [['--from', '2026-12-31', '--to', '2025-01-01'], /^--from \(2026-12-31\) is after --to \(2025-01-01\): the period must start before it ends$/],
    [['--from', '2025-02-30', '--to', '2026-12-31'], /^--from is not a real calendar date: day 30 does not exist in month 02/],
    [['--from', '2025-1-1', '--to', '2026-12-31'], /^--from must be a date written YYYY-MM-DD$/],
    [['--from', '2025-01-01', '--to', 'tomorrow'], /^--to must be a date written YYYY-MM-DD$/],
    [['--from', '2025-03-01', '--to', '2026-12-31'], /not a whole half-year, year or biennium: .*cannot be subtracted.*2025-H1 \(2025-01-01 to 2025-06-30\)/],
    [['--from', '2026-01-01', '--to', '2026-03-31'], /not a whole half-year, year or biennium/],
    [['--from', '2026-01-01', '--to', '2027-12-31'], /not a whole half-year, year or biennium/],
    [['--from', '2025-01-01', '--to', '2026-12-31', '--provider', 'gateway'], /^Unknown --provider "gateway"; the providers are: demo, graph\.$/],
    [['--from', '2025-01-01', '--to', '2026-12-31', '--provider', 'graph'], /^--provider graph needs --gateway URL\.$/],
    [['--from', '2025-01-01', '--to', '2026-12-31', '--gateway', 'localhost:4000'], /^--gateway must be an http\(s\) URL/],
    [['--from', '2025-01-01', '--to', '2026-12-31', '--format', 'pdf'], /Unknown option '--format'/],
    [['2025-01-01', '2026-12-31'], /Unexpected argument '2025-01-01'/],
  ])('refuses %j, saying what is wrong', (argv, message) => {
    expect(() => parseReportArguments(argv, PROVIDERS)).toThrow(ReportUsageError);
    expect(() => parseReportArguments(argv, PROVIDERS)).toThrow(message);
  });
});
