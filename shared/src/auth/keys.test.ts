import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { generateSigningKey, loadOrCreateDevSigningKey } from './keys.ts';
import { createTokenVerifier, mintToken } from './tokens.ts';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-auth-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('generateSigningKey', () => {
  it('makes an ES256 key pair whose public half holds no private part', async () => {
    const { privateJwk, publicJwks } = await generateSigningKey();
    expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(privateJwk.d).toBeTruthy();
    expect(privateJwk.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(publicJwks.keys).toHaveLength(1);
    expect(publicJwks.keys[0]).toEqual({ kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y, kid: privateJwk.kid, alg: 'ES256', use: 'sig' });
  });

  it('makes a new key each time', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    expect(a.privateJwk.kid).not.toBe(b.privateJwk.kid);
  });
});

describe('loadOrCreateDevSigningKey', () => {
  it('creates the key once, private to its owner, and reuses it so tokens survive a restart', async () => {
    const dataDir = tempDataDir();
    const first = await loadOrCreateDevSigningKey(dataDir);
    const file = join(dataDir, 'auth', 'dev-signing-key.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first.privateJwk);

    const token = await mintToken(
      { subject: 's', displayName: 'Demo Analyst', sector: 'REGION', organisation: 'REGION_MIDTJYLLAND', roles: ['ANALYST'] },
      { privateJwk: first.privateJwk, issuer: 'i', audience: 'a' },
    );
    const second = await loadOrCreateDevSigningKey(dataDir);
    expect(second).toEqual(first);
    const verifier = createTokenVerifier({ issuer: 'i', audience: 'a', jwks: { keys: second.publicJwks } });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ roles: ['ANALYST'] });
  });

  it('gives processes starting together the same key', async () => {
    const dataDir = tempDataDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevSigningKey(dataDir)));
    expect(new Set(keys.map((k) => k.privateJwk.kid)).size).toBe(1);
    expect(readdirSync(join(dataDir, 'auth'))).toEqual(['dev-signing-key.json']);
  });

  it('tightens a key file readable by others', async () => {
    const dataDir = tempDataDir();
    await loadOrCreateDevSigningKey(dataDir);
    const file = join(dataDir, 'auth', 'dev-signing-key.json');
    chmodSync(file, 0o644);
    await loadOrCreateDevSigningKey(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key file, saying how to recover', async () => {
    const dataDir = tempDataDir();
    await loadOrCreateDevSigningKey(dataDir);
    writeFileSync(join(dataDir, 'auth', 'dev-signing-key.json'), '{"kty":"oct"}');
    const error = await loadOrCreateDevSigningKey(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/not a private EC P-256 JWK; delete it/);
  });
});
