/**
 * The README's "Running one subgraph alone" examples, run as written (through bash and npm, from the repository
 * root): only the port (free, not 4001), a throwaway data directory and, for PostgreSQL, the placeholder server
 * are set around them. A token from `npm run token` must then be accepted, as the README promises.
 */
import { CONFIG_VARIABLES, DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, generateSigningKey, mintToken } from '@pathway-graph/shared';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphQL } from './support/graphql.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TIMEOUT = 300_000;

/** The shell blocks of one README section, in order. */
function examples(section: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`## ${section}\n`);
  const text = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

// Relative on purpose, as the default `.data` is: the subgraph (run by npm inside its workspace folder) and the
// token command (run from the root) must both find it in the repository root. `.test-results/` is git-ignored.
const dataDir = (name: string) => join('.test-results', `readme-${name}-${randomBytes(4).toString('hex')}`);
const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(join(ROOT, dir), { recursive: true, force: true });
});

function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.includes(name)));
  return { ...inherited, LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false', ...settings };
}

interface Started {
  url: string;
  stop(): Promise<void>;
}

/** Runs a README block through bash and waits until the subgraph says it listens (its pino log names the port). */
function runExample(block: string, settings: Record<string, string>): Promise<Started> {
  const child: ChildProcess = spawn('bash', ['-e', '-c', block], { cwd: ROOT, env: cleanEnv(settings), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`the example did not start:\n${output}`))), TIMEOUT - 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+),"msg":"municipality listening"/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://localhost:${port}/graphql`, stop });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example exited with ${code}:\n${output}`));
    });
  });
}

function token(user: string, dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(TSX, ['scripts/token.ts', user], { cwd: ROOT, env: cleanEnv({ DATA_DIR: dir }) }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(stdout.trim()),
    );
  });
}

/** A development token (issuer and audience as `npm run token` sets them) signed with a key of no data directory. */
async function tokenOfAnotherKey(username: string): Promise<string> {
  const { username: _username, description: _description, ...principal } = findDemoUser(username)!;
  const { privateJwk } = await generateSigningKey();
  return mintToken(principal, { privateJwk, issuer: DEV_AUTH_ISSUER, audience: DEFAULT_AUTH_AUDIENCE });
}

describe('the README: running one subgraph alone', () => {
  const [embedded, onPostgres] = examples('Running one subgraph alone');

  it('has an example on the embedded default and one on PostgreSQL', () => {
    expect(embedded).toBe('npm start -w subgraphs/municipality\n');
    expect(onPostgres).toContain('postgres://user:pass@db.example:5432/municipality');
  });

  it(
    'runs as written on the embedded default, and accepts a token from `npm run token` of the same data directory',
    async () => {
      const dir = dataDir('embedded');
      created.push(dir);
      const subgraph = await runExample(embedded!, { MUNICIPALITY_PORT: '0', DATA_DIR: dir });
      try {
        const accepted = await postGraphQL<{ __typename: string }>(subgraph.url, '{ __typename }', {}, { authorization: `Bearer ${await token('caseworker-751', dir)}` });
        expect(accepted).toEqual({ data: { __typename: 'Query' } });

        // A token minted with another key, as `npm run token` with another data directory mints one: the refusal says
        // that, not "get a token issued by <the very issuer that issued it>". Minted here: a second run of the command
        // would start another process to show nothing the first did not.
        const refused = await postGraphQL(subgraph.url, '{ __typename }', {}, { authorization: `Bearer ${await tokenOfAnotherKey('caseworker-751')}` });
        expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
        expect(refused.errors?.[0]?.message).toMatch(/names the expected issuer "pathway-graph-dev" but was signed with another key; .*same DATA_DIR/);
      } finally {
        await subgraph.stop();
      }
    },
    TIMEOUT,
  );

  // Only with a real server to point the placeholder at (CI sets TEST_DATABASE_URL), like the [postgres] suites.
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (adminUrl) {
    it(
      'runs as written on PostgreSQL, with the placeholder server replaced by a real one [postgres]',
      async () => {
        const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
        const database = `pathway_readme_${randomBytes(6).toString('hex')}`;
        await admin.unsafe(`create database ${database}`);
        const url = new URL(adminUrl);
        url.pathname = `/${database}`;
        const dir = dataDir('postgres');
        created.push(dir);
        try {
          const block = onPostgres!.replace('postgres://user:pass@db.example:5432/municipality', url.toString());
          const subgraph = await runExample(block, { MUNICIPALITY_PORT: '0', DATA_DIR: dir });
          try {
            const answer = await postGraphQL<{ __typename: string }>(subgraph.url, '{ __typename }', {}, { authorization: `Bearer ${await token('caseworker-751', dir)}` });
            expect(answer).toEqual({ data: { __typename: 'Query' } });
          } finally {
            await subgraph.stop();
          }
        } finally {
          await admin.unsafe(`drop database if exists ${database} with (force)`);
          await admin.end();
        }
      },
      TIMEOUT,
    );
  }
});
