import { badUserInput, decodeCursor, encodeCursor } from '@pathway-graph/shared';

/**
 * The worklist of an organisation, merged from the sectors (issue 15): each sector holding open actions the
 * organisation owns gives the children and each one's earliest due day there (its keys); a child with actions in two
 * sectors is one entry, keyed by the earliest day of all. Entries are ordered by (earliest due day, child id), and
 * the cursor is that pair: every sector's keys are complete (not paged), so the merged order is exact and a page
 * after a cursor neither repeats nor skips a child, whichever sector its actions are in.
 */

export interface SectorKey {
  childId: string;
  earliestDueOn: string;
}

export interface MergedKey<S extends string> {
  childId: string;
  earliestDueOn: string;
  /** The sectors holding actions the organisation owns for the child. */
  sectors: S[];
}

const compare = (a: { earliestDueOn: string; childId: string }, b: { earliestDueOn: string; childId: string }): number =>
  a.earliestDueOn < b.earliestDueOn ? -1 : a.earliestDueOn > b.earliestDueOn ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0;

/**
 * One key per child, the earliest of its sectors', in worklist order. With `restrictTo` (a filter only one sector can
 * apply, e.g. a municipality's department), only the children that sector's filtered keys name.
 */
export function mergeWorklistKeys<S extends string>(bySector: ReadonlyArray<readonly [S, readonly SectorKey[]]>, restrictTo?: ReadonlySet<string>): MergedKey<S>[] {
  const merged = new Map<string, MergedKey<S>>();
  for (const [sector, keys] of bySector) {
    for (const key of keys) {
      if (restrictTo && !restrictTo.has(key.childId)) continue;
      const seen = merged.get(key.childId);
      if (!seen) merged.set(key.childId, { childId: key.childId, earliestDueOn: key.earliestDueOn, sectors: [sector] });
      else {
        if (key.earliestDueOn < seen.earliestDueOn) seen.earliestDueOn = key.earliestDueOn;
        if (!seen.sectors.includes(sector)) seen.sectors.push(sector);
      }
    }
  }
  return [...merged.values()].sort(compare);
}

export function worklistCursor(key: { earliestDueOn: string; childId: string }): string {
  return encodeCursor(`${key.earliestDueOn}|${key.childId}`);
}

export function parseWorklistCursor(cursor: string | null | undefined): { earliestDueOn: string; childId: string } | null {
  const key = decodeCursor(cursor);
  if (key === undefined) return null;
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(key);
  if (!match) throw badUserInput('after is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.', { field: 'after' });
  return { earliestDueOn: match[1]!, childId: match[2]! };
}

/** The page of `first` keys after the cursor, and whether more follow. */
export function worklistPage<K extends { earliestDueOn: string; childId: string }>(keys: readonly K[], first: number, after: { earliestDueOn: string; childId: string } | null) {
  const rest = after ? keys.filter((k) => compare(k, after) > 0) : keys;
  return { page: rest.slice(0, first), hasNextPage: rest.length > first };
}
