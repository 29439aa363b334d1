/**
 * The status report in a real browser: headless Chromium opens the generated file with every network request
 * refused, and every chart must have rendered with marks, with no console error. Screenshots and the printed PDF
 * are kept as test artefacts in .test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey, previousPeriod } from '@pathway-graph/shared/statistics/periods';
import { demoFiguresProvider } from '@pathway-graph/shared/statistics/report/demo';
import { renderStatusReport } from '@pathway-graph/shared/statistics/report/render';
import { reportSections } from '@pathway-graph/shared/statistics/report/sections';
import { launchBrowser, openWatchedPage, saveScreenshot, type TestBrowser, type WatchedPage } from '../support/browser.ts';

const ARTEFACTS = resolve('.test-results');

describe('the status report in Chromium', () => {
  let browser: TestBrowser;
  let watched: WatchedPage;
  let url: string;
  let expectedCharts: string[];

  beforeAll(async () => {
    const provider = demoFiguresProvider();
    const period = parsePeriodKey('2025-2026');
    const current = await provider.figures(period);
    const previous = await provider.figures(previousPeriod(period));
    expectedCharts = reportSections(current, previous).flatMap((s) => s.charts.map((c) => c.id));
    mkdirSync(ARTEFACTS, { recursive: true });
    const file = join(ARTEFACTS, 'report.html');
    writeFileSync(file, await renderStatusReport({ current, previous, generatedOn: '2026-12-02' }));
    url = pathToFileURL(file).href;
    browser = await launchBrowser();
    watched = await openWatchedPage(browser.browser);
    await watched.page.setViewport({ width: 1100, height: 1400 });
    await watched.page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart as SVG with marks', async () => {
    const charts = await watched.page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => ({
        id: figure.getAttribute('data-chart'),
        svg: figure.querySelector('svg') !== null,
        // Drawn marks: bars, lines, dots, rules and ticks (not axes, legends or the "x" of a hidden value).
        marks: figure.querySelectorAll('svg g.role-mark:not(.mark-text) path, svg g.role-mark:not(.mark-text) line').length,
        width: figure.querySelector('svg')?.getBoundingClientRect().width ?? 0,
      })),
    );
    expect(charts.map((c) => c.id)).toEqual(expectedCharts);
    for (const chart of charts) {
      expect(chart.svg, chart.id!).toBe(true);
      expect(chart.marks, chart.id!).toBeGreaterThan(0);
      expect(chart.width, chart.id!).toBeGreaterThan(300);
    }
  });

  it('loads nothing but the file itself and logs no error', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.blocked).toEqual([]);
    expect(watched.requests).toEqual([url]);
  });

  it('prints to PDF, one section per page, and leaves screenshots', async () => {
    const pdf = await watched.page.pdf({ format: 'A4', printBackground: true });
    const pages = Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    // The title page, then each figure section (and the note on suppression) starts a page of its own.
    const sections = await watched.page.$$eval('section.figure', (all) => all.length);
    expect(sections).toBe(8);
    expect(pages).toBeGreaterThan(sections);
    writeFileSync(join(ARTEFACTS, 'report.pdf'), pdf);
    await saveScreenshot(watched.page, join(ARTEFACTS, 'report.png'));
    await saveScreenshot(watched.page, join(ARTEFACTS, 'report-full.png'), { fullPage: true });
  });
});
