import { inKeyOrder } from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import { findCustodyConsentsByChildIds, findOpenActionsByChildIds, type KeptCustodyConsent } from './open-actions.ts';
import { findPlansByChildIds, findPlansByIds, findPlansByResultIds } from './plans.ts';
import { findChildrenByIds, findMembershipsByIds, type ChildRecord, type ScreeningDb, type TrackMembershipRecord } from './repository.ts';
import type { ActionPlanRow, ScreeningResultRow } from './schema.ts';
import { findResultsByChildIds, findResultsByIds } from './screenings.ts';

/** Rows grouped by key, in the order of the keys, each key's rows in the order the database gave them. */
function groupedBy<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: ScreeningDb) {
  return {
    /** Children with their track memberships; null for a child screening does not know. */
    child: new DataLoader<string, ChildRecord | null>(async (ids) => inKeyOrder(ids, await findChildrenByIds(db, ids), (c) => c.id)),
    membership: new DataLoader<string, TrackMembershipRecord | null>(async (ids) => inKeyOrder(ids, await findMembershipsByIds(db, ids), (m) => m.id)),
    /** A child's screening results, oldest first. */
    resultsOfChild: new DataLoader<string, ScreeningResultRow[]>(async (ids) => groupedBy(ids, await findResultsByChildIds(db, ids), (r) => r.childId)),
    result: new DataLoader<string, ScreeningResultRow | null>(async (ids) => inKeyOrder(ids, await findResultsByIds(db, ids), (r) => r.id)),
    /** A child's action plans, oldest first. */
    plansOfChild: new DataLoader<string, ActionPlanRow[]>(async (ids) => groupedBy(ids, await findPlansByChildIds(db, ids), (p) => p.childId)),
    plan: new DataLoader<string, ActionPlanRow | null>(async (ids) => inKeyOrder(ids, await findPlansByIds(db, ids), (p) => p.id)),
    /** The plan made for a result, if any. */
    planOfResult: new DataLoader<string, ActionPlanRow | null>(async (ids) => inKeyOrder(ids, await findPlansByResultIds(db, ids), (p) => p.screeningResultId)),
    /** A child's open actions (positive results still waiting for a plan), one per track at most. */
    openActionsOfChild: new DataLoader<string, ScreeningResultRow[]>(async (ids) =>
      groupedBy(ids, await findOpenActionsByChildIds(db, ids), (r) => r.childId),
    ),
    /** A child's custody holders' consents in force with a keeper (they may lapse at 18: open actions). */
    custodyConsentsOfChild: new DataLoader<string, KeptCustodyConsent[]>(async (ids) =>
      groupedBy(ids, await findCustodyConsentsByChildIds(db, ids), (c) => c.childId),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
