import { createHash } from 'node:crypto';
import { protectCube, type CubeSpec, type LeafCount, type LeafMeasureCount, type ProtectedCube } from './cube.ts';

/**
 * Protected cubes by the exact leaf counts they were made from. The engine is a pure function of the cube's spec and
 * its leaf counts, so an analyst's next query on unchanged facts can take the protected cube of the last one instead
 * of protecting the same lattice again (seconds for a region-sized cube): the SQL GROUP BY still runs on every
 * query, so new facts are always seen, and a cube is reused only when every leaf count is the same.
 */
export class ProtectedCubeCache {
  readonly #entries = new Map<string, ProtectedCube>();

  constructor(readonly capacity = 8) {}

  protect(spec: CubeSpec, counts: readonly LeafCount[], measures: readonly LeafMeasureCount[] = []): ProtectedCube {
    const key = fingerprint(spec, counts, measures);
    const cached = this.#entries.get(key);
    if (cached) {
      // Most recently used last: the first entry is the one to evict.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const cube = protectCube(spec, counts, measures);
    this.#entries.set(key, cube);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    return cube;
  }
}

/** A digest of everything the engine's answer depends on; rows in a canonical order (SQL returns groups in any). */
function fingerprint(spec: CubeSpec, counts: readonly LeafCount[], measures: readonly LeafMeasureCount[]): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      name: spec.name,
      threshold: spec.threshold ?? null,
      dimensions: spec.dimensions.map((d) => [d.name, d.order]),
      views: spec.views ?? null,
      measures: spec.measures ?? [],
    }),
  );
  const canonical = (at: Readonly<Record<string, string>>) => JSON.stringify(Object.keys(at).sort().map((k) => [k, at[k]]));
  for (const line of counts.map((row) => `c${canonical(row.at)}${row.count}`).sort()) hash.update(line);
  for (const line of measures.map((row) => `m${canonical(row.at)}${row.measure}|${row.value}|${row.count}`).sort()) hash.update(line);
  return hash.digest('hex');
}
