import DataLoader from 'dataloader';
import { findChildrenByIds, type ChildRecord, type ScreeningDb } from './repository.ts';

/** Returns the rows in key order, with null where a key has no row (DataLoader's contract). */
export function inKeyOrder<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: ScreeningDb) {
  return {
    /** Children with their track memberships; null for a child screening does not know. */
    child: new DataLoader<string, ChildRecord | null>(async (ids) =>
      inKeyOrder(ids, await findChildrenByIds(db, ids), (c) => c.id),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
