import { inKeyOrder } from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import { createAdvisoryLoaders } from './advisory-loaders.ts';
import { findChildrenByIds, type BuaDb, type ChildRecord } from './repository.ts';

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: BuaDb) {
  return {
    child: new DataLoader<string, ChildRecord | null>(async (ids) =>
      inKeyOrder(ids, await findChildrenByIds(db, ids), (c) => c.id),
    ),
    // BUA's advisory service (agreement 6.3).
    ...createAdvisoryLoaders(db),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
