import { and, asc, eq, gt, inArray, lte, ne, notExists, sql } from 'drizzle-orm';
import type { BuaDb } from './repository.ts';
import { children, municipalInterventions, referrals, transitionPlans, type MunicipalInterventionRow, type ReferralRow } from './schema.ts';

/** Where a page of the worklist ends: the sort key of its last referral (acute first, then oldest received). */
export interface WorklistCursor {
  acute: boolean;
  receivedAt: string;
  id: string;
}

export interface WorklistFilter {
  statuses: readonly ReferralRow['status'][];
  /** Received at or before this instant (the referral is at least so many days old). */
  receivedAtOrBefore?: string;
  /** Received after this instant (the referral is at most so many days old). */
  receivedAfter?: string;
}

/** Stores a received referral; undefined when its id is already taken by another message (nothing is stored then). */
export async function insertReferral(db: BuaDb, row: typeof referrals.$inferInsert): Promise<ReferralRow | undefined> {
  const [inserted] = await db.insert(referrals).values(row).onConflictDoNothing({ target: referrals.id }).returning();
  return inserted;
}

/** A referred child becomes a BUA patient (kendt i BUA) on the day the referral is received, unless it already is. */
export async function registerPatient(db: BuaDb, patient: { id: string; cpr: string; registeredOn: string }): Promise<void> {
  await db.insert(children).values({ ...patient, synthetic: false }).onConflictDoNothing();
}

export async function findReferralsByIds(db: BuaDb, ids: readonly string[]): Promise<ReferralRow[]> {
  return db.select().from(referrals).where(inArray(referrals.id, [...ids]));
}

/** The referral, locked until the transaction ends: every step of its course reads the state and writes the next. */
export async function findReferralForUpdate(db: BuaDb, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row;
}

export async function findReferralsByChildIds(db: BuaDb, childIds: readonly string[]): Promise<ReferralRow[]> {
  return db.select().from(referrals).where(inArray(referrals.childId, [...childIds])).orderBy(asc(referrals.receivedAt), asc(referrals.id));
}

export async function updateReferral(db: BuaDb, id: string, changes: Partial<typeof referrals.$inferInsert>): Promise<ReferralRow> {
  const [row] = await db.update(referrals).set(changes).where(eq(referrals.id, id)).returning();
  return row!;
}

// `acute = false` sorts the acute referrals (false) first; then the oldest received, then the id.
const notAcute = sql<boolean>`(${referrals.acute} = false)`;

/** One page of the worklist, acute referrals first, then oldest received first; `limit` rows (callers ask for one extra). */
export async function listWorklist(db: BuaDb, filter: WorklistFilter, limit: number, after: WorklistCursor | undefined): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(
      and(
        inArray(referrals.status, [...filter.statuses]),
        filter.receivedAtOrBefore === undefined ? undefined : lte(referrals.receivedAt, filter.receivedAtOrBefore),
        filter.receivedAfter === undefined ? undefined : gt(referrals.receivedAt, filter.receivedAfter),
        after === undefined
          ? undefined
          : sql`(${notAcute}, ${referrals.receivedAt}, ${referrals.id}) > (${!after.acute}, ${after.receivedAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(notAcute, asc(referrals.receivedAt), asc(referrals.id))
    .limit(limit);
}

export async function upsertMunicipalIntervention(db: BuaDb, row: typeof municipalInterventions.$inferInsert): Promise<void> {
  const { id: _id, ...changes } = row;
  await db.insert(municipalInterventions).values(row).onConflictDoUpdate({ target: municipalInterventions.id, set: changes });
}

export async function findInterventionsByChildIds(db: BuaDb, childIds: readonly string[]): Promise<MunicipalInterventionRow[]> {
  return db
    .select()
    .from(municipalInterventions)
    .where(inArray(municipalInterventions.childId, [...childIds]))
    .orderBy(asc(municipalInterventions.startedOn), asc(municipalInterventions.id));
}

/**
 * The referrals under BUA's treatment responsibility (visited with the decision to assess, not closed) of young
 * people born in (bornAfter, bornOnOrBefore], for whom no transition plan is held: one per child, the oldest
 * referral, in referral id order from `afterId`.
 */
export async function listMissingTransitionPlans(
  db: BuaDb,
  born: { bornAfter: string; bornOnOrBefore: string },
  limit: number,
  afterId: string | undefined,
): Promise<ReferralRow[]> {
  return db
    .selectDistinctOn([referrals.childId])
    .from(referrals)
    .where(
      and(
        eq(referrals.visitationDecision, 'ASSESSMENT'),
        ne(referrals.status, 'CLOSED'),
        gt(referrals.birthDate, born.bornAfter),
        lte(referrals.birthDate, born.bornOnOrBefore),
        afterId === undefined ? undefined : gt(referrals.childId, afterId),
        notExists(db.select({ one: sql`1` }).from(transitionPlans).where(eq(transitionPlans.childId, referrals.childId))),
      ),
    )
    .orderBy(asc(referrals.childId), asc(referrals.receivedAt))
    .limit(limit);
}

/** Whether BUA holds a referral under this id for that GP practice (a medication agreement names one). */
export async function referralOfPractice(db: BuaDb, referralId: string, ydernummer: string): Promise<boolean> {
  const [row] = await db.select({ id: referrals.id }).from(referrals).where(and(eq(referrals.id, referralId), eq(referrals.ydernummer, ydernummer)));
  return row !== undefined;
}

/** The child's most recent open referral, if any: its municipality is where BUA's transition plan goes. */
export async function findOpenReferralOfChild(db: BuaDb, childId: string): Promise<ReferralRow | undefined> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.childId, childId), ne(referrals.status, 'CLOSED')))
    .orderBy(sql`${referrals.receivedAt} desc`)
    .limit(1);
  return row;
}
