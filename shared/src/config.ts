import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadOrCreateDevSigningKey } from './auth/keys.ts';
import { DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, type TokenVerifierOptions } from './auth/tokens.ts';
import type { DatabaseTarget } from './db/database.ts';
import { MIN_PSEUDONYM_SECRET_LENGTH } from './domain/pseudonym.ts';
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from './registry.ts';

// The registry used to live here; importers of config.ts keep finding it.
export { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from './registry.ts';

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
  MESSAGE_SIGNING_SECRET: z.string().min(32).optional(),
  MUNICIPALITY_MESSAGES_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4001/messages'),
  GENERAL_PRACTICE_MESSAGES_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4002/messages'),
  MESSAGE_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
});

/**
 * Every environment variable a service reads. docker-compose.yml and the README's configuration table are checked
 * against this list (test/registry.test.ts), so a misspelt or forgotten variable cannot go unnoticed.
 */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(common.shape),
  'PORT',
  ...SUBGRAPH_NAMES.flatMap((name) => {
    const { envPrefix, pgSchema } = SUBGRAPHS[name];
    return [`${envPrefix}_PORT`, `${envPrefix}_URL`, ...(pgSchema === null ? [] : [`${envPrefix}_DATABASE_URL`])];
  }),
];

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

/** Delivery of messages between sectors (letters, replies, receipts): where each sector's endpoint is, and the key. */
export interface MessagingConfig {
  /** Signs what a sector sends and verifies what it receives; the same in every sector that exchanges messages. */
  signingSecret: string;
  endpoints: { municipality: string; 'general-practice': string };
  workerPollMs: number;
}

export interface CommonConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  dataDir: string;
  pseudonymSecret: string;
  seedDemoData: boolean;
  auth: AuthConfig;
  messaging: MessagingConfig;
}

export function loadCommonConfig(env: Env = process.env): CommonConfig {
  const c = parse(common, env);
  const dataDir = resolve(c.DATA_DIR);
  if (c.NODE_ENV === 'production' && !c.AUTH_JWKS_URL) {
    throw new ConfigError(['AUTH_JWKS_URL: required in production (the identity provider\'s key set)']);
  }
  return {
    auth: { issuer: c.AUTH_ISSUER, audience: c.AUTH_AUDIENCE, jwksUrl: c.AUTH_JWKS_URL },
    messaging: {
      signingSecret: c.MESSAGE_SIGNING_SECRET ?? developmentSecret(c.NODE_ENV, dataDir, 'message-signing-secret', 'MESSAGE_SIGNING_SECRET'),
      endpoints: { municipality: c.MUNICIPALITY_MESSAGES_URL, 'general-practice': c.GENERAL_PRACTICE_MESSAGES_URL },
      workerPollMs: c.MESSAGE_POLL_MS,
    },
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
  return {
    ...base,
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
