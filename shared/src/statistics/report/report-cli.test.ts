import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    expect(readdirSync(csv)).toHaveLength(11);
    expect(readdirSync(csv)).toContain('letters-by-municipality.csv');
  });

  it('exits 1 with the message and the usage on bad arguments, and writes nothing', async () => {
    const before = readdirSync(work);
    const { code, stdout, stderr } = await run(['--from', '2025-03-01', '--to', '2026-12-31']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^2025-03-01 to 2026-12-31 is not a whole half-year, year or biennium/);
    expect(stderr).toContain('Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD');
    expect(readdirSync(work)).toEqual(before);
  });
});
