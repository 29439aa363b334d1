import type { AnyDatabase } from '@pathway-graph/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type * as schema from './schema.ts';
import { children, trackMemberships } from './schema.ts';

export type ScreeningDb = AnyDatabase<typeof schema>;

/** A child's membership of one track, as the graph sees it. */
export type TrackMembershipRecord = Pick<schema.TrackMembershipRow, 'childId' | 'track' | 'since'>;

/** A child known to screening, with its track memberships in track order (possibly none). */
export interface ChildRecord {
  id: string;
  /** For the access guard: who may consent to disclosing the child's data depends on the child's age. */
  birthDate: string;
  tracks: TrackMembershipRecord[];
}

/**
 * A whole batch of children with their memberships, in one statement: the guard needs the child (known? born
 * when?) and the field needs the tracks, so one join serves both. Rows come by child and then in track order.
 */
export async function findChildrenByIds(db: ScreeningDb, ids: readonly string[]): Promise<ChildRecord[]> {
  const rows = await db
    .select({ id: children.id, birthDate: children.birthDate, track: trackMemberships.track, since: trackMemberships.since })
    .from(children)
    .leftJoin(trackMemberships, eq(trackMemberships.childId, children.id))
    .where(inArray(children.id, [...ids]))
    .orderBy(asc(children.id), asc(trackMemberships.track));
  const byId = new Map<string, ChildRecord>();
  for (const { id, birthDate, track, since } of rows) {
    let child = byId.get(id);
    if (!child) byId.set(id, (child = { id, birthDate, tracks: [] }));
    if (track !== null && since !== null) child.tracks.push({ childId: id, track, since });
  }
  return [...byId.values()];
}

export interface NewChild {
  id: string;
  birthDate: string;
  synthetic: boolean;
  tracks: readonly { track: schema.TrackMembershipRow['track']; since: string }[];
}

/** Registers children (idempotent by pseudonym) with their track memberships, in one transaction. */
export async function insertChildren(db: ScreeningDb, rows: readonly NewChild[]) {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await tx
        .insert(children)
        .values(chunk.map(({ tracks: _ignored, ...child }) => child))
        .onConflictDoNothing();
      const memberships = chunk.flatMap((c) =>
        c.tracks.map(({ track, since }) => ({ childId: c.id, track, since, synthetic: c.synthetic })),
      );
      if (memberships.length > 0) {
        await tx.insert(trackMemberships).values(memberships).onConflictDoNothing();
      }
    }
  });
}

export async function countChildren(db: ScreeningDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(children);
  return row?.n ?? 0;
}
