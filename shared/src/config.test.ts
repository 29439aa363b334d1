import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  dataDirFrom,
  loadCommonConfig,
  loadGatewayConfig,
  loadPathwayConfig,
  loadSubgraphConfig,
  loadSystemConfig,
  portVariable,
} from './config.ts';
import { MIN_PSEUDONYM_SECRET_LENGTH } from './domain/pseudonym.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'pathway-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The problems a load reports, or [] when it succeeds. */
function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const SECRET = 'a-pseudonym-secret-of-forty-characters-00';

describe('the configuration', () => {
  it('reports every wrong setting at once, each naming its variable, never quoting a value', () => {
    const problems = problemsOf(() =>
      loadSubgraphConfig('bua', {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'loud',
        BUA_PORT: 'forty',
        BUA_DATABASE_URL: 'mysql://db/bua',
        CHILD_PSEUDONYM_SECRET: 'too-short-secret',
        SEED_DEMO_DATA: 'perhaps',
      }),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['BUA_DATABASE_URL', 'BUA_PORT', 'CHILD_PSEUDONYM_SECRET', 'LOG_LEVEL', 'SEED_DEMO_DATA'].sort(),
    );
    expect(problems.find((p) => p.startsWith('CHILD_PSEUDONYM_SECRET'))).toBe(
      `CHILD_PSEUDONYM_SECRET: must be at least ${MIN_PSEUDONYM_SECRET_LENGTH} characters long, it has 16; generate one with \`openssl rand -base64 32\` and give every service the same value`,
    );
    expect(problems.find((p) => p.startsWith('BUA_PORT'))).toBe('BUA_PORT: must be a port number (0-65535; 0 picks a free one)');
    expect(problems.join('\n')).not.toMatch(/too-short-secret|mysql:|forty|perhaps|loud/);
  });

  it('lists everything production requires in one go: the identity provider and its issuer, the secret and the message keys', () => {
    const required = [
      "AUTH_JWKS_URL: required in production: the URL of the identity provider's key set (JWKS)",
      'AUTH_ISSUER: the development issuer "pathway-graph-dev" is refused in production; set the issuer (iss) of the region\'s identity provider',
      'CHILD_PSEUDONYM_SECRET: required in production; generate one with `openssl rand -base64 32` and give every service the same value',
    ];
    // The municipality signs its replies, receipts and referrals, and verifies the letters, referral statuses and
    // track-3 registrations of the others; general practice and BUA likewise for letters and referrals.
    const municipalityKeys = ['MUNICIPALITY_MESSAGE_SIGNING_KEY', 'GENERAL_PRACTICE_MESSAGE_PUBLIC_KEY', 'BUA_MESSAGE_PUBLIC_KEY', 'SCREENING_MESSAGE_PUBLIC_KEY'];
    const generalPracticeKeys = ['GENERAL_PRACTICE_MESSAGE_SIGNING_KEY', 'MUNICIPALITY_MESSAGE_PUBLIC_KEY', 'BUA_MESSAGE_PUBLIC_KEY'];
    const buaKeys = ['BUA_MESSAGE_SIGNING_KEY', 'GENERAL_PRACTICE_MESSAGE_PUBLIC_KEY', 'MUNICIPALITY_MESSAGE_PUBLIC_KEY'];
    // Screening signs its track-3 registrations and receives nothing.
    const screeningKeys = ['SCREENING_MESSAGE_SIGNING_KEY'];
    const env = { NODE_ENV: 'production', DATA_DIR: dataDir };
    const cases: [() => unknown, string[]][] = [
      [() => loadCommonConfig(env), []],
      [() => loadSubgraphConfig('bua', env), buaKeys],
      [() => loadSubgraphConfig('municipality', env), municipalityKeys],
      [() => loadSubgraphConfig('general-practice', env), generalPracticeKeys],
      [() => loadSubgraphConfig('screening', env), screeningKeys],
      [() => loadGatewayConfig(env), []],
      [() => loadPathwayConfig(env), []],
      [() => loadSystemConfig(env), [...new Set([...municipalityKeys, ...generalPracticeKeys, ...buaKeys, ...screeningKeys])]],
    ];
    for (const [load, keys] of cases) {
      const problems = problemsOf(load);
      expect(problems.filter((p) => !/_MESSAGE_(SIGNING|PUBLIC)_KEY:/.test(p)).sort()).toEqual([...required].sort());
      expect(problems.map((p) => p.split(':')[0]).filter((v) => /_MESSAGE_/.test(v!)).sort()).toEqual([...keys].sort());
    }
  });

  it('does not call a secret that is set but too short missing', () => {
    const problems = problemsOf(() => loadCommonConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, CHILD_PSEUDONYM_SECRET: 'short' }));
    expect(problems.filter((p) => p.startsWith('CHILD_PSEUDONYM_SECRET'))).toEqual([
      expect.stringMatching(/^CHILD_PSEUDONYM_SECRET: must be at least 32 characters long, it has 5;/),
    ]);
  });

  it('treats an empty variable as unset (X= in an env file)', () => {
    const config = loadSubgraphConfig('bua', { DATA_DIR: dataDir, BUA_PORT: '', BUA_DATABASE_URL: '', CHILD_PSEUDONYM_SECRET: SECRET, LOG_LEVEL: '' });
    expect(config).toMatchObject({ port: 4003, logLevel: 'info', database: { kind: 'pglite', dataDir: join(dataDir, 'pglite') } });
  });

  it('names the variable a database URL came from, so a failure to connect can say which to check', () => {
    const own = loadSubgraphConfig('screening', { DATA_DIR: dataDir, SCREENING_DATABASE_URL: 'postgres://u@db/screening', DATABASE_URL: 'postgres://u@db/all' });
    const shared = loadSubgraphConfig('screening', { DATA_DIR: dataDir, DATABASE_URL: 'postgres://u@db/all' });
    expect(own.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/screening', setting: 'SCREENING_DATABASE_URL' });
    expect(shared.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/all', setting: 'DATABASE_URL' });
  });

  it('takes the band tables a screening deployment adds from a file, a relative path from the repository root, and refuses a missing one', () => {
    const fixture = 'subgraphs/screening/src/instruments/fixtures/band-tables.test-only.json';
    const config = loadSubgraphConfig('screening', { DATA_DIR: dataDir, SCREENING_BAND_TABLES_FILE: fixture, SCREENING_BAND_SCHEMES: 'sdq=sdq-test-only-not-norms' });
    expect(config.screening).toMatchObject({ bandTablesFile: join(repositoryRoot, fixture), bandSchemes: { sdq: 'sdq-test-only-not-norms' } });
    expect(loadSubgraphConfig('screening', { DATA_DIR: dataDir }).screening?.bandTablesFile).toBeNull();
    expect(problemsOf(() => loadSubgraphConfig('screening', { DATA_DIR: dataDir, SCREENING_BAND_TABLES_FILE: 'no/such/bands.json' }))).toEqual([
      expect.stringMatching(/^SCREENING_BAND_TABLES_FILE: no such file/),
    ]);
  });

  it('gives the pathway subgraph the URLs of the sectors keeping an access log, and not its own', () => {
    const config = loadPathwayConfig({ DATA_DIR: dataDir, BUA_URL: 'http://bua:4003/graphql' });
    expect(config.sectorUrls).toEqual({
      municipality: 'http://localhost:4001/graphql',
      'general-practice': 'http://localhost:4002/graphql',
      bua: 'http://bua:4003/graphql',
      screening: 'http://localhost:4004/graphql',
    });
  });

  it('names the port variable of every service', () => {
    expect(['gateway', 'municipality', 'general-practice', 'pathway'].map(portVariable)).toEqual([
      'PORT',
      'MUNICIPALITY_PORT',
      'GENERAL_PRACTICE_PORT',
      'PATHWAY_PORT',
    ]);
  });
});

describe('hardening settings', () => {
  const production = { NODE_ENV: 'production', DATA_DIR: dataDir, CHILD_PSEUDONYM_SECRET: SECRET, AUTH_ISSUER: 'https://idp.rm.example', AUTH_JWKS_URL: 'https://idp.rm.example/jwks' };

  it('has the documented defaults outside production: limits, timeouts, introspection on', () => {
    const config = loadGatewayConfig({ DATA_DIR: dataDir });
    expect(config.http).toEqual({
      production: false,
      introspection: true,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      limits: { depth: 15, aliases: 30, directives: 50, tokens: 5000, cost: 1_000_000, representations: 10_000 },
    });
    expect(config.subgraphCalls).toEqual({ timeoutMs: 27_000, idleTimeoutMs: 32_500 });
    expect(config.corsOrigins).toEqual([]);
    expect(config.auth.maxTokenLifetimeSeconds).toBe(12 * 3600);
  });

  it('switches introspection off in production unless GRAPHQL_INTROSPECTION says so (staging)', () => {
    expect(loadGatewayConfig(production).http).toMatchObject({ production: true, introspection: false });
    expect(loadGatewayConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).http.introspection).toBe(true);
    expect(loadPathwayConfig(production).http.introspection).toBe(false);
  });

  it('takes every limit and timeout from its variable', () => {
    const config = loadGatewayConfig({
      DATA_DIR: dataDir,
      GRAPHQL_MAX_DEPTH: '9',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_TOKENS: '700',
      GRAPHQL_MAX_COST: '5000',
      GRAPHQL_MAX_REPRESENTATIONS: '20',
      REQUEST_TIMEOUT_MS: '2000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '4000',
      SUBGRAPH_TIMEOUT_MS: '1500',
      SUBGRAPH_IDLE_TIMEOUT_MS: '1000',
      AUTH_MAX_TOKEN_LIFETIME: '30m',
      CORS_ALLOWED_ORIGINS: 'https://app.example.dk, http://localhost:5173',
    });
    expect(config.http.limits).toEqual({ depth: 9, aliases: 3, directives: 4, tokens: 700, cost: 5000, representations: 20 });
    expect(config.http).toMatchObject({ requestTimeoutMs: 2000, keepAliveTimeoutMs: 4000 });
    expect(config.subgraphCalls).toEqual({ timeoutMs: 1500, idleTimeoutMs: 1000 });
    expect(config.auth.maxTokenLifetimeSeconds).toBe(1800);
    expect(config.corsOrigins).toEqual(['https://app.example.dk', 'http://localhost:5173']);
  });

  it('reports wrong hardening settings all at once, naming each variable', () => {
    const problems = problemsOf(() =>
      loadGatewayConfig({
        ...production,
        AUTH_JWKS_URL: 'http://idp.rm.example/jwks',
        AUTH_ISSUER: 'pathway-graph-dev',
        GRAPHQL_MAX_DEPTH: 'deep',
        REQUEST_TIMEOUT_MS: '1000',
        SUBGRAPH_TIMEOUT_MS: '5000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '2000',
        SUBGRAPH_IDLE_TIMEOUT_MS: '3000',
        AUTH_MAX_TOKEN_LIFETIME: 'forever',
        CORS_ALLOWED_ORIGINS: 'http://app.example.dk,https://x.example/path',
      }),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_MAX_TOKEN_LIFETIME', 'CORS_ALLOWED_ORIGINS', 'GRAPHQL_MAX_DEPTH', 'SUBGRAPH_IDLE_TIMEOUT_MS', 'SUBGRAPH_TIMEOUT_MS'].sort(),
    );
    expect(problems.find((p) => p.startsWith('AUTH_JWKS_URL'))).toMatch(/must be an https:\/\/ URL in production/);
    expect(problems.find((p) => p.startsWith('CORS_ALLOWED_ORIGINS'))).toMatch(/^CORS_ALLOWED_ORIGINS: 2 of its entries are not an origin/);
    expect(problems.join('\n')).not.toMatch(/idp\.rm\.example|x\.example|forever|deep/);
  });
});

describe('the data directory', () => {
  it('is .data in the repository root by default, whichever folder a command runs in', () => {
    expect(dataDirFrom({})).toBe(join(repositoryRoot, '.data'));
  });

  it('takes a relative DATA_DIR from the repository root and keeps an absolute one', () => {
    expect(dataDirFrom({ DATA_DIR: 'elsewhere/data' })).toBe(join(repositoryRoot, 'elsewhere/data'));
    expect(dataDirFrom({ DATA_DIR: dataDir })).toBe(dataDir);
  });

  it('keeps the generated development secrets, so a restart keeps the pseudonyms', () => {
    const first = loadCommonConfig({ DATA_DIR: dataDir });
    const second = loadCommonConfig({ DATA_DIR: dataDir });
    expect(first.pseudonymSecret).toHaveLength(43);
    expect(second.pseudonymSecret).toBe(first.pseudonymSecret);
  });
});
