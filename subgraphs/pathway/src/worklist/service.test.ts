import { MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE, type Principal } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
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

describe('a sector that cannot be reached', () => {
  const keys = (...pairs: [string, string][]) => pairs.map(([childId, earliestDueOn]) => ({ childId, earliestDueOn }));
  const action = (dueOn: string) => ({ kind: 'NETWORK_MEETING_ACTION_OVERDUE', subjectId: `m-${dueOn}`, ownerSector: 'MUNICIPALITY', ownerOrganisation: '751', dueOn, overdue: true });
  const answersWithBuaDown: Awaited<ReturnType<SectorClient['ownedOpenActionKeys']>> = [
    ['municipality', keys(['ch_b', '2026-09-02'], ['ch_a', '2026-09-05'])],
    ['general-practice', []],
    ['bua', null],
    ['screening', []],
  ];

  it('leaves the answering sectors’ children in their order, named in unavailableSources, and the cursor exact', async () => {
    const sectors = {
      ownedOpenActionKeys: vi.fn(async () => answersWithBuaDown),
      ownedOpenActions: vi.fn(async (bySector: Partial<Record<string, string[]>>) =>
        Object.entries(bySector).map(([sector, ids]) => [sector, ids!.map((childId) => ({ childId, actions: [action(childId === 'ch_b' ? '2026-09-02' : '2026-09-05')] }))]),
      ) as unknown as SectorClient['ownedOpenActions'],
    };
    const first = await worklist(contextWith(sectors), { first: 1 });
    expect(first.edges.map((e) => e.node.child.id)).toEqual(['ch_b']);
    expect(first).toMatchObject({ totalCount: 2, unavailableSources: ['bua'], pageInfo: { hasNextPage: true } });
    // BUA was not asked for actions: it gave no keys.
    expect(sectors.ownedOpenActions).toHaveBeenLastCalledWith({ municipality: ['ch_b'] });
    const second = await worklist(contextWith(sectors), { first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.child.id)).toEqual(['ch_a']);
    expect(second).toMatchObject({ unavailableSources: ['bua'], pageInfo: { hasNextPage: false } });
  });

  it('names a sector that gave its keys but not the actions, the child still listed where its keys put it', async () => {
    const sectors = {
      ownedOpenActionKeys: vi.fn(async (): Promise<Awaited<ReturnType<SectorClient['ownedOpenActionKeys']>>> => [['municipality', keys(['ch_a', '2026-09-05'])], ['bua', keys(['ch_a', '2026-09-01'])]]),
      ownedOpenActions: vi.fn(async (): Promise<Awaited<ReturnType<SectorClient['ownedOpenActions']>>> => [['municipality', [{ childId: 'ch_a', actions: [action('2026-09-05')] }]], ['bua', null]]),
    };
    const page = await worklist(contextWith(sectors), {});
    expect(page.unavailableSources).toEqual(['bua']);
    expect(page.edges.map((e) => [e.node.earliestDueOn, e.node.actions.map((a) => a.heldBy)])).toEqual([['2026-09-01', ['MUNICIPALITY']]]);
  });

  it('gives an empty, named page when the sector that applies the filter is the one missing', async () => {
    const sectors = {
      ownedOpenActionKeys: vi.fn(async (): Promise<Awaited<ReturnType<SectorClient['ownedOpenActionKeys']>>> => [['municipality', null], ['bua', keys(['ch_a', '2026-09-01'])]]),
      ownedOpenActions: vi.fn(async () => []),
    };
    const page = await worklist(contextWith(sectors), { department: 'CHILDREN_AND_YOUTH' });
    expect(page).toMatchObject({ edges: [], totalCount: 0, unavailableSources: ['municipality'] });
  });

  it('passes a sector’s refusal on as the answer', async () => {
    const refusal = new GraphQLError('No.', { extensions: { code: 'FORBIDDEN', serviceName: 'bua' } });
    const sectors = { ownedOpenActionKeys: vi.fn(async () => Promise.reject(refusal)), ownedOpenActions: vi.fn(async () => []) };
    await expect(worklist(contextWith(sectors), {})).rejects.toBe(refusal);
  });
});
