import { describe, expect, it } from 'vitest';
import { findUnstorable, jsonDepthExceeds, MAX_MESSAGE_DEPTH } from './storable.ts';

describe('storable JSON', () => {
  it('finds NUL characters and lone surrogates in values and keys, naming where and never what', () => {
    expect(findUnstorable({ a: [{ b: 'ok' }, { c: 'x\u0000y' }] })).toBe('payload.a[1].c contains a NUL character');
    expect(findUnstorable({ 'k\u0000': 1 })).toBe('a key in payload contains a NUL character');
    expect(findUnstorable({ t: 'half \ud83d pair' })).toBe('payload.t contains an unpaired UTF-16 surrogate');
    expect(findUnstorable({ t: 'trailing \ude00' })).toBe('payload.t contains an unpaired UTF-16 surrogate');
    expect(findUnstorable({ t: 'a whole pair 😀, æøå' })).toBeUndefined();
    expect(findUnstorable({ n: Number.NaN })).toBe('payload.n is not a finite number');
    expect(findUnstorable({ skipped: undefined, ok: [true, null, 1.5] })).toBeUndefined();
  });

  it('bounds the depth, without recursion, however deep the value is', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorable(deep)).toMatch(/is nested deeper than 64 levels$/);
    let fits: unknown = 'bottom';
    for (let i = 0; i < MAX_MESSAGE_DEPTH; i++) fits = { x: fits };
    expect(findUnstorable(fits)).toBeUndefined();
  });

  it('measures the depth of raw JSON text without parsing it, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toBe(true);
    expect(jsonDepthExceeds(`${'['.repeat(64)}${']'.repeat(64)}`)).toBe(false);
    expect(jsonDepthExceeds(`${'['.repeat(65)}${']'.repeat(65)}`)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ text: '['.repeat(5000), quoted: 'a \\" [[[' }))).toBe(false);
    expect(jsonDepthExceeds('[[["\\\\"]]]', 2)).toBe(true);
  });
});
