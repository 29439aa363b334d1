import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { z } from 'zod';
import { ConfigError } from '../config.ts';

export const SIGNING_ALGORITHM = 'ES256';

/** A private key to mint tokens with and the public key set that verifies them. */
export interface SigningKey {
  privateJwk: JWK;
  publicJwks: JSONWebKeySet;
}

/** Where `loadOrCreateDevSigningKey` keeps the key, relative to the data directory. */
export const DEV_SIGNING_KEY_FILE = join('auth', 'dev-signing-key.json');

const privateEcJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  d: z.string().min(1),
  kid: z.string().min(1).optional(),
});

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const { kty, crv, x, y } = jwk;
  const publicPart: JWK = { kty, crv, x, y };
  // The RFC 7638 thumbprint: the same key always gets the same kid, whichever process derives it.
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  const meta = { kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return { privateJwk: { ...jwk, ...meta }, publicJwks: { keys: [{ ...publicPart, ...meta }] } };
}

/** A fresh ES256 key pair. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  delete jwk.kid;
  return fromPrivateJwk(jwk);
}

/**
 * The development signing key in `<dataDir>/auth/dev-signing-key.json`, created on first use and reused after, so
 * tokens minted for the demo users stay valid across restarts. Only for development: in production the identity
 * provider holds the keys and services verify against its JWKS URL.
 */
export async function loadOrCreateDevSigningKey(dataDir: string): Promise<SigningKey> {
  const dir = join(dataDir, 'auth');
  const file = join(dataDir, DEV_SIGNING_KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const existing = readKeyFile(file);
  if (existing) return fromPrivateJwk(existing);

  const created = await generateSigningKey();
  // Gateway and subgraphs may start at the same moment: write aside, then link into place, which fails if another
  // process got there first. Nobody ever reads a half-written key, and everyone ends up with the one that won.
  const temporary = join(dir, `.dev-signing-key.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(created.privateJwk, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const winner = readKeyFile(file);
  if (!winner) throw new ConfigError([`${file}: could not be created`]);
  return fromPrivateJwk(winner);
}

function readKeyFile(file: string): JWK | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A private key readable by others is a key others can mint with; tighten it rather than refuse to start.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = privateEcJwk.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError([
      `${file}: not a private EC P-256 JWK; delete it to generate a new development key (tokens minted with the old one stop working)`,
    ]);
  }
  return parsed.data;
}
