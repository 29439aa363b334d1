import DataLoader from 'dataloader';
import { findTrackMembershipsByChildIds, type ScreeningDb, type TrackMembershipRecord } from './repository.ts';

/** Groups the rows by key, in key order, with an empty list where a key has no rows (DataLoader's contract). */
export function groupedInKeyOrder<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: ScreeningDb) {
  return {
    trackMemberships: new DataLoader<string, TrackMembershipRecord[]>(async (childIds) =>
      groupedInKeyOrder(childIds, await findTrackMembershipsByChildIds(db, childIds), (m) => m.childId),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
