/**
 * The gateway's GraphiQL IDE in a real browser, as a front-end developer meets it: headless Chromium opens the
 * gateway's page with every request to another host refused (and failing the test), picks a demo user, runs the
 * README's first query from its saved tab and sees the child's fields from all five subgraphs, without a single
 * console error. The screenshot is kept as a test artefact (.test-results/ide.png) and is the README's picture.
 */
import { readmeExamples } from '@pathway-graph/gateway/ide/readme-examples';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HTTPResponse } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../support/auth.ts';
import { launchBrowser, openWatchedPage, saveScreenshot, type TestBrowser, type WatchedPage } from '../support/browser.ts';
import { backends } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const [first] = readmeExamples(README);

describe('the GraphiQL IDE in Chromium', () => {
  let t: TestSystem;
  let browser: TestBrowser;
  let watched: WatchedPage;
  let origin: string;

  beforeAll(async () => {
    t = await startTestSystem(backends[0]!, { ide: { issueDemoToken: (username) => tokenFor(username) } });
    origin = `http://localhost:${t.system.gateway.port}`;
    browser = await launchBrowser();
    watched = await openWatchedPage(browser.browser, { allowOrigins: [origin] });
    await watched.page.setViewport({ width: 1400, height: 900 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the IDE at /graphql to a browser, at /, and from local assets only', async () => {
    await watched.page.goto(`${origin}/graphql`, { waitUntil: 'networkidle0' });
    await watched.page.waitForSelector('.graphiql-container');
    const assets = watched.requests.filter((url) => url.includes('/ide/assets/'));
    expect(assets.map((url) => new URL(url).pathname).sort()).toEqual(
      ['graphiql.min.css', 'graphiql.min.js', 'ide.css', 'ide.js', 'react-dom.production.min.js', 'react.production.min.js'].map((n) => `/ide/assets/${n}`).sort(),
    );
    const root = await fetch(`${origin}/`);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await root.text()).toContain('/ide/assets/graphiql.min.js');
    // A GraphQL client's GET is still GraphQL, not the page.
    const client = await fetch(`${origin}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(client.headers.get('content-type')).toMatch(/json/);
    expect(watched.blocked).toEqual([]);
    expect(watched.errors).toEqual([]);
  });

  it('has the README’s example requests as saved tabs', async () => {
    const tabs = await watched.page.$$eval('.graphiql-tab', (elements) => elements.length);
    expect(tabs).toBe(readmeExamples(README).length);
    const editor = await watched.page.$eval('.graphiql-query-editor', (e) => e.textContent ?? '');
    expect(editor).toContain('childByCpr');
  });

  it('picks a demo user, which fills in a token, and runs the README’s first query with fields from all five subgraphs', async () => {
    expect(first?.user).toBe('caseworker-751');
    await watched.page.select('#demo-user', first!.user!);
    // (Expressions as strings: they run in the page, which has a DOM; this file is type-checked without one.)
    await watched.page.waitForFunction(`(document.querySelector('.graphiql-editor-tool')?.textContent ?? '').includes('Bearer ey')`);

    const answered = watched.page.waitForResponse(
      (r: HTTPResponse) => r.url() === `${origin}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('childByCpr'),
    );
    await watched.page.click('.graphiql-execute-button');
    const response = await answered;
    const body = (await response.json()) as { data?: { childByCpr: Record<string, unknown> }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data!.childByCpr).toMatchObject({
      knownToMunicipality: true, // municipality
      listedPractice: { ydernummer: '107510' }, // general practice
      knownToBua: true, // BUA
      involvedSectors: ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING'], // pathway
      synthetic: true,
    });
    expect(body.data!.childByCpr['screeningTracks']).toHaveLength(1); // screening

    // And the person sees it: the result pane shows fields of each subgraph.
    await watched.page.waitForFunction(`(document.querySelector('.result-window')?.textContent ?? '').includes('involvedSectors')`);
    const shown = await watched.page.$eval('.result-window', (e) => e.textContent ?? '');
    for (const field of ['birthDate', 'listedPractice', 'knownToBua', 'screeningTracks', 'involvedSectors']) expect(shown).toContain(field);

    await saveScreenshot(watched.page, resolve('.test-results/ide.png'));
    // The README shows this picture (a copy of the artefact, docs/images/graphiql.png).
    expect(README).toContain('](docs/images/graphiql.png)');
    expect(existsSync(new URL('../../docs/images/graphiql.png', import.meta.url))).toBe(true);
    expect(watched.blocked).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
