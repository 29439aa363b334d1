import { inKeyOrder } from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import { createAdvisoryLoaders } from './advisory-loaders.ts';
import { findInterventionsByChildIds, findReferralsByChildIds, findReferralsByIds } from './referrals.ts';
import { findOpenActionSourcesByChildIds, type BuaOpenActionSources } from './open-actions.ts';
import { findChildrenByIds, type BuaDb, type ChildRecord } from './repository.ts';
import type { MunicipalInterventionRow, ReferralRow } from './schema.ts';

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: BuaDb) {
  return {
    child: new DataLoader<string, ChildRecord | null>(async (ids) =>
      inKeyOrder(ids, await findChildrenByIds(db, ids), (c) => c.id),
    ),
    // BUA's advisory service (agreement 6.3).
    ...createAdvisoryLoaders(db),
    referral: new DataLoader<string, ReferralRow | null>(async (ids) => inKeyOrder(ids, await findReferralsByIds(db, ids), (r) => r.id)),
    /** A child's referrals, oldest received first, for a whole page of children in one statement. */
    referralsOfChild: new DataLoader<string, ReferralRow[]>(async (ids) => {
      const rows = await findReferralsByChildIds(db, ids);
      return ids.map((id) => rows.filter((r) => r.childId === id));
    }),
    interventionsOfChild: new DataLoader<string, MunicipalInterventionRow[]>(async (ids) => {
      const rows = await findInterventionsByChildIds(db, ids);
      return ids.map((id) => rows.filter((r) => r.childId === id));
    }),
    /** What the open-action rules read about a child, for a whole request's children in one statement. */
    openActionSources: new DataLoader<string, BuaOpenActionSources | null>(async (ids) =>
      inKeyOrder(ids, await findOpenActionSourcesByChildIds(db, ids), (s) => s.childId),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
