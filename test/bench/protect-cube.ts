/**
 * CPU time to protect BUA's referral cube (658,125 cells in its dimension product, 34,125 in its three views) with
 * synthetic leaf counts, by the engine and by the dense engine it replaced (shared/src/statistics/dense-oracle), in
 * one process. Both must hide the same cells; the script says so or fails.
 *
 *   npx tsx test/bench/protect-cube.ts [facts=3000] [rounds=3]
 */
import { protectCube, type LeafCount } from '@pathway-graph/shared/statistics/cube';
import { protectDense } from '@pathway-graph/shared/statistics/dense-oracle/protect';
import { referralCubeSpec } from '@pathway-graph/bua/statistics/cubes';
import { parsePeriodKey } from '@pathway-graph/shared/statistics/periods';

const facts = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 3);
const spec = referralCubeSpec(parsePeriodKey('2025-2026'));
const dimensions = spec.dimensions;

// A deterministic, skewed population: most facts in few municipalities, months and categories, as in the region.
let seed = 20261202;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};
const leaves = new Map<string, { at: Record<string, string>; count: number }>();
for (let i = 0; i < facts; i++) {
  const at = Object.fromEntries(dimensions.map((d) => [d.name, d.leaves[Math.floor(random() * random() * d.leaves.length)]!]));
  const key = JSON.stringify(at);
  const leaf = leaves.get(key) ?? { at, count: 0 };
  leaf.count += 1;
  leaves.set(key, leaf);
}
const counts: LeafCount[] = [...leaves.values()];

function cpuMs<T>(run: () => T): { ms: number; result: T } {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  return { ms: Math.round((used.user + used.system) / 1000), result };
}

const cellsOf = (dims: typeof dimensions) => dims.reduce((n, d) => n * d.order.length, 1);
console.log(`${spec.name}: ${cellsOf(dimensions)} cells in the product, ${facts} facts at ${counts.length} leaves`);
for (let round = 1; round <= rounds; round++) {
  const sparse = cpuMs(() => protectCube({ name: spec.name, dimensions, views: spec.views! }, counts));
  const dense = cpuMs(() => protectDense(dimensions, spec.views, counts, 5));
  const hiddenDense = dense.result.filter((cell) => cell.status !== 'SHOWN').length;
  const summary = sparse.result.summary();
  if (summary.cells !== dense.result.length || summary.hidden !== hiddenDense) {
    throw new Error(`the engines disagree: ${JSON.stringify(summary)} against ${dense.result.length} cells, ${hiddenDense} hidden`);
  }
  console.log(`round ${round}: sparse ${sparse.ms} ms CPU, dense ${dense.ms} ms CPU (${summary.cells} published cells, ${summary.hidden} hidden)`);
}
