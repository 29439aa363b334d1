import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadOrCreateDevSigningKey } from './auth/keys.ts';
import { DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, type TokenVerifierOptions } from './auth/tokens.ts';
import type { DatabaseTarget } from './db/database.ts';
import { MIN_PSEUDONYM_SECRET_LENGTH } from './domain/pseudonym.ts';
import { receiversFrom, sendersTo, sendsMessages } from './messaging/contract.ts';
import { loadOrCreateDevelopmentMessageKey } from './messaging/development-keys.ts';
import { parseKeyJwk } from './messaging/signature.ts';

/** The five subgraphs, their environment prefixes, default ports and Postgres schemas. */
export const SUBGRAPHS = {
  municipality: { envPrefix: 'MUNICIPALITY', defaultPort: 4001, pgSchema: 'municipality' },
  'general-practice': { envPrefix: 'GENERAL_PRACTICE', defaultPort: 4002, pgSchema: 'general_practice' },
  bua: { envPrefix: 'BUA', defaultPort: 4003, pgSchema: 'bua' },
  screening: { envPrefix: 'SCREENING', defaultPort: 4004, pgSchema: 'screening' },
  pathway: { envPrefix: 'PATHWAY', defaultPort: 4005, pgSchema: null },
} as const;
export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

export const DEFAULT_GATEWAY_PORT = 4000;

type Env = Record<string, string | undefined>;

const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const url = z.url({ protocol: /^(postgres|postgresql)$/ });

const common = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  CHILD_PSEUDONYM_SECRET: z.string().min(MIN_PSEUDONYM_SECRET_LENGTH).optional(),
  SEED_DEMO_DATA: bool.optional(),
  DATABASE_URL: url.optional(),
  AUTH_ISSUER: z.string().min(1).default(DEV_AUTH_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUTH_AUDIENCE),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
});

/** Thrown with every problem listed, so a misconfigured service says all that is wrong at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parse<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  return result.data;
}

export interface AuthConfig {
  issuer: string;
  audience: string;
  /** The identity provider's key set; unset outside production means the development key in DATA_DIR. */
  jwksUrl: string | undefined;
}

export interface CommonConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  dataDir: string;
  pseudonymSecret: string;
  seedDemoData: boolean;
  auth: AuthConfig;
}

export function loadCommonConfig(env: Env = process.env): CommonConfig {
  const c = parse(common, env);
  const dataDir = resolve(c.DATA_DIR);
  if (c.NODE_ENV === 'production' && !c.AUTH_JWKS_URL) {
    throw new ConfigError(['AUTH_JWKS_URL: required in production (the identity provider\'s key set)']);
  }
  return {
    auth: { issuer: c.AUTH_ISSUER, audience: c.AUTH_AUDIENCE, jwksUrl: c.AUTH_JWKS_URL },
    nodeEnv: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    dataDir,
    pseudonymSecret: c.CHILD_PSEUDONYM_SECRET ?? developmentSecret(c.NODE_ENV, dataDir, 'pseudonym-secret', 'CHILD_PSEUDONYM_SECRET'),
    seedDemoData: c.SEED_DEMO_DATA ?? c.NODE_ENV === 'development',
  };
}

/**
 * Outside production a missing shared secret is generated once and kept in the data directory, so pseudonyms and
 * signatures stay stable across restarts; in production it must be configured, identically for every subgraph.
 */
function developmentSecret(nodeEnv: string, dataDir: string, fileName: string, variable: string): string {
  if (nodeEnv === 'production') {
    throw new ConfigError([`${variable}: required in production (the same value in every subgraph)`]);
  }
  const file = join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface SubgraphConfig extends CommonConfig {
  name: SubgraphName;
  port: number;
  database: DatabaseTarget;
  /** Set for a subgraph that sends or receives messages (the message contract says which). */
  messaging?: MessagingConfig;
}

/**
 * A sector subgraph's settings: `<PREFIX>_PORT` and `<PREFIX>_DATABASE_URL` (falling back to `DATABASE_URL`, where
 * each subgraph keeps to its own schema); without a URL the data lives in embedded PGlite under DATA_DIR.
 */
export function loadSubgraphConfig(name: SubgraphName, env: Env = process.env): SubgraphConfig {
  const { envPrefix, defaultPort } = SUBGRAPHS[name];
  const own = parse(
    z.object({
      [`${envPrefix}_PORT`]: port.default(defaultPort),
      [`${envPrefix}_DATABASE_URL`]: url.optional(),
    }),
    env,
  ) as Record<string, unknown>;
  const base = loadCommonConfig(env);
  const databaseUrl = (own[`${envPrefix}_DATABASE_URL`] as string | undefined) ?? env['DATABASE_URL'];
  const messaging = loadMessagingConfig(name, env, base);
  return {
    ...base,
    ...(messaging ? { messaging } : {}),
    name,
    port: own[`${envPrefix}_PORT`] as number,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: join(base.dataDir, 'pglite') },
  };
}

export interface GatewayConfig extends CommonConfig {
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
}

/** The gateway's port and where each subgraph answers (`<PREFIX>_URL`, default on localhost). */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const base = loadCommonConfig(env);
  const own = parse(z.object({ PORT: port.default(DEFAULT_GATEWAY_PORT) }), env);
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const problems: string[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const { envPrefix, defaultPort } = SUBGRAPHS[name];
    const value = env[`${envPrefix}_URL`] ?? `http://localhost:${defaultPort}/graphql`;
    if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) problems.push(`${envPrefix}_URL: not an http(s) URL`);
    subgraphUrls[name] = value;
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...base, port: own.PORT, subgraphUrls };
}

/**
 * How a service verifies tokens: against the identity provider's JWKS when configured, otherwise against the
 * development key kept in DATA_DIR (created on first start; `npm run token` signs with it).
 */
export async function tokenVerifierOptions(config: CommonConfig): Promise<TokenVerifierOptions> {
  const { issuer, audience, jwksUrl } = config.auth;
  if (jwksUrl) return { issuer, audience, jwks: { url: jwksUrl } };
  const { publicJwks } = await loadOrCreateDevSigningKey(config.dataDir);
  return { issuer, audience, jwks: { keys: publicJwks } };
}

// ---------------------------------------------------------------------------------------------------------------
// Messaging between sectors. What a subgraph needs follows from the message contract (shared/src/messaging/kinds.ts):
// a subgraph that sends a kind needs its own signing key and the endpoint of each receiver; a subgraph that receives
// one needs the public key of each sender. Nothing else is asked of anyone (BUA, sending and receiving nothing today,
// starts without any of it).

/** Delivery of messages between sectors, for one subgraph. */
export interface MessagingConfig {
  /** This subgraph's Ed25519 private key (`<PREFIX>_MESSAGE_SIGNING_KEY`); null when it sends nothing. */
  signingKey: KeyObject | null;
  /** The public key of every sector that may send to this subgraph (`<SENDER PREFIX>_MESSAGE_PUBLIC_KEY`). */
  publicKeys: Partial<Record<SubgraphName, KeyObject>>;
  /** The message endpoint of every subgraph this one sends to (`<RECEIVER PREFIX>_MESSAGES_URL`). Read at send time. */
  endpoints: Partial<Record<SubgraphName, string>>;
  /** How often the delivery worker looks for due messages (`MESSAGE_POLL_MS`). */
  workerPollMs: number;
}

/**
 * The messaging settings of one subgraph, or undefined when the contract has it send and receive nothing. Keys are
 * JWK (see shared/src/messaging/signature.ts). Outside production a missing key pair is generated once into
 * DATA_DIR/message-keys/, so a whole system in one process (npm start) works with nothing configured; in production
 * every key the subgraph needs must be configured, and all that is missing or invalid is reported at once.
 */
export function loadMessagingConfig(
  name: SubgraphName,
  env: Env,
  { nodeEnv, dataDir }: { nodeEnv: string; dataDir: string },
): MessagingConfig | undefined {
  const senders = sendersTo(name);
  const receivers = receiversFrom(name);
  if (senders.length === 0 && receivers.length === 0) return undefined;
  const problems: string[] = [];
  const production = nodeEnv === 'production';
  const prefix = (subgraph: SubgraphName) => SUBGRAPHS[subgraph].envPrefix;

  /** A sender's private key from its variable, else (outside production) its development key in DATA_DIR. */
  const privateKeyOf = (subgraph: SubgraphName, required: boolean): KeyObject | null => {
    const variable = `${prefix(subgraph)}_MESSAGE_SIGNING_KEY`;
    const text = env[variable];
    if (text) {
      const key = parseKeyJwk(text, 'private');
      if (typeof key === 'string') problems.push(`${variable}: ${key}`);
      return typeof key === 'string' ? null : key;
    }
    if (production) {
      if (required) problems.push(`${variable}: required in production (the private JWK ${subgraph} signs its messages with)`);
      return null;
    }
    const key = loadOrCreateDevelopmentMessageKey(dataDir, subgraph);
    if (typeof key === 'string') problems.push(key);
    return typeof key === 'string' ? null : key;
  };

  const signingKey = sendsMessages(name) ? privateKeyOf(name, true) : null;
  const publicKeys: Partial<Record<SubgraphName, KeyObject>> = {};
  for (const sender of senders) {
    const variable = `${prefix(sender)}_MESSAGE_PUBLIC_KEY`;
    const text = env[variable];
    if (text) {
      const key = parseKeyJwk(text, 'public');
      if (typeof key === 'string') problems.push(`${variable}: ${key}`);
      else publicKeys[sender] = key;
    } else if (production) {
      problems.push(`${variable}: required in production (the public JWK of ${sender}, which sends messages to ${name})`);
    } else {
      // Development: the same key the sender signs with, found where the sender finds it.
      const privateKey = privateKeyOf(sender, false);
      if (privateKey) publicKeys[sender] = createPublicKey(privateKey);
    }
  }

  const endpoints: Partial<Record<SubgraphName, string>> = {};
  for (const receiver of receivers) {
    const variable = `${prefix(receiver)}_MESSAGES_URL`;
    const value = env[variable] ?? `http://localhost:${SUBGRAPHS[receiver].defaultPort}/messages`;
    if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) problems.push(`${variable}: not an http(s) URL`);
    else endpoints[receiver] = value;
  }

  const poll = z.coerce.number().int().min(10).max(60_000).default(250).safeParse(env['MESSAGE_POLL_MS']);
  if (!poll.success) problems.push('MESSAGE_POLL_MS: a whole number of milliseconds from 10 to 60000');

  if (problems.length > 0 || !poll.success) throw new ConfigError(problems);
  return { signingKey, publicKeys, endpoints, workerPollMs: poll.data };
}
