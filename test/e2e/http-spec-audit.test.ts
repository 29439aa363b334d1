import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { backends } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * The GraphQL-over-HTTP specification's audit (graphql-http's `serverAudits`), run against the gateway and against a
 * subgraph called directly, signed in: every MUST passes. The SHOULD and MAY results are counted, and the count is
 * printed, so a change that costs conformance shows in the test output.
 */

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem(backends[0]!);
}, 600_000);
afterAll(async () => {
  await t?.close();
});

async function audit(url: string): Promise<AuditResult[]> {
  const headers = await as('caseworker-751');
  const fetchFn: typeof fetch = (input, init) => {
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return fetch(input, { ...init, headers: merged });
  };
  return Promise.all(serverAudits({ url, fetchFn }).map((a) => a.fn()));
}

function summary(results: AuditResult[]) {
  const level = (r: AuditResult) => r.name.split(' ')[0]!;
  const count = (l: string) => {
    const of = results.filter((r) => level(r) === l);
    return `${of.filter((r) => r.status === 'ok').length} of ${of.length}`;
  };
  return { MUST: count('MUST'), SHOULD: count('SHOULD'), MAY: count('MAY') };
}

describe('the GraphQL-over-HTTP audit', () => {
  for (const service of ['gateway', 'bua'] as const) {
    it(`passes every MUST at the ${service === 'gateway' ? 'gateway' : 'BUA subgraph'}`, async () => {
      const url = service === 'gateway' ? t.gatewayUrl : t.system.subgraphs.bua.url;
      const results = await audit(url);
      const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
      console.error(`${service}: ${JSON.stringify(summary(results))}`);
      for (const r of results.filter((r) => r.status !== 'ok' && !r.name.startsWith('MUST'))) console.error(`  ${r.status}: ${r.name}${'reason' in r ? ` (${r.reason})` : ''}`);
      expect(failedMusts.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    }, 60_000);
  }
});
