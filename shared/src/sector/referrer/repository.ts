import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { AnyDatabase } from '../../db/database.ts';
import type { ReferralStatus } from '../../domain/referral/status.ts';
import type { FurtherCourseRow, ReferrerReferralRow, ReferrerTables } from './tables.ts';

// Any referring sector's database: these functions only touch the referrer tables passed with it.
type Db = AnyDatabase<Record<string, unknown>>;

/** Inserts the referral unless its messageId is taken; returns the stored one either way. */
export async function insertReferralOnce(
  db: Db,
  { referrals }: ReferrerTables,
  row: typeof referrals.$inferInsert,
): Promise<{ referral: ReferrerReferralRow; created: boolean }> {
  const [inserted] = await db.insert(referrals).values(row).onConflictDoNothing({ target: referrals.messageId }).returning();
  if (inserted) return { referral: inserted, created: true };
  const [existing] = await db.select().from(referrals).where(eq(referrals.messageId, row.messageId!));
  return { referral: existing!, created: false };
}

export async function insertInformedReferral(db: Db, { referrals }: ReferrerTables, row: typeof referrals.$inferInsert): Promise<ReferrerReferralRow> {
  const [inserted] = await db.insert(referrals).values(row).returning();
  return inserted!;
}

export async function findReferralsByIds(db: Db, { referrals }: ReferrerTables, ids: readonly string[]): Promise<ReferrerReferralRow[]> {
  return db.select().from(referrals).where(inArray(referrals.id, [...ids]));
}

/** The referral row, locked until the transaction ends (a status and a part of the joint decision may race). */
export async function findReferralForUpdate(db: Db, { referrals }: ReferrerTables, id: string): Promise<ReferrerReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row;
}

/** One page of an organisation's referrals in id order (referral ids are UUIDv7, so oldest first). */
export async function listReferrals(
  db: Db,
  { referrals }: ReferrerTables,
  organisation: string,
  status: ReferralStatus | undefined,
  limit: number,
  afterId: string | undefined,
): Promise<ReferrerReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.organisation, organisation),
        status === undefined ? undefined : eq(referrals.status, status),
        afterId === undefined ? undefined : gt(referrals.id, afterId),
      ),
    )
    .orderBy(asc(referrals.id))
    .limit(limit);
}

export async function updateReferral(
  db: Db,
  { referrals }: ReferrerTables,
  id: string,
  changes: Partial<Pick<ReferrerReferralRow, 'status' | 'history' | 'visitation' | 'outcome' | 'delivery' | 'deliveryNote'>>,
): Promise<ReferrerReferralRow> {
  const [row] = await db.update(referrals).set(changes).where(eq(referrals.id, id)).returning();
  return row!;
}

export async function setDelivery(db: Db, { referrals }: ReferrerTables, messageId: string, delivery: 'DELIVERED' | 'FAILED', note: string | null): Promise<void> {
  await db.update(referrals).set({ delivery, deliveryNote: note }).where(eq(referrals.messageId, messageId));
}

export async function findFurtherCourseByReferralIds(db: Db, { furtherCourse }: ReferrerTables, ids: readonly string[]): Promise<FurtherCourseRow[]> {
  return db.select().from(furtherCourse).where(inArray(furtherCourse.referralId, [...ids])).orderBy(asc(furtherCourse.recordedAt));
}

/** Stores a part once per referral and sector; false when that sector's part is already there. */
export async function insertFurtherCourse(db: Db, { furtherCourse }: ReferrerTables, row: typeof furtherCourse.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(furtherCourse).values(row).onConflictDoNothing().returning({ id: furtherCourse.id });
  return inserted.length > 0;
}

/** The referrals held for a batch of children (sent, or told of), oldest first: one statement for all of them. */
export async function findReferralsByChildIds(db: Db, { referrals }: ReferrerTables, childIds: readonly string[]): Promise<ReferrerReferralRow[]> {
  return db.select().from(referrals).where(inArray(referrals.childId, [...childIds])).orderBy(asc(referrals.createdAt), asc(referrals.id));
}

/**
 * The parts of the joint decision on the further course recorded here for a batch of children (by their referrals),
 * oldest first: one statement for all of them.
 */
export async function findFurtherCourseByChildIds(db: Db, { referrals, furtherCourse }: ReferrerTables, childIds: readonly string[]) {
  return db
    .select({ referralId: furtherCourse.referralId, childId: referrals.childId, sector: furtherCourse.sector, recordedAt: furtherCourse.recordedAt })
    .from(furtherCourse)
    .innerJoin(referrals, eq(referrals.id, furtherCourse.referralId))
    .where(inArray(referrals.childId, [...childIds]))
    .orderBy(asc(furtherCourse.recordedAt), asc(furtherCourse.id));
}
