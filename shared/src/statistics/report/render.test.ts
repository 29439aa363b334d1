import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey, previousPeriod } from '../periods.ts';
import { renderChart, barsSpec } from './charts.ts';
import { demoFiguresProvider } from './demo.ts';
import { assertFiguresProtected, type StatusReportFigures } from './figures.ts';
import { emptyFigures, shown } from './fixtures.ts';
import { esc, renderStatusReport, statusReportCsv } from './render.ts';
import { reportSections } from './sections.ts';

describe('the status report', () => {
  let current: StatusReportFigures;
  let previous: StatusReportFigures;
  let html: string;

  beforeAll(async () => {
    const provider = demoFiguresProvider();
    const period = parsePeriodKey('2025-2026');
    current = await provider.figures(period);
    previous = await provider.figures(previousPeriod(period));
    html = await renderStatusReport({ current, previous, generatedOn: '2026-12-02' });
  });

  it('is one self-contained file: no URL, no script, no external style, font or image', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    for (const forbidden of [/https?:\/\//i, /\bsrc\s*=/i, /<script/i, /<link/i, /@import/i, /url\(/i, /<img/i, /<iframe/i, /@font-face/i]) {
      expect(html, String(forbidden)).not.toMatch(forbidden);
    }
    // Links only to the report's own sections.
    for (const [, target] of html.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^#[a-z-]+$/);
  });

  it('has a chart with drawn marks and a table for every figure, and the same tables as CSV', () => {
    const sections = reportSections(current, previous);
    const charts = [...html.matchAll(/<figure class="chart" id="chart-([a-z-]+)" data-chart="[a-z-]+" role="img" aria-label="[^"]+">([\s\S]*?)<\/figure>/g)];
    expect(charts.map((c) => c[1])).toEqual(sections.flatMap((s) => s.charts.map((c) => c.id)));
    for (const [, id, svg] of charts) {
      expect(svg, id).toMatch(/^<svg /);
      expect(svg, id).toMatch(/class="mark-(rect|line|symbol|rule|tick)[^"]*role-mark[^"]*"[^>]*>\s*<(path|line)/);
    }
    for (const section of sections) {
      expect(html).toContain(`<section id="${section.id}" class="figure">`);
      for (const table of section.tables) expect(html).toContain(`<table class="figures" id="table-${table.id}">`);
    }
    const csv = statusReportCsv({ current, previous });
    expect([...csv.keys()]).toEqual(sections.flatMap((s) => s.tables.map((t) => `${t.id}.csv`)));
  });

  it('marks hidden values x in tables and CSV, and says what suppression was applied', () => {
    // Samsø's letters per half-year are small, so hidden, in both the HTML table and its CSV.
    const samso = html.match(/<tr class="level-municipality"><th scope="row">Samsø<\/th>(.*?)<\/tr>/)![1]!;
    expect(samso.match(/<td class="hidden">x<\/td>/g)!.length).toBeGreaterThan(0);
    const csvRow = statusReportCsv({ current, previous }).get('letters-by-municipality.csv')!.split('\r\n').find((l) => l.startsWith('Samsø,'))!;
    expect(csvRow).toMatch(/^Samsø,741,municipality,x,x,x,x,\d+,\d+$/);
    expect(html).toContain('<section id="suppression" class="figure">');
    expect(html).toMatch(/In this report \d+ of \d+ table cells are hidden\./);
    for (const cube of ['letters', 'referrals', 'advisory', 'screening']) expect(html).toContain(`<th scope="row">${cube}</th>`);
  });

  it('gets protected, synthetic figures for the period and its half-years from the demo provider', () => {
    expect(current.synthetic).toBe(true);
    expect(current.halfYears).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
    expect(previous.period).toBe('2023-2024');
    assertFiguresProtected(current);
    assertFiguresProtected(previous);
  });

  it('says on every page that demo figures are synthetic, and prints one section per page', () => {
    expect(html).toContain('<div class="banner" role="note">Synthetic demo figures: made up for testing, not real data.</div>');
    expect(html).toMatch(/@media print \{[\s\S]*\.banner \{ position: fixed;[\s\S]*section\.figure \{ break-before: page;/);
    expect(html).toContain('@page { size: A4;');
  });

  it('cites the clusters\' source and starts with what changed', () => {
    expect(html).toContain('www.rm.dk/politik/udvalg/sundhedsklynger/');
    expect(html).toMatch(/<h2>What changed since 2023-2024<\/h2>\s*<ul><li>Correspondence letters from GPs to the municipalities: [\d,]+ in 2025-2026/);
  });

  it('refuses figures that show a small count, whoever made them', async () => {
    const forged = emptyFigures('2025-2026', ['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
    forged.letters.count = { '741': { '2025-2026': shown(3) } };
    await expect(renderStatusReport({ current: forged, previous: null, generatedOn: '2026-12-02' })).rejects.toThrow(/show a count below 5/);
    expect(() => statusReportCsv({ current: forged, previous: null })).toThrow(/show a count below 5/);
  });

  it('escapes text', () => {
    expect(esc('<b a="1">Tom & Jerry\'s</b>')).toBe('&lt;b a=&quot;1&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;');
  });

  it('draws charts with inline data only, and refuses a chart that would load data', async () => {
    const svg = await renderChart(barsSpec({ title: 'T', axisTitle: 'A', data: [{ label: 'a', series: 's', value: 7, hidden: false }] }));
    expect(svg).toMatch(/^<svg [^>]*class="marks"[^>]*viewBox="0 0 \d+ \d+"/);
    await expect(renderChart({ data: { url: 'https://example.org/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } })).rejects.toThrow(/inline data only/);
  });

  it('draws a chart whose every value is hidden as x marks, with no bar', async () => {
    const svg = await renderChart(barsSpec({ title: 'T', axisTitle: 'A', data: ['a', 'b'].map((label) => ({ label, series: 's', value: null, hidden: true })) }));
    expect(svg.match(/<text[^>]*>x<\/text>/g)).toHaveLength(2);
    expect(svg).not.toMatch(/class="mark-rect[^"]*"[^>]*>\s*<path/);
  });
});
