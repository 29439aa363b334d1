import type { AnyDatabase } from '@pathway-graph/shared';
import { asc, inArray, sql } from 'drizzle-orm';
import type * as schema from './schema.ts';
import { children, trackMemberships } from './schema.ts';

export type ScreeningDb = AnyDatabase<typeof schema>;

/** A child's membership of one track, as the graph sees it. */
export type TrackMembershipRecord = Pick<schema.TrackMembershipRow, 'childId' | 'track' | 'since'>;

/** The memberships of a whole batch of children in one statement, by child and then in track order. */
export async function findTrackMembershipsByChildIds(
  db: ScreeningDb,
  childIds: readonly string[],
): Promise<TrackMembershipRecord[]> {
  return db
    .select({ childId: trackMemberships.childId, track: trackMemberships.track, since: trackMemberships.since })
    .from(trackMemberships)
    .where(inArray(trackMemberships.childId, [...childIds]))
    .orderBy(asc(trackMemberships.childId), asc(trackMemberships.track));
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
