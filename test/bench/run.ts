/**
 * Benchmarks of the foundation: start-up time of the whole system on embedded PGlite, latency of a gateway query
 * over 10 and 500 children with fields from all five subgraphs, SQL statements per subgraph, and memory.
 * `npm run bench` prints the figures; nothing here is asserted (tests assert counts, never times).
 */
import type { Principal } from '@pathway-graph/shared';
import { performance } from 'node:perf_hooks';
import { as } from '../support/auth.ts';
import { registerEverywhere, syntheticChildren } from '../support/children.ts';
import { backends } from '../support/databases.ts';
import { startTestSystem } from '../support/system.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const QUERY = `query($first: Int!) { municipality(code: 661) { children(first: $first) { edges { node {
  id birthDate knownToMunicipality listedPractice { name } knownToBua screeningTracks { track } ageBand involvedSectors } } } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

for (const backend of backends) {
  const t0 = performance.now();
  const t = await startTestSystem(backend, { seedDemoData: true, today: '2026-11-23' });
  const startMs = performance.now() - t0;
  await registerEverywhere(t.system, syntheticChildren(500, 20_000), {
    municipalityCode: 661,
    practice: { ydernummer: '166100', name: 'Lægehuset Bench (syntetisk)', locationNumber: '5790009966107' },
    consentTo: ['MUNICIPALITY'],
  });
  const reader: Principal = { subject: 'bench:661', displayName: 'Bench', sector: 'MUNICIPALITY', organisation: '661', roles: ['CASEWORKER'] };
  const headers = await as(reader);
  console.log(`\n[${backend.name}] system start (5 subgraphs + gateway, migrations, demo seed): ${startMs.toFixed(0)} ms`);
  for (const first of [10, 500]) {
    const times: number[] = [];
    let statements: Record<string, number> = {};
    for (let i = 0; i < RUNS + 3; i++) {
      for (const db of Object.values(t.system.databases)) db.statements.reset();
      const s = performance.now();
      const res = await t.query<{ municipality: { children: { edges: unknown[] } } }>(QUERY, { first }, headers);
      const ms = performance.now() - s;
      if (res.errors || res.data?.municipality.children.edges.length !== first) throw new Error(JSON.stringify(res.errors));
      if (i >= 3) times.push(ms); // the first runs warm up the JIT and the query plans
      statements = Object.fromEntries(Object.entries(t.system.databases).map(([n, db]) => [n, db.statements.total]));
    }
    times.sort((a, b) => a - b);
    console.log(
      `[${backend.name}] ${String(first).padStart(3)} children, all five subgraphs: p50 ${percentile(times, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(times, 95).toFixed(1)} ms over ${RUNS} runs; SQL statements ${JSON.stringify(statements)}`,
    );
  }
  const mem = process.memoryUsage();
  console.log(`[${backend.name}] memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await t.close();
}
