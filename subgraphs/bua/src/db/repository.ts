import { parseCpr, type AnyDatabase } from '@pathway-graph/shared';
import { inArray, sql } from 'drizzle-orm';
import type * as schema from './schema.ts';
import { children } from './schema.ts';

export type BuaDb = AnyDatabase<typeof schema>;

/** A BUA patient as the graph sees it: without the CPR number, which never leaves this subgraph's tables. */
export interface ChildRecord {
  id: string;
  registeredOn: string;
  synthetic: boolean;
  /**
   * Derived from the CPR number, for the access guard only (who may consent depends on the child's age); not a field
   * of the API. Null if the stored number is not a valid CPR number.
   */
  birthDate: string | null;
}

export async function findChildrenByIds(db: BuaDb, ids: readonly string[]): Promise<ChildRecord[]> {
  const rows = await db
    .select({ id: children.id, cpr: children.cpr, registeredOn: children.registeredOn, synthetic: children.synthetic })
    .from(children)
    .where(inArray(children.id, [...ids]));
  // The CPR number is read only to derive the birth date, and dropped here.
  return rows.map(({ cpr, ...row }) => ({ ...row, birthDate: birthDateOf(cpr) }));
}

function birthDateOf(cpr: string): string | null {
  try {
    return parseCpr(cpr).birthDate;
  } catch {
    return null;
  }
}

export interface NewChild {
  id: string;
  cpr: string;
  registeredOn: string;
  synthetic: boolean;
}

/** Registers patients, idempotent by pseudonym, in one transaction. */
export async function insertChildren(db: BuaDb, rows: readonly NewChild[]) {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(children)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing();
    }
  });
}

export async function countChildren(db: BuaDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(children);
  return row?.n ?? 0;
}
