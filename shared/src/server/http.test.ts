import { buildSubgraphSchema } from '@apollo/subgraph';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../auth/keys.ts';
import { createTokenVerifier, mintToken, type TokenVerifier } from '../auth/tokens.ts';
import { graphqlOfSchemas } from './graphql-realm.ts';
import { startHttpService, type RunningService } from './http.ts';
import { createLogger } from './logger.ts';
import { currentRequest, throwIfRequestStopped } from './request-scope.ts';
import { DEFAULT_HTTP_SETTINGS, type HttpSettings } from './settings.ts';

/**
 * The HTTP service every subgraph and the gateway run in, on a tiny schema: what production mode hides, how a
 * request is stopped when it runs too long or its client goes away, and what its log lines carry.
 */

const { parse } = graphqlOfSchemas;
const issuer = 'http-test';
const audience = 'pathway-graph';
let verifier: TokenVerifier;
let authorization: string;

/** What the slow resolver saw: how often it worked, and why it stopped. */
const work = { iterations: 0, stoppedBy: undefined as string | undefined };

const typeDefs = parse(`
  type Query {
    "Answers."
    hello: String
    "Works until its request is stopped, as a resolver issuing statements does."
    slow: String
    "Fails with a bug."
    broken: String
  }
`);
const resolvers = {
  Query: {
    hello: () => 'hej',
    broken: () => {
      throw new Error('a bug in secret-file.ts line 12 with 0707614286');
    },
    slow: async () => {
      work.iterations = 0;
      work.stoppedBy = undefined;
      try {
        for (;;) {
          // Each database statement checks this first (database.ts); here the loop stands in for the statements.
          throwIfRequestStopped();
          work.iterations += 1;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } catch (error) {
        work.stoppedBy = String((error as { extensions?: { code?: unknown } }).extensions?.code);
        throw error;
      }
    },
  },
};

async function start(
  settings: Partial<HttpSettings>,
  lines?: Record<string, unknown>[],
  { level = 'info', requestIds = 'passed-on' }: { level?: string; requestIds?: 'own' | 'passed-on' } = {},
): Promise<RunningService> {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines?.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return startHttpService({
    name: 'probe',
    port: 0,
    log: createLogger('probe', level, destination),
    requestIds,
    verifier,
    http: { ...DEFAULT_HTTP_SETTINGS, ...settings },
    apollo: { schema: buildSubgraphSchema({ typeDefs, resolvers }) },
    context: async (base) => base,
    ready: async () => undefined,
  });
}

async function ask(service: RunningService, query: string, init: RequestInit = {}) {
  const res = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, 'x-request-id': 'caller-chosen-1' },
    body: JSON.stringify({ query }),
    ...init,
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

beforeAll(async () => {
  const key = await generateSigningKey();
  verifier = createTokenVerifier({ issuer, audience, jwks: { keys: key.publicJwks } });
  const token = await mintToken(
    { subject: 'test:caseworker', displayName: 'Test', sector: 'MUNICIPALITY', organisation: '751', roles: ['CASEWORKER'] },
    { privateJwk: key.privateJwk, issuer, audience },
  );
  authorization = `Bearer ${token}`;
});

describe('production mode', () => {
  let production: RunningService;
  let development: RunningService;
  beforeAll(async () => {
    [production, development] = await Promise.all([start({ production: true, introspection: false }), start({})]);
  });
  afterAll(async () => {
    await Promise.all([production?.close(), development?.close()]);
  });

  it('answers no introspection in production, and does in development', async () => {
    const refused = await ask(production, '{ __schema { queryType { name } } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0]!.message).toMatch(/introspection is not allowed/i);
    const answered = await ask(development, '{ __schema { queryType { name } } }');
    expect(answered.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('suggests no field names in production ("Did you mean"), as development does', async () => {
    const production_ = await ask(production, '{ helo }');
    expect(production_.body.errors![0]!.message).not.toMatch(/Did you mean/);
    const development_ = await ask(development, '{ helo }');
    expect(development_.body.errors![0]!.message).toMatch(/Did you mean "hello"/);
  });

  it('never gives a stack trace, a file path or a bug’s message to the client, in either mode', async () => {
    for (const service of [production, development]) {
      const res = await ask(service, '{ broken }');
      const text = JSON.stringify(res.body);
      expect(res.body.errors![0]!.extensions!['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(text).not.toMatch(/stacktrace|secret-file|0707614286|a bug/);
    }
  });
});

describe('malformed requests', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await start({ production: true, introspection: false });
  });
  afterAll(async () => {
    await service?.close();
  });

  it.each([
    ['unclosed JSON', { body: '{"query": "{ hello }"' }, 400, 'BAD_REQUEST'],
    ['a body over the size limit', { body: JSON.stringify({ query: `{ hello } #${'x'.repeat(1_100_000)}` }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a form instead of JSON', { body: 'query={hello}', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('answers %s with a GraphQL-shaped JSON error and its status, in production mode too', async (_what, init, status, code) => {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...init });
      const text = await res.text();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(code);
      expect(text).not.toMatch(/<html|<pre|\bat \w+ \(|\/work\/|node_modules/i);
    }
  });

  it('refuses a document over the token limit as the limit, with its setting, before parsing it whole', async () => {
    const res = await ask(service, `{ ${'hello '.repeat(6000)} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens', maximum: 5000, setting: 'GRAPHQL_MAX_TOKENS' });
  });
});

describe('stopping a request', () => {
  let service: RunningService;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    // Debug: a subgraph's answered requests are logged at that level only.
    service = await start({ requestTimeoutMs: 400 }, lines, { level: 'debug' });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('stops the work of a request that runs past REQUEST_TIMEOUT_MS and answers REQUEST_TIMEOUT', async () => {
    const res = await ask(service, '{ slow }');
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT', timeoutMs: 400 });
    expect(res.body.errors![0]!.message).toMatch(/took longer than 400 ms \(REQUEST_TIMEOUT_MS\)/);
    expect(work.stoppedBy).toBe('REQUEST_TIMEOUT');
    const done = work.iterations;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(work.iterations).toBe(done);
  });

  it('stops the work at once when the client goes away', async () => {
    work.iterations = 0;
    work.stoppedBy = undefined;
    const controller = new AbortController();
    const pending = ask(service, '{ slow }', { signal: controller.signal }).catch((error: unknown) => error);
    while (work.iterations < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await pending;
    while (work.stoppedBy === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(work.stoppedBy).toBe('CLIENT_CLOSED_REQUEST');
    const done = work.iterations;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(work.iterations).toBe(done);
  });

  it('writes the request id on every line of a request, and the operation and error codes on its completion line', async () => {
    lines.length = 0;
    await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'x-request-id': 'caller-chosen-2' },
      body: JSON.stringify({ query: 'query Broken { broken }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const unexpected = lines.find((l) => l['msg'] === 'unexpected error');
    const completion = lines.find((l) => typeof l['msg'] === 'string' && (l['msg'] as string).startsWith('request completed'));
    expect(unexpected?.['requestId']).toBe('caller-chosen-2');
    expect(completion).toMatchObject({ msg: 'request completed with errors', requestId: 'caller-chosen-2', operation: 'Broken', errorCodes: ['INTERNAL_SERVER_ERROR'] });
    expect(JSON.stringify(lines)).not.toMatch(/0707614286/);
    expect(currentRequest()).toBeUndefined();
  });
});

describe('the cost of request lines at the default level', () => {
  it('logs an answered request once, at the gateway (info); a subgraph logs it at debug, and a refused one at warn', async () => {
    const gatewayLines: Record<string, unknown>[] = [];
    const subgraphLines: Record<string, unknown>[] = [];
    const [gateway, subgraph] = await Promise.all([start({}, gatewayLines, { requestIds: 'own' }), start({}, subgraphLines)]);
    try {
      for (const service of [gateway, subgraph]) {
        expect((await ask(service, '{ hello }')).status).toBe(200);
        const refused = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: '{"query": ' });
        expect(refused.status).toBe(400);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const requestLines = (lines: Record<string, unknown>[]) =>
        lines.filter((l) => typeof l['msg'] === 'string' && /^request /.test(l['msg'] as string)).map((l) => [l['level'], l['msg']]);
      // pino's levels: 30 info, 40 warn.
      expect(requestLines(gatewayLines)).toEqual([[30, 'request completed'], [40, 'request refused']]);
      expect(requestLines(subgraphLines)).toEqual([[40, 'request refused']]);
    } finally {
      await Promise.all([gateway.close(), subgraph.close()]);
    }
  });
});
