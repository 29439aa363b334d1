import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadPathwayConfig, loadSubgraphConfig } from '../config.ts';
import { developmentMessageKeyFile } from './development-keys.ts';
import { exportKeyJwk, generateMessageKeyPair, signMessage, verifyMessageSignature } from './signature.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-messaging-config-'));
  dirs.push(dir);
  return dir;
};

const production = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example/jwks.json',
  AUTH_ISSUER: 'https://idp.example',
  CHILD_PSEUDONYM_SECRET: 'a-production-pseudonym-secret-0123456789abcdef',
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const verifies = (signingKey: Parameters<typeof signMessage>[2], publicKey: Parameters<typeof verifyMessageSignature>[3]) => {
  const route = { sender: 'general-practice', receiver: 'municipality' };
  return verifyMessageSignature(Buffer.from('{}'), signMessage('{}', route, signingKey), route, publicKey);
};

describe('messaging configuration', () => {
  it('outside production, generates each sender’s key pair once into DATA_DIR, so one process signs and verifies with nothing configured', () => {
    const DATA_DIR = dataDir();
    const gp = loadSubgraphConfig('general-practice', { DATA_DIR });
    const municipality = loadSubgraphConfig('municipality', { DATA_DIR });
    expect(gp.messaging!.signingKey).not.toBeNull();
    expect(Object.keys(municipality.messaging!.publicKeys)).toEqual(['general-practice', 'bua', 'screening']);
    expect(verifies(gp.messaging!.signingKey!, municipality.messaging!.publicKeys['general-practice']!)).toBe(true);
    expect(gp.messaging!.endpoints).toEqual({ municipality: 'http://localhost:4001/messages', bua: 'http://localhost:4003/messages' });
    expect(municipality.messaging!.endpoints).toEqual({ 'general-practice': 'http://localhost:4002/messages', bua: 'http://localhost:4003/messages' });
    expect(gp.messaging!.workerPollMs).toBe(250);
    expect(statSync(join(DATA_DIR, developmentMessageKeyFile('general-practice'))).mode & 0o077).toBe(0);
    // A restart reads the same keys.
    const again = loadSubgraphConfig('municipality', { DATA_DIR });
    expect(verifies(gp.messaging!.signingKey!, again.messaging!.publicKeys['general-practice']!)).toBe(true);
  });

  it('outside production, takes a configured signing key’s public half for the receivers in the same process', () => {
    const { privateKey } = generateMessageKeyPair();
    const env = { DATA_DIR: dataDir(), GENERAL_PRACTICE_MESSAGE_SIGNING_KEY: exportKeyJwk(privateKey) };
    const municipality = loadSubgraphConfig('municipality', env);
    expect(verifies(privateKey, municipality.messaging!.publicKeys['general-practice']!)).toBe(true);
  });

  it('asks nothing of a subgraph that sends and receives nothing, in production too (the pathway subgraph)', () => {
    const config = loadPathwayConfig({ ...production, DATA_DIR: dataDir() });
    expect('messaging' in config).toBe(false);
  });

  it('asks a subgraph that only sends (screening) for its signing key and its receiver’s endpoint, no public key', () => {
    expect(problemsOf(() => loadSubgraphConfig('screening', { ...production, DATA_DIR: dataDir() }))).toEqual([
      'SCREENING_MESSAGE_SIGNING_KEY: required in production (the private JWK screening signs its messages with)',
    ]);
    const screening = generateMessageKeyPair();
    const config = loadSubgraphConfig('screening', {
      ...production,
      DATA_DIR: dataDir(),
      SCREENING_MESSAGE_SIGNING_KEY: exportKeyJwk(screening.privateKey),
      MUNICIPALITY_MESSAGES_URL: 'https://municipality.example/messages',
    });
    expect(config.messaging).toMatchObject({ publicKeys: {}, endpoints: { municipality: 'https://municipality.example/messages' } });
  });

  it('in production, requires exactly the keys the contract makes a subgraph need, all reported at once', () => {
    expect(problemsOf(() => loadSubgraphConfig('municipality', { ...production, DATA_DIR: dataDir() }))).toEqual([
      'MUNICIPALITY_MESSAGE_SIGNING_KEY: required in production (the private JWK municipality signs its messages with)',
      'GENERAL_PRACTICE_MESSAGE_PUBLIC_KEY: required in production (the public JWK of general-practice, to verify the messages general-practice sends)',
      'BUA_MESSAGE_PUBLIC_KEY: required in production (the public JWK of bua, to verify the messages bua sends)',
      'SCREENING_MESSAGE_PUBLIC_KEY: required in production (the public JWK of screening, to verify the messages screening sends)',
    ]);
    const gp = generateMessageKeyPair();
    const municipality = generateMessageKeyPair();
    const screening = generateMessageKeyPair();
    const env = {
      ...production,
      DATA_DIR: dataDir(),
      MUNICIPALITY_MESSAGE_SIGNING_KEY: exportKeyJwk(municipality.privateKey),
      GENERAL_PRACTICE_MESSAGE_PUBLIC_KEY: exportKeyJwk(gp.publicKey),
      BUA_MESSAGE_PUBLIC_KEY: exportKeyJwk(generateMessageKeyPair().publicKey),
      SCREENING_MESSAGE_PUBLIC_KEY: exportKeyJwk(screening.publicKey),
      GENERAL_PRACTICE_MESSAGES_URL: 'https://gp.example/messages',
      MESSAGE_POLL_MS: '500',
    };
    const config = loadSubgraphConfig('municipality', env);
    expect(verifies(gp.privateKey, config.messaging!.publicKeys['general-practice']!)).toBe(true);
    expect(config.messaging).toMatchObject({ endpoints: { 'general-practice': 'https://gp.example/messages' }, workerPollMs: 500 });
  });

  it('refuses keys of the wrong kind, naming the variable and never showing the key', () => {
    const gp = generateMessageKeyPair();
    const privateJwk = exportKeyJwk(gp.privateKey);
    const problems = problemsOf(() =>
      loadSubgraphConfig('municipality', {
        ...production,
        DATA_DIR: dataDir(),
        MUNICIPALITY_MESSAGE_SIGNING_KEY: exportKeyJwk(gp.publicKey),
        GENERAL_PRACTICE_MESSAGE_PUBLIC_KEY: privateJwk,
        BUA_MESSAGE_PUBLIC_KEY: exportKeyJwk(generateMessageKeyPair().publicKey),
        SCREENING_MESSAGE_PUBLIC_KEY: exportKeyJwk(generateMessageKeyPair().publicKey),
        GENERAL_PRACTICE_MESSAGES_URL: 'ftp://gp.example/messages',
        MESSAGE_POLL_MS: '1',
      }),
    );
    expect(problems).toEqual([
      'MUNICIPALITY_MESSAGE_SIGNING_KEY: is a public key; the signing key is the private JWK (with "d")',
      'GENERAL_PRACTICE_MESSAGE_PUBLIC_KEY: contains the private key ("d"); give receivers the public JWK only',
      'GENERAL_PRACTICE_MESSAGES_URL: not an http(s) URL',
      'MESSAGE_POLL_MS: a whole number of milliseconds from 10 to 60000',
    ]);
    expect(problems.join('\n')).not.toContain((JSON.parse(privateJwk) as { d: string }).d);
  });
});
