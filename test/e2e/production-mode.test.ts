import { DEFAULT_HTTP_SETTINGS, SUBGRAPH_NAMES } from '@pathway-graph/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, tokenFor } from '../support/auth.ts';
import { backends } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Production mode of the whole system (issue 8), through the gateway and at every subgraph: the HTTP settings that
 * NODE_ENV=production gives every service (config.ts; its refusals of development settings are tested there) switch
 * introspection and "Did you mean" off everywhere, and a broken request never shows a stack trace or a file path.
 * Each refusal here comes from the HTTP and GraphQL layers before a resolver runs (the one query answered reads only
 * reference data), so the system runs on the first backend only: on PostgreSQL it would show the same answers.
 */
describe('production mode through the gateway and at every subgraph', () => {
  let t: TestSystem;
  const everyService = () => [['gateway', t.gatewayUrl], ...SUBGRAPH_NAMES.map((n) => [n, t.system.subgraphs[n].url])] as const;

  beforeAll(async () => {
    t = await startTestSystem(backends[0]!, { seedDemoData: false, http: { ...DEFAULT_HTTP_SETTINGS, production: true, introspection: false } });
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  const post = async (url: string, body: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await as('caseworker-751')) }, body });
    return { status: res.status, text: await res.text() };
  };

  it('answers no introspection, at the gateway and at every subgraph', async () => {
    for (const [name, url] of everyService()) {
      const res = await post(url, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
      const body = JSON.parse(res.text) as { data?: unknown; errors?: { message: string }[] };
      expect(body.data ?? null, name).toBeNull();
      expect(body.errors?.[0]?.message, name).toMatch(/introspection is not allowed/i);
    }
  });

  it('suggests no field names ("Did you mean"), at the gateway and at every subgraph', async () => {
    // A misspelt field of each one's own schema: the gateway's childByCpr, each subgraph's federation field.
    const misspelt: Record<string, string> = { gateway: '{ childByCp(cpr: "x") { id } }' };
    for (const [name, url] of everyService()) {
      const res = await post(url, JSON.stringify({ query: misspelt[name] ?? '{ _servic { sdl } }' }));
      const body = JSON.parse(res.text) as { errors?: { message: string }[] };
      expect(body.errors?.length, name).toBeGreaterThan(0);
      expect(body.errors!.map((e) => e.message).join(' '), name).not.toMatch(/Did you mean/);
    }
  });

  it('answers a malformed body with a GraphQL-shaped JSON error and no stack trace or file path, everywhere', async () => {
    for (const [name, url] of everyService()) {
      const res = await post(url, '{"query": "{ municipalities { code } }"');
      expect(res.status, name).toBe(400);
      expect((JSON.parse(res.text) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code, name).toBe('BAD_REQUEST');
      expect(res.text, name).not.toMatch(/stacktrace|<html|\bat \w+ \(|\/work\/|node_modules/i);
    }
  });

  it('refuses, at the gateway, a token valid for longer than the longest lifetime and one issued in the future', async () => {
    const ask = async (token: string) => {
      const res = await fetch(t.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ municipalities { code } }' }) });
      return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
    };
    const tooLong = await ask(await tokenFor('caseworker-751', { expiresIn: '30d' }));
    expect(tooLong.status).toBe(401);
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(tooLong.body.errors?.[0]?.message).toMatch(/The token is valid for 30 days, longer than the 12 hours this API accepts/);
    const future = await ask(await tokenFor('caseworker-751', { now: new Date(Date.now() + 3_600_000) }));
    expect(future.status).toBe(401);
    expect(future.body.errors?.[0]?.message).toMatch(/The token was issued in the future/);
    // The same user's token of an ordinary lifetime is answered.
    expect((await ask(await tokenFor('caseworker-751'))).body.errors).toBeUndefined();
  });
});
