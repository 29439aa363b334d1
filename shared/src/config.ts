import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadOrCreateDevSigningKey } from './auth/keys.ts';
import { DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, type TokenVerifierOptions } from './auth/tokens.ts';
import type { DatabaseTarget } from './db/database.ts';
import { MIN_PSEUDONYM_SECRET_LENGTH } from './domain/pseudonym.ts';
import { receiversFrom, sendersTo, sendsMessages } from './messaging/contract.ts';
import { loadOrCreateDevelopmentMessageKey } from './messaging/development-keys.ts';
import { parseKeyJwk } from './messaging/signature.ts';
import {
  ACCESS_LOG_SUBGRAPH_NAMES,
  byName,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type AccessLogSubgraphName,
  type SubgraphName,
} from './registry.ts';

// The registry used to live here; importers of config.ts keep finding it.
export { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from './registry.ts';

export const DEFAULT_GATEWAY_PORT = 4000;

type Env = Record<string, string | undefined>;

/** The repository's root folder (this file is shared/src/config.ts). */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = '.data';

const port = z.coerce.number({ error: 'must be a port number (0-65535; 0 picks a free one)' }).int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const url = z.url({ protocol: /^(postgres|postgresql)$/, error: 'must be a PostgreSQL URL: postgres://user:password@host:5432/database' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const common = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  CHILD_PSEUDONYM_SECRET: z.string().min(MIN_PSEUDONYM_SECRET_LENGTH).optional(),
  SEED_DEMO_DATA: bool.optional(),
  DATABASE_URL: url.optional(),
  AUTH_ISSUER: z.string().min(1).default(DEV_AUTH_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUTH_AUDIENCE),
  AUTH_JWKS_URL: httpUrl.optional(),
  // Operators' settings (shared/src/observability/): who may scrape /metrics, where traces go.
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
});

/**
 * Every environment variable a service reads. docker-compose.yml and the README's configuration table are checked
 * against this list (test/registry.test.ts), so a misspelt or forgotten variable cannot go unnoticed.
 */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(common.shape),
  'PORT',
  'GRAPHQL_IDE',
  ...SUBGRAPH_NAMES.flatMap((name) => {
    const { envPrefix, pgSchema } = SUBGRAPHS[name];
    return [`${envPrefix}_PORT`, `${envPrefix}_URL`, ...(pgSchema === null ? [] : [`${envPrefix}_DATABASE_URL`])];
  }),
  // Messaging: each sender's keys and each receiver's endpoint, as the message contract has them.
  ...SUBGRAPH_NAMES.flatMap((name) => {
    const { envPrefix } = SUBGRAPHS[name];
    return [
      ...(sendsMessages(name) ? [`${envPrefix}_MESSAGE_SIGNING_KEY`, `${envPrefix}_MESSAGE_PUBLIC_KEY`] : []),
      ...(sendersTo(name).length > 0 ? [`${envPrefix}_MESSAGES_URL`] : []),
    ];
  }),
  'MESSAGE_POLL_MS',
];

/** Thrown with every problem listed, so a misconfigured service says all that is wrong at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An empty variable (`X=` in an env file or compose) means the same as an unset one. */
const isSet = (env: Env, name: string): boolean => env[name] !== undefined && env[name] !== '';

/** What a person does about a secret that is missing or too short. */
const SECRET_HINT = 'generate one with `openssl rand -base64 32` and give every service the same value';

/** One line per problem, naming the variable and never quoting its value (it may be a secret). */
function describeIssue(name: string, value: string, issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const hint = name.endsWith('_SECRET') ? `; ${SECRET_HINT}` : '';
    return `${name}: must be at least ${String(issue.minimum)} characters long, it has ${value.length}${hint}`;
  }
  return `${name}: ${issue.message}`;
}

/** Reads each variable on its own, so every wrong one is reported, not only the first; unset ones get their default. */
function parseVariables<S extends Record<string, z.ZodType>>(shape: S, env: Env, problems: string[]): { [K in keyof S]: z.output<S[K]> } {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const value = isSet(env, name) ? env[name] : undefined;
    const result = schema.safeParse(value);
    if (result.success) values[name] = result.data;
    else problems.push(describeIssue(name, value ?? '', result.error.issues[0]!));
  }
  // A variable that failed is missing here; the caller throws the problems before anything reads it.
  return values as { [K in keyof S]: z.output<S[K]> };
}

/** Runs a loader, then throws every problem it found at once (each only once, however many parts found it). */
function collecting<T>(load: (problems: string[]) => T): T {
  const problems: string[] = [];
  const value = load(problems);
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return value;
}

/**
 * DATA_DIR as an absolute path. A relative one (the default `.data` too) is taken from the repository root, so that
 * `npm start`, `npm start -w subgraphs/<name>` (which npm runs inside the workspace folder) and `npm run token`
 * share one data directory, and with it one development key.
 */
export function dataDirFrom(env: Env = process.env): string {
  return resolve(REPOSITORY_ROOT, isSet(env, 'DATA_DIR') ? env['DATA_DIR']! : DEFAULT_DATA_DIR);
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
  observability: ObservabilityConfig;
}

export interface ObservabilityConfig {
  /** Bearer token a scraper must send for /metrics; unset: open outside production, off in production. */
  metricsToken: string | undefined;
  /** OTLP/HTTP collector traces are exported to (`…/v1/traces` is appended); unset: no tracing. */
  otlpEndpoint: string | undefined;
}

export function loadCommonConfig(env: Env = process.env): CommonConfig {
  return collecting((problems) => commonConfig(env, problems));
}

function commonConfig(env: Env, problems: string[]): CommonConfig {
  const c = parseVariables(common.shape, env, problems);
  const dataDir = dataDirFrom(env);
  if (c.NODE_ENV === 'production' && !isSet(env, 'AUTH_JWKS_URL')) {
    problems.push("AUTH_JWKS_URL: required in production: the URL of the identity provider's key set (JWKS)");
  }
  // A secret that is set but wrong is reported by its parse already; only an unset one is generated or required.
  const secret = (variable: 'CHILD_PSEUDONYM_SECRET', fileName: string): string =>
    isSet(env, variable) || c.NODE_ENV === undefined ? (c[variable] ?? '') : developmentSecret(c.NODE_ENV, dataDir, fileName, variable, problems);
  return {
    auth: { issuer: c.AUTH_ISSUER, audience: c.AUTH_AUDIENCE, jwksUrl: c.AUTH_JWKS_URL },
    nodeEnv: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    dataDir,
    pseudonymSecret: secret('CHILD_PSEUDONYM_SECRET', 'pseudonym-secret'),
    seedDemoData: c.SEED_DEMO_DATA ?? c.NODE_ENV === 'development',
    observability: { metricsToken: c.METRICS_TOKEN, otlpEndpoint: c.OTEL_EXPORTER_OTLP_ENDPOINT },
  };
}

/**
 * Outside production a missing shared secret is generated once and kept in the data directory, so pseudonyms and
 * signatures stay stable across restarts; in production it must be configured, identically for every subgraph.
 */
function developmentSecret(nodeEnv: string, dataDir: string, fileName: string, variable: string, problems: string[]): string {
  if (nodeEnv === 'production') {
    problems.push(`${variable}: required in production; ${SECRET_HINT}`);
    return '';
  }
  const file = join(dataDir, fileName);
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } catch (error) {
    problems.push(`DATA_DIR: cannot keep the development ${variable} in ${dataDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); make it writable, choose another DATA_DIR or set ${variable}`);
    return '';
  }
}

/** The variable holding a service's port: `PORT` for the gateway, `<PREFIX>_PORT` for a subgraph. */
export function portVariable(service: string): string {
  return Object.hasOwn(SUBGRAPHS, service) ? `${SUBGRAPHS[service as SubgraphName].envPrefix}_PORT` : 'PORT';
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
  return collecting((problems) => subgraphConfig(name, env, problems));
}

function subgraphConfig(name: SubgraphName, env: Env, problems: string[]): SubgraphConfig {
  const { envPrefix, defaultPort, pgSchema } = SUBGRAPHS[name];
  const portVariable = `${envPrefix}_PORT`;
  const urlVariable = `${envPrefix}_DATABASE_URL`;
  const own = parseVariables({ [portVariable]: port.default(defaultPort), [urlVariable]: url.optional() }, env, problems);
  const base = commonConfig(env, problems);
  const setting = isSet(env, urlVariable) ? urlVariable : 'DATABASE_URL';
  const databaseUrl = pgSchema === null ? undefined : ((own[urlVariable] as string | undefined) ?? (isSet(env, 'DATABASE_URL') ? env['DATABASE_URL'] : undefined));
  const messaging = messagingConfig(name, env, base, problems);
  return {
    ...base,
    ...(messaging ? { messaging } : {}),
    name,
    port: own[portVariable] as number,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl, setting } : { kind: 'pglite', dataDir: join(base.dataDir, 'pglite') },
  };
}

export interface GatewayConfig extends CommonConfig {
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  /** Serve the GraphiQL IDE at / and to browsers at /graphql (`GRAPHQL_IDE`; on in development only by default). */
  ide: boolean;
}

/** The gateway's port and where each subgraph answers (`<PREFIX>_URL`, default on localhost). */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  return collecting((problems) => gatewayConfig(env, problems));
}

function gatewayConfig(env: Env, problems: string[]): GatewayConfig {
  const base = commonConfig(env, problems);
  const own = parseVariables({ PORT: port.default(DEFAULT_GATEWAY_PORT), GRAPHQL_IDE: bool.optional() }, env, problems);
  return { ...base, port: own.PORT, subgraphUrls: subgraphUrls(SUBGRAPH_NAMES, env, problems), ide: own.GRAPHQL_IDE ?? base.nodeEnv === 'development' };
}

/** Where each of `names` answers: `<PREFIX>_URL`, by default its port on localhost. */
function subgraphUrls<N extends SubgraphName>(names: readonly N[], env: Env, problems: string[]): Record<N, string> {
  const variable = (name: N) => `${SUBGRAPHS[name].envPrefix}_URL`;
  const shape = Object.fromEntries(names.map((name) => [variable(name), httpUrl.default(`http://localhost:${SUBGRAPHS[name].defaultPort}/graphql`)]));
  const parsed = parseVariables(shape, env, problems);
  return byName(names, (name) => parsed[variable(name)] as string);
}

export interface PathwayConfig extends SubgraphConfig {
  /** Where the sectors keeping a part of the access log answer (the same `<PREFIX>_URL` settings as the gateway's). */
  sectorUrls: Record<AccessLogSubgraphName, string>;
}

/** The pathway subgraph's settings: its port, and where the sectors it merges the access log from answer. */
export function loadPathwayConfig(env: Env = process.env): PathwayConfig {
  return collecting((problems) => ({ ...subgraphConfig('pathway', env, problems), sectorUrls: subgraphUrls(ACCESS_LOG_SUBGRAPH_NAMES, env, problems) }));
}

/** `npm start`: every service's settings at once, so one run lists every problem once. */
export function loadSystemConfig(env: Env = process.env): { gateway: GatewayConfig; subgraphs: Record<SubgraphName, SubgraphConfig> } {
  return collecting((problems) => ({
    gateway: gatewayConfig(env, problems),
    subgraphs: byName(SUBGRAPH_NAMES, (name) => subgraphConfig(name, env, problems)),
  }));
}

/**
 * How a service verifies tokens: against the identity provider's JWKS when configured, otherwise against the
 * development key kept in DATA_DIR (created on first start; `npm run token` signs with it).
 */
export async function tokenVerifierOptions(config: CommonConfig): Promise<TokenVerifierOptions> {
  const { issuer, audience, jwksUrl } = config.auth;
  if (jwksUrl) return { issuer, audience, jwks: { url: jwksUrl } };
  const { publicJwks } = await loadOrCreateDevSigningKey(config.dataDir);
  return {
    issuer,
    audience,
    jwks: { keys: publicJwks },
    otherKeyHint:
      "this service verifies development tokens with the key in its data directory (DATA_DIR), so the token was minted with another data directory's key: run `npm run token` with the same DATA_DIR as the service (a relative DATA_DIR, the default .data too, is taken from the repository root)",
  };
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
  base: { nodeEnv: string; dataDir: string },
): MessagingConfig | undefined {
  return collecting((problems) => messagingConfig(name, env, base, problems));
}

function messagingConfig(
  name: SubgraphName,
  env: Env,
  { nodeEnv, dataDir }: { nodeEnv: string; dataDir: string },
  problems: string[],
): MessagingConfig | undefined {
  const senders = sendersTo(name);
  const receivers = receiversFrom(name);
  if (senders.length === 0 && receivers.length === 0) return undefined;
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

  return { signingKey, publicKeys, endpoints, workerPollMs: poll.success ? poll.data : 250 };
}
