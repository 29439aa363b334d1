import { randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportKeyJwk, generateMessageKeyPair, parseKeyJwk } from './signature.ts';

/** Where a subgraph's development message key is kept, relative to the data directory. */
export const developmentMessageKeyFile = (subgraph: string) => join('message-keys', `${subgraph}.private.jwk`);

/**
 * The development signing key of a sending subgraph in `<dataDir>/message-keys/`, created on first use, so that
 * `npm start` (every subgraph in one process, one data directory) signs and verifies with nothing configured, and
 * keeps doing so across restarts. Never used in production, where each sender's key is configured.
 * Returns the key, or a sentence saying what is wrong with the file.
 */
export function loadOrCreateDevelopmentMessageKey(dataDir: string, subgraph: string): KeyObject | string {
  const file = join(dataDir, developmentMessageKeyFile(subgraph));
  const existing = readKeyFile(file);
  if (existing !== undefined) return existing;
  const dir = join(dataDir, 'message-keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Several subgraphs may start at the same moment: write aside, then link into place, which fails if another process
  // got there first. Nobody reads a half-written key, and everyone ends up with the one that won.
  const temporary = join(dir, `.${subgraph}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, `${exportKeyJwk(generateMessageKeyPair().privateKey)}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readKeyFile(file) ?? `${file}: could not be created`;
}

function readKeyFile(file: string): KeyObject | string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = parseKeyJwk(text.trim(), 'private');
  return typeof key === 'string' ? `${file}: ${key}; delete it to generate a new development key` : key;
}
