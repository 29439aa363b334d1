import { asc, inArray } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';
import { actionPlans, type ActionPlanRow } from './schema.ts';

export async function insertPlan(tx: ScreeningDb, row: typeof actionPlans.$inferInsert): Promise<ActionPlanRow> {
  const [inserted] = await tx.insert(actionPlans).values(row).returning();
  return inserted!;
}

export async function findPlansByIds(db: ScreeningDb, ids: readonly string[]): Promise<ActionPlanRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(actionPlans).where(inArray(actionPlans.id, [...ids]));
}

export async function findPlansByChildIds(db: ScreeningDb, childIds: readonly string[]): Promise<ActionPlanRow[]> {
  if (childIds.length === 0) return [];
  return db
    .select()
    .from(actionPlans)
    .where(inArray(actionPlans.childId, [...childIds]))
    .orderBy(asc(actionPlans.childId), asc(actionPlans.createdOn), asc(actionPlans.id));
}

export async function findPlansByResultIds(db: ScreeningDb, resultIds: readonly string[]): Promise<ActionPlanRow[]> {
  if (resultIds.length === 0) return [];
  return db.select().from(actionPlans).where(inArray(actionPlans.screeningResultId, [...resultIds]));
}
