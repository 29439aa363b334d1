import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const script = join(root, 'scripts', 'report.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const work = mkdtempSync(join(tmpdir(), 'pathway-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [script, ...args], { cwd: work, env: process.env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run report', () => {
  it('writes the report for a biennium and one CSV per table', async () => {
    const out = join(work, 'out', 'status.html');
    const csv = join(work, 'csv');
    const { code, stdout, stderr } = await run(['--from', '2025-01-01', '--to', '2026-12-31', '--out', out, '--csv-dir', csv]);
    expect(stderr).toMatch(/synthetic demo figures, not real data/);
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}: the status for 2025-2026 (2025-01-01 to 2026-12-31), compared with 2023-2024`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>[\s\S]*administrative status 2025-2026/);
    expect(readdirSync(csv).sort()).toContain('letters-by-municipality.csv');
    expect(readdirSync(csv)).toHaveLength(11);
  });

  it.each([
    [['--to', '2026-12-31'], /Both --from and --to are needed \(--from is missing\)/],
    [['--from', '2026-12-31', '--to', '2025-01-01'], /--from \(2026-12-31\) is after --to \(2025-01-01\)/],
    [['--from', '2025-02-30', '--to', '2026-12-31'], /--from is not a real calendar date: day 30 does not exist in month 02/],
    [['--from', '2025-1-1', '--to', '2026-12-31'], /--from must be a date written YYYY-MM-DD/],
    [['--from', '2025-03-01', '--to', '2026-12-31'], /not a whole half-year, year or biennium: .*2025-H1 \(2025-01-01 to 2025-06-30\)/],
    [['--from', '2026-01-01', '--to', '2026-03-31'], /not a whole half-year, year or biennium/],
    [['--from', '2025-01-01', '--to', '2026-12-31', '--provider', 'gateway'], /Unknown --provider "gateway"; the providers are: demo/],
    [['--from', '2025-01-01', '--to', '2026-12-31', '--format', 'pdf'], /Unknown option '--format'/],
  ])('refuses %j with a message saying what to do, and writes nothing', async (args, message) => {
    const before = readdirSync(work);
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD');
    expect(readdirSync(work)).toEqual(before);
    expect(existsSync(join(work, 'status-report-2025-2026.html'))).toBe(false);
  });
});
