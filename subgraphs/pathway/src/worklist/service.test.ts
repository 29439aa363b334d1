import { MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE, type Principal } from '@pathway-graph/shared';
import { describe, expect, it, vi } from 'vitest';
import type { Context } from '../context.ts';
import type { SectorClient } from '../sector-client.ts';
import { worklist } from './service.ts';

const caseworker: Principal = { subject: 'cw-1', displayName: 'Synthetic caseworker', sector: 'MUNICIPALITY', organisation: '751', roles: ['CASEWORKER'] };

function contextWith(sectors: Pick<SectorClient, 'ownedOpenActionKeys' | 'ownedOpenActions'>): Context {
  // The worklist reads only the caller, today and the sector client; the rest of a request's context plays no part.
  return { principal: caseworker, today: '2026-12-02', sectors } as unknown as Context;
}

describe('the worklist page size', () => {
  it(`is refused above ${MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE} with BAD_USER_INPUT, before any sector is asked`, async () => {
    const sectors = { ownedOpenActionKeys: vi.fn(async () => []), ownedOpenActions: vi.fn(async () => []) };
    await expect(worklist(contextWith(sectors), { first: MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE + 1 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(sectors.ownedOpenActionKeys).not.toHaveBeenCalled();
  });

  it(`is accepted at ${MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE}: the sectors are asked for the keys`, async () => {
    const sectors = { ownedOpenActionKeys: vi.fn(async () => []), ownedOpenActions: vi.fn(async () => []) };
    const page = await worklist(contextWith(sectors), { first: MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE });
    expect(sectors.ownedOpenActionKeys).toHaveBeenCalledOnce();
    expect(page.totalCount).toBe(0);
  });
});
