import { describe, expect, it } from 'vitest';
import { ProtectedCubeCache } from './cube-cache.ts';
import { categoryDimension, municipalityDimension } from './dimensions.ts';
import type { CubeSpec } from './cube.ts';

const spec: CubeSpec = {
  name: 'cached',
  dimensions: [municipalityDimension(), categoryDimension('sex', 'Sex', [{ key: 'F', label: 'Girls' }, { key: 'M', label: 'Boys' }])],
};
const counts = [
  { at: { municipality: '751', sex: 'F' }, count: 12 },
  { at: { municipality: '751', sex: 'M' }, count: 3 },
  { at: { municipality: '657', sex: 'F' }, count: 9 },
];

describe('the protected cube cache', () => {
  it('reuses the protected cube for the same leaf counts in any row order, and protects anew when one count changes', () => {
    const cache = new ProtectedCubeCache();
    const first = cache.protect(spec, counts);
    expect(cache.protect(spec, [...counts].reverse())).toBe(first);
    const changed = cache.protect(spec, counts.map((row, i) => (i === 0 ? { ...row, count: 13 } : row)));
    expect(changed).not.toBe(first);
    expect(changed.select({}).rows[0]!.count).toEqual({ value: 25 });
    expect(first.select({}).rows[0]!.count).toEqual({ value: 24 });
    // The same answers as the engine's own: a cached cube is the engine's cube.
    expect(first.publishedView()).toEqual(cache.protect(spec, counts).publishedView());
  });

  it('keeps the most recently used cubes up to its capacity', () => {
    const cache = new ProtectedCubeCache(2);
    const a = cache.protect(spec, counts);
    const b = cache.protect(spec, counts.slice(1));
    expect(cache.protect(spec, counts)).toBe(a);
    cache.protect(spec, counts.slice(2));
    // b was the least recently used: protected anew.
    expect(cache.protect(spec, counts.slice(1))).not.toBe(b);
    expect(cache.protect(spec, counts)).not.toBe(a);
  });
});
