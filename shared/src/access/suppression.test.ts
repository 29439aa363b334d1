import { describe, expect, it } from 'vitest';
import { suppressSmallCount } from './suppression.ts';

describe('suppressSmallCount', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [120, 120],
  ])('%i -> %s', (count, shown) => {
    expect(suppressSmallCount(count)).toBe(shown);
  });
});
