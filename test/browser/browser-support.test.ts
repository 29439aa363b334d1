/** The browser helpers catch what the page tests rely on them to catch. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWatchedPage, serveFolder, type TestBrowser } from '../support/browser.ts';

describe('browser test helpers', () => {
  let browser: TestBrowser;
  const folder = mkdtempSync(join(tmpdir(), 'pathway-browser-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    writeFileSync(
      join(folder, 'page.html'),
      '<!doctype html><meta charset="utf-8"><title>t</title><img src="https://example.org/a.png" alt=""><script>console.error("broken"); undefinedFunction();</script>',
    );
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses and records every request to the network, and records console and page errors', async () => {
    const watched = await openWatchedPage(browser.browser);
    const url = pathToFileURL(join(folder, 'page.html')).href;
    await watched.page.goto(url, { waitUntil: 'load' });
    expect(watched.blocked).toEqual(['https://example.org/a.png']);
    expect(watched.requests).toEqual([url, 'https://example.org/a.png']);
    expect(watched.errors).toContain('broken');
    expect(watched.errors.some((e) => /undefinedFunction is not defined/.test(e))).toBe(true);
    await watched.page.close();
  });

  it('lets a page load from an allowed local server', async () => {
    const server = await serveFolder(folder);
    try {
      const watched = await openWatchedPage(browser.browser, { allowOrigins: [server.origin] });
      const response = await watched.page.goto(`${server.origin}/page.html`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await watched.page.title()).toBe('t');
      expect(watched.blocked).toEqual(['https://example.org/a.png']);
      await watched.page.close();
    } finally {
      await server.close();
    }
  });
});
