/**
 * The status report from real data: the region-scale seed's generator (at the small scale, to stay fast) fills the
 * sector databases, the pathway subgraph's `statusReport` asks the sectors' statistics as the region's analyst, and
 * headless Chromium opens the HTML it returns: every chart of the families the graph serves has rendered with marks,
 * nothing was requested, nothing was logged. The HTML and a screenshot are kept in .test-results/.
 */
import { DEFAULT_HTTP_SETTINGS, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import { seedDatabases } from '@pathway-graph/scripts/seed/seed';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWatchedPage, saveScreenshot, type TestBrowser, type WatchedPage } from '../support/browser.ts';
import { tokenFor } from '../support/auth.ts';
import { backends, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { insertSyntheticReferrals, insertSyntheticScreenings } from '../support/statistics-facts.ts';

const ARTEFACTS = resolve('.test-results');
const REPORT = `query Report($from: Date!, $to: Date!) {
  statusReport(from: $from, to: $to) { period previousPeriod source html csv { name content } }
}`;

interface Report {
  period: string;
  previousPeriod: string;
  source: string;
  html: string;
  csv: { name: string; content: string }[];
}

describe('the status report from seeded data in Chromium', () => {
  let t: TestSystem;
  let browser: TestBrowser;
  let watched: WatchedPage;
  let report: Report;
  let url: string;

  beforeAll(async () => {
    // Everything of 2025-2026 the seed made is in closed months by then.
    // The report protects every family's cubes on its first request (seconds each on a loaded CI machine, more than
    // the default request and subgraph-call timeouts allow): generous ones here, as the statistics e2e tests have.
    t = await startTestSystem(backends[0]!, {
      seedDemoData: false,
      today: '2027-01-04',
      http: { ...DEFAULT_HTTP_SETTINGS, requestTimeoutMs: 240_000 },
      gateway: { subgraphCalls: { timeoutMs: 230_000, idleTimeoutMs: Math.floor(DEFAULT_HTTP_SETTINGS.keepAliveTimeoutMs / 2) } },
    });
    await seedDatabases(t.system.databases, { scale: 'small', pseudonymSecret: TEST_PSEUDONYM_SECRET, progress: false });
    // The seed has letters; BUA's referrals and the screenings come as bulk synthetic facts, so every family has data.
    const everywhere = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code);
    await insertSyntheticReferrals(t.system.databases.bua.db, { prefix: 'report', count: 3_000, from: '2025-01-01', days: 730, municipalities: everywhere });
    await insertSyntheticScreenings(t.system.databases.screening.db, { prefix: 'report', count: 3_000, from: '2025-01-01', days: 730, municipalities: everywhere });
    const response = await t.queryAs<{ statusReport: Report }>('analyst-region', REPORT, { from: '2025-01-01', to: '2026-12-31' });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    report = response.data!.statusReport;
    mkdirSync(ARTEFACTS, { recursive: true });
    const file = join(ARTEFACTS, 'report-graph.html');
    writeFileSync(file, report.html);
    url = pathToFileURL(file).href;
    browser = await launchBrowser();
    watched = await openWatchedPage(browser.browser);
    await watched.page.setViewport({ width: 1100, height: 1400 });
    await watched.page.goto(url, { waitUntil: 'load' });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is made for the biennium from the sectors, against the one before, with the letters the database holds', async () => {
    expect(report).toMatchObject({ period: '2025-2026', previousPeriod: '2023-2024' });
    expect(report.html).not.toMatch(/synthetic demo figures/);
    const csv = report.csv.find((f) => f.name === 'letters-by-municipality.csv')!.content.replace(/^\uFEFF/, '').split('\r\n');
    const column = csv[0]!.split(',').indexOf('2025-2026');
    const region = csv.find((line) => line.startsWith('Region Midtjylland,REGION'))!;
    const result = await t.system.databases.municipality.db.execute(
      sql`select count(*)::int as n from "municipality"."received_letters" where received_on between '2025-01-01' and '2026-12-31'`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    expect(Number(rows[0]!.n)).toBeGreaterThan(100);
    expect(column).toBeGreaterThan(0);
    expect(region.split(',')[column]).toBe(String(rows[0]!.n));
  });

  it('renders every chart of every family as SVG with marks', async () => {
    const charts = await watched.page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => ({
        id: figure.getAttribute('data-chart'),
        marks: figure.querySelectorAll('svg g.role-mark:not(.mark-text) path, svg g.role-mark:not(.mark-text) line').length,
      })),
    );
    expect(charts.map((c) => c.id)).toEqual([
      'letters-by-municipality',
      'letters-trend',
      'reply-times',
      'answered-within-deadline',
      'known-share',
      'referrals-trend',
      'referrals-by-source',
      'referrals-by-acuteness',
      'referrals-by-decision',
      'referrals-by-outcome',
      'waiting-times',
      'advisory-slots',
      'screening-by-track',
    ]);
    for (const chart of charts) expect(chart.marks, chart.id!).toBeGreaterThan(0);
    // Every family is served by the graph now (letters; BUA's referrals and advisory slots; screening).
    const text = await watched.page.$eval('body', (body) => body.textContent ?? '');
    expect(text).not.toMatch(/No figures:/);
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([url]);
    await saveScreenshot(watched.page, join(ARTEFACTS, 'report-graph.png'));
  });

  it('is what npm run report writes with --gateway, as the analyst whose token is in PATHWAY_GRAPH_TOKEN', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const work = mkdtempSync(join(tmpdir(), 'pathway-report-graph-'));
    try {
      const out = join(work, 'status.html');
      const args = [join(root, 'scripts', 'report.ts'), '--from', '2025-01-01', '--to', '2026-12-31', '--gateway', t.gatewayUrl, '--out', out];
      const run = (token: string) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
          execFile(join(root, 'node_modules', '.bin', 'tsx'), args, { cwd: work, env: { ...process.env, PATHWAY_GRAPH_TOKEN: token } }, (error, stdout, stderr) =>
            done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
          );
        });
      const { code, stdout, stderr } = await run(await tokenFor('analyst-region'));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain(`the status for 2025-2026 (2025-01-01 to 2026-12-31), compared with 2023-2024, from the graph at ${t.gatewayUrl}`);
      const html = readFileSync(out, 'utf8');
      // The same letters table as statusReport's.
      expect(html).toContain('Letters per area');
      expect(html).not.toMatch(/synthetic demo figures/);
      const refused = await run(await tokenFor('caseworker-751'));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/letterStatistics is for analysts/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);

  it('is for the region\'s analysts only', async () => {
    for (const user of ['analyst-751', 'caseworker-751']) {
      const response = await t.queryAs(user, REPORT, { from: '2025-01-01', to: '2026-12-31' });
      expect(response.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
    }
    const partial = await t.queryAs('analyst-region', REPORT, { from: '2025-01-01', to: '2025-03-31' });
    expect(partial.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
