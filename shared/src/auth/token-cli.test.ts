import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateDevSigningKey } from './keys.ts';
import { createTokenVerifier } from './tokens.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'token.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'pathway-token-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // The caller's own auth settings would change what the script does; each test states the ones it needs.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AUTH_')));
  const clean = { ...inherited, DATA_DIR: dataDir, NODE_ENV: 'development', ...env };
  return new Promise((resolve) => {
    execFile(tsx, [script, ...args], { cwd: root, env: clean }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run token', () => {
  it('prints only a token that verifies with the development key', async () => {
    const { code, stdout } = await run(['gp-107510', '--expires-in', '15m']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const { publicJwks } = await loadOrCreateDevSigningKey(dataDir);
    const verifier = createTokenVerifier({ issuer: 'pathway-graph-dev', audience: 'pathway-graph', jwks: { keys: publicJwks } });
    await expect(verifier.verify(`Bearer ${stdout.trim()}`)).resolves.toMatchObject({ sector: 'GENERAL_PRACTICE', organisation: '107510' });
    const payload = JSON.parse(Buffer.from(stdout.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(900);
  });

  it('lists the demo users', async () => {
    const { code, stdout } = await run(['--list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^USERNAME\s+ROLE\s+SECTOR\s+ORGANISATION\s+DESCRIPTION/);
    expect(stdout).toMatch(/caseworker-751\s+CASEWORKER\s+MUNICIPALITY\s+751\s/);
  });

  it('refuses an unknown user, listing the valid ones', async () => {
    const { code, stdout, stderr } = await run(['nobody']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Unknown demo user "nobody"/);
    expect(stderr).toContain('gp-107510');
  });

  it('refuses when services verify against an identity provider, or in production', async () => {
    const withJwks = await run(['gp-107510'], { AUTH_JWKS_URL: 'https://idp.example/jwks.json' });
    expect(withJwks.code).toBe(1);
    expect(withJwks.stdout).toBe('');
    expect(withJwks.stderr).toMatch(/AUTH_JWKS_URL is set/);
    const production = await run(['gp-107510'], { NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.stderr).toMatch(/refused in production/);
  });

  it('refuses a lifetime it cannot read', async () => {
    const { code, stderr } = await run(['gp-107510', '--expires-in', 'forever']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/30s, 15m, 8h or 1d/);
  });
});
