/**
 * The GraphiQL IDE, served by the gateway for front-end developers: at `/` and, for a browser asking for HTML, at
 * `/graphql`. Every asset comes from the npm packages in node_modules (GraphiQL's and React's browser builds), never
 * from a CDN: the development machines and many hospital networks have no internet. In development a picker of the
 * demo users fills in a development token; the README's example requests are the saved tabs.
 */
import { parse, print } from 'graphql';
import express, { type Express, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { DEMO_USERS, findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { readmeExamples, type ReadmeExample } from './readme-examples.ts';

export interface IdeOptions {
  /**
   * Mints a development token for a demo user. Given only where the gateway verifies development tokens (no identity
   * provider configured): without it the IDE has no picker and the user pastes a token into the headers.
   */
  issueDemoToken?: (username: string) => Promise<string>;
  /** Where the saved tabs come from; defaults to the repository's README.md. */
  readmeFile?: URL;
}

const README_FILE = new URL('../../../README.md', import.meta.url);
const require = createRequire(import.meta.url);

/** A file of an installed package, found from the package's entry point (its `exports` do not list the browser builds). */
function resolveAsset(specifier: string): string {
  const [scope, name, ...rest] = specifier.startsWith('@') ? specifier.split('/') : ['', ...specifier.split('/')];
  const packageName = scope ? `${scope}/${name}` : name!;
  let folder = dirname(require.resolve(packageName));
  while (!existsSync(join(folder, 'package.json')) || (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string }).name !== packageName) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the folder of the package ${packageName}`);
    folder = parent;
  }
  return join(folder, ...rest);
}

/** The files the page loads, by the name it loads them under (all below /ide/assets/). */
const ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.css': { file: resolveAsset('graphiql/graphiql.min.css'), type: 'text/css' },
  'graphiql.min.js': { file: resolveAsset('graphiql/graphiql.min.js'), type: 'text/javascript' },
  'react.production.min.js': { file: resolveAsset('react/umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: resolveAsset('react-dom/umd/react-dom.production.min.js'), type: 'text/javascript' },
  'ide.js': { file: new URL('./client.js', import.meta.url).pathname, type: 'text/javascript' },
  'ide.css': { file: new URL('./ide.css', import.meta.url).pathname, type: 'text/css' },
};

/**
 * Only what this page loads: scripts and styles from the gateway itself, requests to the gateway only. GraphiQL sets
 * inline styles (panes, resizing), hence 'unsafe-inline' for styles alone; its fonts are data: URLs in its CSS.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'font-src data:',
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface IdeTab {
  /** The README section, shown as a comment on the tab's first line. */
  title: string;
  query: string;
  variables?: string;
  user?: string;
}

/** What the page is told: the saved tabs and, when tokens can be issued, the demo users to pick from. */
export interface IdeSettings {
  tabs: IdeTab[];
  demoUsers: { username: string; description: string }[];
}

export function ideSettings(examples: readonly ReadmeExample[], demoTokens: boolean): IdeSettings {
  return {
    tabs: examples.map((e) => ({
      title: e.section,
      // Laid out as a person would write it; the README keeps it on one line for curl.
      query: `# From the README: ${e.section}${e.user ? ` (as ${e.user})` : ''}\n${print(parse(e.query))}`,
      ...(e.variables ? { variables: JSON.stringify(e.variables, null, 2) } : {}),
      ...(e.user ? { user: e.user } : {}),
    })),
    demoUsers: demoTokens ? DEMO_USERS.map((u) => ({ username: u.username, description: u.description })) : [],
  };
}

/** `<` in embedded JSON would let a string close the script element. */
const embeddable = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function idePage(settings: IdeSettings): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pathway-graph: GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/ide/assets/graphiql.min.css">
<link rel="stylesheet" href="/ide/assets/ide.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="ide-settings" type="application/json">${embeddable(settings)}</script>
<script src="/ide/assets/react.production.min.js"></script>
<script src="/ide/assets/react-dom.production.min.js"></script>
<script src="/ide/assets/graphiql.min.js"></script>
<script src="/ide/assets/ide.js"></script>
</body>
</html>
`;
}

/** A browser navigating to the URL, as opposed to a GraphQL client (which asks for JSON, or anything). */
const wantsHtml = (req: Request) => req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';

/** Mounts the IDE's routes; call before the GraphQL middleware, so a browser's GET /graphql gets the page. */
export function mountIde(app: Express, options: IdeOptions = {}): void {
  const readme = readFileSync(options.readmeFile ?? README_FILE, 'utf8');
  const page = idePage(ideSettings(readmeExamples(readme), options.issueDemoToken !== undefined));
  const sendPage = (_req: Request, res: Response) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(page);
  };
  app.get('/', sendPage);
  app.get('/graphql', (req, res, next) => (wantsHtml(req) ? sendPage(req, res) : next()));
  app.get('/ide/assets/:name', (req, res) => {
    const asset = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!asset) return void res.status(404).json({ error: 'no such asset' });
    res.setHeader('x-content-type-options', 'nosniff');
    res.type(asset.type).sendFile(asset.file);
  });
  const issue = options.issueDemoToken;
  if (issue) {
    // JSON only: a cross-site form cannot send it, so another site cannot have a visitor's browser fetch tokens.
    app.post('/ide/token', express.json({ limit: '1kb' }), async (req, res) => {
      const username: unknown = (req.body as { username?: unknown } | undefined)?.username;
      if (!req.is('application/json') || typeof username !== 'string' || !findDemoUser(username)) {
        return void res.status(400).json({ error: `Send {"username": "<demo user>"} as JSON; demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}` });
      }
      res.setHeader('cache-control', 'no-store');
      res.json({ token: await issue(username) });
    });
  }
}
