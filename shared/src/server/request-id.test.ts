import { describe, expect, it } from 'vitest';
import { ownRequestId, requestIdProblem } from './request-id.ts';

describe('ownRequestId', () => {
  it('draws again when a random id holds digits that read as a CPR number, which the next service would refuse', () => {
    const cprLike = '019adf3a-b206-7154-8764-a1206154764b';
    expect(requestIdProblem(cprLike)).toMatch(/CPR/);
    const drawn = [cprLike, '019adf3a-b206-7154-8764-abcdefabcdef'];
    expect(ownRequestId(() => drawn.shift()!)).toBe('019adf3a-b206-7154-8764-abcdefabcdef');
    expect(drawn).toEqual([]);
  });

  it('gives a UUIDv7 any service accepts', () => {
    const id = ownRequestId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdProblem(id)).toBeUndefined();
  });
});
