import type { AnyDatabase } from '@pathway-graph/shared';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type * as schema from './schema.ts';
import { children, practices } from './schema.ts';

export type GeneralPracticeDb = AnyDatabase<typeof schema>;

/** A child as resolvers see it here: the CPR number is left in the table, no field of the API needs it. */
export interface ChildRecord {
  id: string;
  /** For the access guard: who may consent to disclosing the child's data depends on the child's age. */
  birthDate: string;
  listedPractice: string | null;
  synthetic: boolean;
}

export async function findPracticesByYdernumre(db: GeneralPracticeDb, ydernumre: readonly string[]) {
  return db.select().from(practices).where(inArray(practices.ydernummer, [...ydernumre]));
}

export async function findPracticeByLocationNumber(db: GeneralPracticeDb, locationNumber: string) {
  const [row] = await db.select().from(practices).where(eq(practices.locationNumber, locationNumber));
  return row;
}

/**
 * One page of practices in provider-number order, optionally of one municipality; fetches `limit` rows (callers ask
 * for one extra).
 */
export async function listPractices(
  db: GeneralPracticeDb,
  municipalityCode: number | undefined,
  limit: number,
  afterYdernummer: string | undefined,
) {
  return db
    .select()
    .from(practices)
    .where(
      and(
        municipalityCode === undefined ? undefined : eq(practices.municipalityCode, municipalityCode),
        afterYdernummer === undefined ? undefined : gt(practices.ydernummer, afterYdernummer),
      ),
    )
    .orderBy(asc(practices.ydernummer))
    .limit(limit);
}

export async function findChildrenByIds(db: GeneralPracticeDb, ids: readonly string[]): Promise<ChildRecord[]> {
  return db
    .select({
      id: children.id,
      birthDate: children.birthDate,
      listedPractice: children.listedPractice,
      synthetic: children.synthetic,
    })
    .from(children)
    .where(inArray(children.id, [...ids]));
}

export type NewPractice = typeof practices.$inferInsert;
export type NewChild = typeof children.$inferInsert;

/**
 * Registers practices and then the children listed with them (both idempotent by key), in one transaction so a
 * child never arrives without its practice.
 */
export async function insertPracticesAndChildren(
  db: GeneralPracticeDb,
  newPractices: readonly NewPractice[],
  newChildren: readonly NewChild[],
) {
  await db.transaction(async (tx) => {
    if (newPractices.length > 0) await tx.insert(practices).values([...newPractices]).onConflictDoNothing();
    for (let i = 0; i < newChildren.length; i += 1000) {
      await tx.insert(children).values(newChildren.slice(i, i + 1000)).onConflictDoNothing();
    }
  });
}

export async function countPractices(db: GeneralPracticeDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(practices);
  return row?.n ?? 0;
}
