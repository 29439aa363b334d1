import type { AnyDatabase } from '@pathway-graph/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type * as schema from './schema.ts';
import { children, trackMemberships, type ScreeningTrack, type TrackMembershipRow } from './schema.ts';

export type ScreeningDb = AnyDatabase<typeof schema>;

/** A child's membership of one track, as stored (active or ended). */
export type TrackMembershipRecord = TrackMembershipRow;

/** A child known to screening, with every track membership it ever had, in track order and then by start. */
export interface ChildRecord {
  id: string;
  /** For the access guard (who consents depends on age) and the instruments' age rules. */
  birthDate: string;
  memberships: TrackMembershipRecord[];
}

/** The memberships that have not ended, in track order. */
export function activeMemberships(record: ChildRecord | null): TrackMembershipRecord[] {
  return record?.memberships.filter((m) => m.endedOn === null) ?? [];
}

/**
 * A whole batch of children with their memberships, in one statement: the guard needs the child (known? born
 * when?) and the fields need the memberships, so one join serves both.
 */
export async function findChildrenByIds(db: ScreeningDb, ids: readonly string[]): Promise<ChildRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: children.id, birthDate: children.birthDate, membership: trackMemberships })
    .from(children)
    .leftJoin(trackMemberships, eq(trackMemberships.childId, children.id))
    .where(inArray(children.id, [...ids]))
    .orderBy(asc(children.id), asc(trackMemberships.track), asc(trackMemberships.since), asc(trackMemberships.registeredAt));
  const byId = new Map<string, ChildRecord>();
  for (const { id, birthDate, membership } of rows) {
    let child = byId.get(id);
    if (!child) byId.set(id, (child = { id, birthDate, memberships: [] }));
    if (membership) child.memberships.push(membership);
  }
  return [...byId.values()];
}

export async function findMembershipsByIds(db: ScreeningDb, ids: readonly string[]): Promise<TrackMembershipRecord[]> {
  if (ids.length === 0) return [];
  return db.select().from(trackMemberships).where(inArray(trackMemberships.id, [...ids]));
}

/** The child's active membership of a track, locked for a change in this transaction (null when there is none). */
export async function findActiveMembershipForUpdate(tx: ScreeningDb, childId: string, track: ScreeningTrack): Promise<TrackMembershipRecord | null> {
  const [row] = await tx
    .select()
    .from(trackMemberships)
    .where(and(eq(trackMemberships.childId, childId), eq(trackMemberships.track, track), isNull(trackMemberships.endedOn)))
    .for('update');
  return row ?? null;
}

export async function findMembershipForUpdate(tx: ScreeningDb, id: string): Promise<TrackMembershipRecord | null> {
  const [row] = await tx.select().from(trackMemberships).where(eq(trackMemberships.id, id)).for('update');
  return row ?? null;
}

/** Makes the child known to screening (pseudonym and birth date only); a child known already is left as it is. */
export async function ensureChild(tx: ScreeningDb, child: { id: string; birthDate: string; synthetic?: boolean }): Promise<void> {
  await tx.insert(children).values(child).onConflictDoNothing({ target: children.id });
}

export async function insertMembership(tx: ScreeningDb, row: typeof trackMemberships.$inferInsert): Promise<TrackMembershipRecord> {
  const [inserted] = await tx.insert(trackMemberships).values(row).returning();
  return inserted!;
}

export async function updateMembership(
  tx: ScreeningDb,
  id: string,
  values: Partial<typeof trackMemberships.$inferInsert>,
): Promise<TrackMembershipRecord | undefined> {
  const [row] = await tx.update(trackMemberships).set(values).where(eq(trackMemberships.id, id)).returning();
  return row;
}

/** Records the outcome of the track-3 message, by its message id (the delivery worker's hooks). */
export async function setNotificationOutcome(
  tx: ScreeningDb,
  messageId: string,
  outcome: { status: 'DELIVERED'; receivedOn: string | null } | { status: 'FAILED'; error: string },
): Promise<void> {
  await tx
    .update(trackMemberships)
    .set(
      outcome.status === 'DELIVERED'
        ? { notificationStatus: 'DELIVERED', notificationReceivedOn: outcome.receivedOn, notificationError: null }
        : { notificationStatus: 'FAILED', notificationError: outcome.error },
    )
    .where(eq(trackMemberships.notificationMessageId, messageId));
}

export interface NewChild {
  id: string;
  birthDate: string;
  synthetic: boolean;
  tracks: readonly { track: ScreeningTrack; since: string; municipalityCode?: number }[];
}

/** Registers children (idempotent by pseudonym) with their track memberships, in one transaction (seeds and tests). */
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
        c.tracks.map(({ track, since, municipalityCode }) => ({ childId: c.id, track, since, municipalityCode: municipalityCode ?? null, synthetic: c.synthetic })),
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
