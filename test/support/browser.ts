/**
 * Headless Chromium for tests, driven by puppeteer-core: Debian's `chromium` package (`.ci/run` installs it when
 * missing), never a downloaded browser. Each launch gets a fresh profile directory and the flags a root user in a
 * sandboxed container needs; every page blocks all network traffic except what a test allows, and records console
 * errors, page errors and every request it refused, so a test can assert that a page works offline and cleanly.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium with a throw-away profile; fails with what to do when it is not installed. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium package (apt-get install -y chromium); .ci/run does this in CI`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'pathway-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox; no GPU; nothing phoning home.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  readonly page: Page;
  /** console.error messages and uncaught page errors. */
  readonly errors: string[];
  /** Every request the page made, allowed or not. */
  readonly requests: string[];
  /** The requests refused because they went to the network. */
  readonly blocked: string[];
}

/**
 * A new page that may load only `file:` URLs and the given origins (e.g. a test server's `http://127.0.0.1:PORT`);
 * every other request is aborted and recorded.
 */
export async function openWatchedPage(browser: Browser, options: { allowOrigins?: readonly string[] } = {}): Promise<WatchedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    const allowed = url.startsWith('file:') || url.startsWith('data:') || (options.allowOrigins ?? []).some((origin) => url.startsWith(`${origin}/`) || url === origin);
    if (allowed) {
      void request.continue();
    } else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return { page, errors, requests, blocked };
}

/** Saves a screenshot, creating the folder (test artefacts go to .test-results/, which git ignores). */
export async function saveScreenshot(page: Page, path: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file as `${string}.png`, fullPage: options.fullPage ?? false });
  return file;
}

/** A tiny static server for one folder on a free port, for pages that must be served over HTTP. */
export async function serveFolder(folder: string): Promise<{ origin: string; close(): Promise<void> }> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const path = resolve(root, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)}`);
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => response.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    // The browser keeps connections alive; close them rather than wait for its keep-alive timeout.
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
