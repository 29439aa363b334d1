import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadOrCreateDevSigningKey } from './auth/keys.ts';
import { DEFAULT_AUTH_AUDIENCE, DEFAULT_MAX_TOKEN_LIFETIME, DEV_AUTH_ISSUER, durationSeconds, type TokenVerifierOptions } from './auth/tokens.ts';
import type { DatabaseTarget } from './db/database.ts';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, DEFAULT_OPERATION_LIMITS, DEFAULT_REQUEST_TIMEOUT_MS, type HttpSettings } from './server/settings.ts';

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

/** How long before an advisory meeting its written description is due (agreement 6.3), e.g. `WORKING_DAYS:2`. */
export const ADVISORY_DESCRIPTION_DEADLINE_VARIABLE = 'BUA_ADVISORY_DESCRIPTION_DEADLINE';
/** The deadlines BUA accepts; its description rule (subgraphs/bua/src/advisory/rules/description.ts) uses the same. */
export const ADVISORY_DESCRIPTION_DEADLINE_LIMITS = { WORKING_DAYS: { min: 0, max: 10 }, HOURS: { min: 1, max: 240 } } as const;
export type AdvisoryDeadlineUnit = keyof typeof ADVISORY_DESCRIPTION_DEADLINE_LIMITS;
export const DEFAULT_ADVISORY_DESCRIPTION_DEADLINE = { unit: 'WORKING_DAYS', amount: 2 } as const satisfies { unit: AdvisoryDeadlineUnit; amount: number };

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
const count = (min: number, max: number, unit: string) => {
  const error = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const duration = z.string().refine(
  (v) => {
    try {
      return durationSeconds(v) > 0;
    } catch {
      return false;
    }
  },
  { error: 'must be a duration such as 30m, 8h or 1d' },
);

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
  AUTH_MAX_TOKEN_LIFETIME: duration.default(DEFAULT_MAX_TOKEN_LIFETIME),
  // Operation limits, at the gateway and at every subgraph alike (shared/src/server/limits.ts says why these values).
  GRAPHQL_MAX_DEPTH: count(2, 1000, 'levels').default(DEFAULT_OPERATION_LIMITS.depth),
  GRAPHQL_MAX_ALIASES: count(0, 10_000, 'aliases').default(DEFAULT_OPERATION_LIMITS.aliases),
  GRAPHQL_MAX_DIRECTIVES: count(0, 10_000, 'directives').default(DEFAULT_OPERATION_LIMITS.directives),
  GRAPHQL_MAX_TOKENS: count(100, 1_000_000, 'tokens').default(DEFAULT_OPERATION_LIMITS.tokens),
  GRAPHQL_MAX_COST: count(100, 1_000_000_000, 'cost points').default(DEFAULT_OPERATION_LIMITS.cost),
  GRAPHQL_MAX_REPRESENTATIONS: count(1, 1_000_000, 'entities').default(DEFAULT_OPERATION_LIMITS.representations),
  GRAPHQL_INTROSPECTION: bool.optional(),
  REQUEST_TIMEOUT_MS: count(100, 600_000, 'milliseconds').default(DEFAULT_REQUEST_TIMEOUT_MS),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: count(1000, 600_000, 'milliseconds').default(DEFAULT_KEEP_ALIVE_TIMEOUT_MS),
});

/** The gateway's own settings beside the common ones. */
const gatewayOwn = z.object({
  PORT: port.default(DEFAULT_GATEWAY_PORT),
  SUBGRAPH_TIMEOUT_MS: count(100, 600_000, 'milliseconds').optional(),
  SUBGRAPH_IDLE_TIMEOUT_MS: count(100, 600_000, 'milliseconds').optional(),
  CORS_ALLOWED_ORIGINS: z.string().optional(),
  GRAPHQL_IDE: bool.optional(),
});

/**
 * Every environment variable a service reads. docker-compose.yml and the README's configuration table are checked
 * against this list (test/registry.test.ts), so a misspelt or forgotten variable cannot go unnoticed.
 */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(common.shape),
  ...Object.keys(gatewayOwn.shape),
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
  // BUA's advisory service (agreement 6.3).
  ADVISORY_DESCRIPTION_DEADLINE_VARIABLE,
  // The screening subgraph's own settings (screeningSettings below).
  'SCREENING_BAND_SCHEMES',
  'SCREENING_BAND_TABLES_FILE',
  'SCREENING_LICENSED_TEXTS_FILE',
  'SCREENING_FHIR_BASE_URL',
  'SCREENING_THRESHOLDS',
  'SCREENING_ACTION_PLAN_DUE_DAYS',
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
  /** The longest lifetime (exp - iat) a token may have, in seconds (`AUTH_MAX_TOKEN_LIFETIME`). */
  maxTokenLifetimeSeconds: number;
}

export interface CommonConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  dataDir: string;
  pseudonymSecret: string;
  seedDemoData: boolean;
  auth: AuthConfig;
  observability: ObservabilityConfig;
  /** How the service's HTTP server and GraphQL endpoint protect themselves (limits, timeouts, introspection). */
  http: HttpSettings;
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
  const production = c.NODE_ENV === 'production';
  if (production && !isSet(env, 'AUTH_JWKS_URL')) {
    problems.push("AUTH_JWKS_URL: required in production: the URL of the identity provider's key set (JWKS)");
  }
  // Keys fetched over plain HTTP can be swapped on the way, and with them every identity.
  if (production && c.AUTH_JWKS_URL?.startsWith('http:')) {
    problems.push("AUTH_JWKS_URL: must be an https:// URL in production: keys fetched over plain http can be replaced on the way");
  }
  if (production && (c.AUTH_ISSUER ?? DEV_AUTH_ISSUER) === DEV_AUTH_ISSUER) {
    problems.push(`AUTH_ISSUER: the development issuer "${DEV_AUTH_ISSUER}" is refused in production; set the issuer (iss) of the region's identity provider`);
  }
  // A secret that is set but wrong is reported by its parse already; only an unset one is generated or required.
  const secret = (variable: 'CHILD_PSEUDONYM_SECRET', fileName: string): string =>
    isSet(env, variable) || c.NODE_ENV === undefined ? (c[variable] ?? '') : developmentSecret(c.NODE_ENV, dataDir, fileName, variable, problems);
  return {
    auth: {
      issuer: c.AUTH_ISSUER,
      audience: c.AUTH_AUDIENCE,
      jwksUrl: c.AUTH_JWKS_URL,
      maxTokenLifetimeSeconds: c.AUTH_MAX_TOKEN_LIFETIME ? durationSeconds(c.AUTH_MAX_TOKEN_LIFETIME) : 0,
    },
    http: {
      production,
      // Staging may switch it on in production mode; a development system has it on unless switched off.
      introspection: c.GRAPHQL_INTROSPECTION ?? !production,
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: c.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      limits: {
        depth: c.GRAPHQL_MAX_DEPTH,
        aliases: c.GRAPHQL_MAX_ALIASES,
        directives: c.GRAPHQL_MAX_DIRECTIVES,
        tokens: c.GRAPHQL_MAX_TOKENS,
        cost: c.GRAPHQL_MAX_COST,
        representations: c.GRAPHQL_MAX_REPRESENTATIONS,
      },
    },
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
  /** BUA's advisory service: set for the BUA subgraph only. */
  advisory?: AdvisoryConfig;
  /** The screening subgraph's own settings; set for `screening` only. */
  screening?: ScreeningSettings;
}

export interface AdvisoryConfig {
  /** When the written description of an advisory meeting is due, counted back from the meeting's start. */
  descriptionDeadline: { unit: AdvisoryDeadlineUnit; amount: number };
  /**
   * The municipality subgraph's GraphQL endpoint (`MUNICIPALITY_URL`), which the anonymity rule asks whether an
   * advisory text names a child the writer's municipality knows.
   */
  municipalityUrl: string;
}

/** `BUA_ADVISORY_DESCRIPTION_DEADLINE`: `WORKING_DAYS:<n>` or `HOURS:<n>`, within the limits BUA accepts; `MUNICIPALITY_URL`. */
function advisoryConfig(env: Env, problems: string[]): AdvisoryConfig {
  const municipality = httpUrl.default(`http://localhost:${SUBGRAPHS.municipality.defaultPort}/graphql`).safeParse(
    isSet(env, 'MUNICIPALITY_URL') ? env['MUNICIPALITY_URL'] : undefined,
  );
  if (!municipality.success) problems.push('MUNICIPALITY_URL: must be an http(s) URL, the municipality subgraph\'s GraphQL endpoint');
  return { descriptionDeadline: descriptionDeadline(env, problems), municipalityUrl: municipality.success ? municipality.data : '' };
}

function descriptionDeadline(env: Env, problems: string[]): AdvisoryConfig['descriptionDeadline'] {
  const variable = ADVISORY_DESCRIPTION_DEADLINE_VARIABLE;
  if (!isSet(env, variable)) return { ...DEFAULT_ADVISORY_DESCRIPTION_DEADLINE };
  const match = /^(WORKING_DAYS|HOURS):(\d{1,4})$/.exec(env[variable]!.trim());
  const { WORKING_DAYS, HOURS } = ADVISORY_DESCRIPTION_DEADLINE_LIMITS;
  const expected =
    `must be WORKING_DAYS:<n> (${WORKING_DAYS.min}-${WORKING_DAYS.max} working days before the meeting) or HOURS:<n> ` +
    `(${HOURS.min}-${HOURS.max} hours before it), e.g. WORKING_DAYS:2`;
  if (!match) {
    problems.push(`${variable}: ${expected}`);
    return { ...DEFAULT_ADVISORY_DESCRIPTION_DEADLINE };
  }
  const unit = match[1] as AdvisoryDeadlineUnit;
  const amount = Number(match[2]);
  const { min, max } = ADVISORY_DESCRIPTION_DEADLINE_LIMITS[unit];
  if (amount < min || amount > max) problems.push(`${variable}: ${expected}; ${amount} is out of range`);
  return { unit, amount };
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
  const advisory = name === 'bua' ? advisoryConfig(env, problems) : undefined;
  const screening = name === 'screening' ? screeningSettings(env, problems) : undefined;
  return {
    ...base,
    ...(messaging ? { messaging } : {}),
    ...(advisory ? { advisory } : {}),
    ...(screening ? { screening } : {}),
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
  /** How the gateway calls the subgraphs. */
  subgraphCalls: SubgraphCallSettings;
  /** Browser origins allowed to call the gateway (CORS); empty: no CORS headers at all. */
  corsOrigins: string[];
}

export interface SubgraphCallSettings {
  /** A subgraph call that takes longer is abandoned and reported as SUBGRAPH_UNAVAILABLE (`SUBGRAPH_TIMEOUT_MS`). */
  timeoutMs: number;
  /**
   * How long an idle connection to a subgraph is kept for reuse (`SUBGRAPH_IDLE_TIMEOUT_MS`). Shorter than the
   * subgraphs' keep-alive timeout, so the gateway always closes an idle connection before the subgraph does and never
   * sends a request down a socket the other end is closing.
   */
  idleTimeoutMs: number;
}

/** The gateway's port and where each subgraph answers (`<PREFIX>_URL`, default on localhost). */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  return collecting((problems) => gatewayConfig(env, problems));
}

function gatewayConfig(env: Env, problems: string[]): GatewayConfig {
  const base = commonConfig(env, problems);
  const own = parseVariables(gatewayOwn.shape, env, problems);
  const { requestTimeoutMs, keepAliveTimeoutMs } = base.http;
  const subgraphCalls = {
    // A little less than the whole request's time, so a slow subgraph is named as such before the request times out.
    timeoutMs: own.SUBGRAPH_TIMEOUT_MS ?? Math.max(100, Math.floor(requestTimeoutMs * 0.9)),
    idleTimeoutMs: own.SUBGRAPH_IDLE_TIMEOUT_MS ?? Math.max(100, Math.floor(keepAliveTimeoutMs / 2)),
  };
  if (requestTimeoutMs !== undefined && subgraphCalls.timeoutMs > requestTimeoutMs) {
    problems.push(`SUBGRAPH_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs}): a subgraph call cannot outlast the request it serves`);
  }
  if (keepAliveTimeoutMs !== undefined && subgraphCalls.idleTimeoutMs >= keepAliveTimeoutMs) {
    problems.push(
      `SUBGRAPH_IDLE_TIMEOUT_MS: must be shorter than HTTP_KEEP_ALIVE_TIMEOUT_MS (${keepAliveTimeoutMs}), the subgraphs' keep-alive timeout, so the gateway closes an idle connection before a subgraph does`,
    );
  }
  return {
    ...base,
    port: own.PORT,
    subgraphUrls: subgraphUrls(SUBGRAPH_NAMES, env, problems),
    subgraphCalls,
    corsOrigins: corsOrigins(own.CORS_ALLOWED_ORIGINS, base.nodeEnv === 'production', problems),
    ide: own.GRAPHQL_IDE ?? base.nodeEnv === 'development',
  };
}

/**
 * The origins in `CORS_ALLOWED_ORIGINS`: a comma-separated list of `scheme://host[:port]`, exactly as a browser sends
 * its Origin header (no path, no trailing slash, no wildcard); in production only https ones.
 */
function corsOrigins(value: string | undefined, production: boolean, problems: string[]): string[] {
  if (value === undefined || value.trim() === '') return [];
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  const bad = origins.filter((origin) => {
    try {
      const url = new URL(origin);
      return url.origin !== origin || !/^https?:$/.test(url.protocol) || (production && url.protocol !== 'https:');
    } catch {
      return true;
    }
  });
  if (bad.length) {
    problems.push(
      `CORS_ALLOWED_ORIGINS: ${bad.length} of its entries ${bad.length === 1 ? 'is' : 'are'} not an origin; list origins as a browser sends them, comma-separated, e.g. https://app.example.dk,https://staging.example.dk (scheme, host and port only${production ? ', https in production' : ''})`,
    );
    return [];
  }
  return origins;
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
  const { issuer, audience, jwksUrl, maxTokenLifetimeSeconds: maxLifetimeSeconds } = config.auth;
  if (jwksUrl) return { issuer, audience, maxLifetimeSeconds, jwks: { url: jwksUrl } };
  const { publicJwks } = await loadOrCreateDevSigningKey(config.dataDir);
  return {
    issuer,
    audience,
    maxLifetimeSeconds,
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
      problems.push(`${variable}: required in production (the public JWK of ${sender}, to verify the messages ${sender} sends)`);
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

// ---------------------------------------------------------------------------------------------------------------
// The screening subgraph (early detection in the three risk groups). Parsed here for form; what the values mean
// (which instruments, scores and band schemes exist) is checked by the screening subgraph at start-up, which names
// these variables in its refusals too.

export interface ScreeningSettings {
  /** Per instrument id, the band scheme this deployment reports (`SCREENING_BAND_SCHEMES=sdq=sdq-uk-3band`). */
  bandSchemes: Record<string, string>;
  /**
   * A JSON file of band tables the deployment adds to the shipped ones (e.g. Danish norms), as an absolute path; null
   * when it adds none. Select one with `bandSchemes`.
   */
  bandTablesFile: string | null;
  /** The file of licensed item texts (e.g. SDQ's), as an absolute path; null when the deployment has none. */
  licensedTextsFile: string | null;
  /** The canonical base of the FHIR Questionnaires and CodeSystems this deployment publishes. */
  fhirBaseUrl: string;
  /** The screening thresholds per track and instrument as parsed JSON; null for the defaults. */
  thresholds: unknown;
  /** Days after a positive screening before a missing action plan is an open action. */
  actionPlanDueDays: number;
  /** The municipality subgraph's GraphQL endpoint, where action plans look their offers up (`MUNICIPALITY_URL`). */
  offerCatalogueUrl: string;
}

export const DEFAULT_SCREENING_FHIR_BASE_URL = 'https://pathway-graph.example/fhir';
export const DEFAULT_ACTION_PLAN_DUE_DAYS = 14;

function screeningSettings(env: Env, problems: string[]): ScreeningSettings {
  const bandSchemes: Record<string, string> = {};
  if (isSet(env, 'SCREENING_BAND_SCHEMES')) {
    for (const pair of env['SCREENING_BAND_SCHEMES']!.split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = /^([A-Za-z0-9][A-Za-z0-9-]*)=([A-Za-z0-9][A-Za-z0-9-]*)$/.exec(pair);
      if (!m) {
        problems.push('SCREENING_BAND_SCHEMES: a comma-separated list of instrument=scheme, e.g. sdq=sdq-uk-3band');
        break;
      }
      bandSchemes[m[1]!] = m[2]!;
    }
  }
  let bandTablesFile: string | null = null;
  if (isSet(env, 'SCREENING_BAND_TABLES_FILE')) {
    bandTablesFile = resolve(REPOSITORY_ROOT, env['SCREENING_BAND_TABLES_FILE']!);
    if (!existsSync(bandTablesFile)) {
      problems.push('SCREENING_BAND_TABLES_FILE: no such file; give the path of the band tables to add (JSON), or leave it unset to use the shipped ones only');
    }
  }
  let licensedTextsFile: string | null = null;
  if (isSet(env, 'SCREENING_LICENSED_TEXTS_FILE')) {
    licensedTextsFile = resolve(REPOSITORY_ROOT, env['SCREENING_LICENSED_TEXTS_FILE']!);
    if (!existsSync(licensedTextsFile)) {
      problems.push('SCREENING_LICENSED_TEXTS_FILE: no such file; give the path of the licensed item texts (JSON), or leave it unset to ship none');
    }
  }
  const base = httpUrl.default(DEFAULT_SCREENING_FHIR_BASE_URL).safeParse(isSet(env, 'SCREENING_FHIR_BASE_URL') ? env['SCREENING_FHIR_BASE_URL'] : undefined);
  if (!base.success) problems.push('SCREENING_FHIR_BASE_URL: must be an http(s) URL, the canonical base of the published Questionnaires');
  let thresholds: unknown = null;
  if (isSet(env, 'SCREENING_THRESHOLDS')) {
    try {
      thresholds = JSON.parse(env['SCREENING_THRESHOLDS']!);
    } catch {
      problems.push('SCREENING_THRESHOLDS: must be JSON, a list of thresholds (see the configuration table of the README)');
    }
  }
  const due = z.coerce.number().int().min(1).max(365).default(DEFAULT_ACTION_PLAN_DUE_DAYS).safeParse(
    isSet(env, 'SCREENING_ACTION_PLAN_DUE_DAYS') ? env['SCREENING_ACTION_PLAN_DUE_DAYS'] : undefined,
  );
  if (!due.success) problems.push('SCREENING_ACTION_PLAN_DUE_DAYS: a whole number of days from 1 to 365');
  const catalogue = httpUrl.default(`http://localhost:${SUBGRAPHS.municipality.defaultPort}/graphql`).safeParse(
    isSet(env, 'MUNICIPALITY_URL') ? env['MUNICIPALITY_URL'] : undefined,
  );
  if (!catalogue.success) problems.push('MUNICIPALITY_URL: must be an http(s) URL');
  return {
    bandSchemes,
    bandTablesFile,
    licensedTextsFile,
    fhirBaseUrl: base.success ? base.data : DEFAULT_SCREENING_FHIR_BASE_URL,
    thresholds,
    actionPlanDueDays: due.success ? due.data : DEFAULT_ACTION_PLAN_DUE_DAYS,
    offerCatalogueUrl: catalogue.success ? catalogue.data : '',
  };
}
