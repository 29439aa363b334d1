/**
 * How fast the gateway refuses the hardening issue's attack queries, and whether /health stays answered meanwhile.
 * `npx tsx test/bench/attacks.ts` prints the figures; nothing here is asserted (tests assert counts, never times).
 */
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { performance } from 'node:perf_hooks';
import { as } from '../support/auth.ts';
import { backends } from '../support/databases.ts';
import { startTestSystem } from '../support/system.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const cpr = DEMO_CHILDREN.find((c) => c.municipalityCode === 751)!.cpr;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: childByCpr(cpr: "${cpr}") { id }`).join(' ')} }`;
const ATTACKS: Record<string, string> = {
  '202 levels deep': `{ municipality(code: 751) { ${'children(first: 1) { edges { node { residenceMunicipality { '.repeat(50)}code${' } } } }'.repeat(50)} } }`,
  '500 children x their municipality’s 500 children': '{ municipality(code: 751) { children(first: 500) { edges { node { residenceMunicipality { children(first: 500) { edges { node { id birthDate } } } } } } } } }',
  '200 aliases of childByCpr': aliases(200),
  '1,000 aliases of childByCpr': aliases(1000),
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const t = await startTestSystem(backends[0]!, { today: '2026-11-23' });
const headers = await as('caseworker-751');
const health = t.gatewayUrl.replace('/graphql', '/health');
try {
  for (const [name, query] of Object.entries(ATTACKS)) {
    const times: number[] = [];
    const healthTimes: number[] = [];
    let answer = '';
    for (let i = 0; i < RUNS + 1; i++) {
      const s = performance.now();
      const [res, healthMs] = await Promise.all([
        fetch(t.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) }),
        (async () => {
          const h = performance.now();
          await fetch(health);
          return performance.now() - h;
        })(),
      ]);
      const body = (await res.json()) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
      const ms = performance.now() - s;
      answer = `HTTP ${res.status} ${body.errors?.[0]?.extensions?.code ?? 'no error'} (${body.errors?.[0]?.extensions?.limit ?? '-'})`;
      if (i > 0) {
        times.push(ms);
        healthTimes.push(healthMs);
      }
    }
    console.log(`${name}: ${answer}, median ${median(times).toFixed(1)} ms over ${RUNS} runs; /health meanwhile ${median(healthTimes).toFixed(1)} ms`);
  }
} finally {
  await t.close();
}
