import type { AnyDatabase } from '@pathway-graph/shared';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type * as schema from './schema.ts';
import { children, municipalCases, municipalities } from './schema.ts';

export type MunicipalityDb = AnyDatabase<typeof schema>;

/** A child as this subgraph knows it, with whether a case is open in the residence municipality. */
export interface ChildRecord {
  id: string;
  birthDate: string;
  residenceMunicipalityCode: number;
  synthetic: boolean;
  knownToMunicipality: boolean;
}

/** The (child, municipality) pairs with an open case: joined to children, it tells who is known where. */
function openCasesOf(db: MunicipalityDb) {
  return db
    .selectDistinct({ childId: municipalCases.childId, municipalityCode: municipalCases.municipalityCode })
    .from(municipalCases)
    .where(isNull(municipalCases.closedOn))
    .as('open_cases');
}

/**
 * Whether the child has an open case in its residence municipality, as a column of each row: one statement answers
 * "is the child known?" for a whole batch. A scalar subquery with LIMIT 1 is probed per row through the partial index
 * `municipal_cases_open_idx`; the former join to the distinct open cases (and an EXISTS, which the planner turns into
 * a hashed subplan) read every open case of the region per request (a sequential scan of 23,000 rows at region scale).
 */
// Written out with explicit qualifiers (as in letters.ts): in a select list drizzle renders columns unqualified, and
// `"id"` inside the subquery would be the case's own id.
const knownToMunicipality = sql<boolean>`coalesce((select true from "municipality"."municipal_cases" open_case where open_case.child_id = "municipality"."children"."id" and open_case.municipality_code = "municipality"."children"."residence_municipality_code" and open_case.closed_on is null limit 1), false)`;

function selectChildren(db: MunicipalityDb) {
  return db
    .select({
      id: children.id,
      birthDate: children.birthDate,
      residenceMunicipalityCode: children.residenceMunicipalityCode,
      synthetic: children.synthetic,
      knownToMunicipality,
    })
    .from(children)
    .$dynamic();
}

export async function findMunicipalitiesByCodes(db: MunicipalityDb, codes: readonly number[]) {
  return db.select().from(municipalities).where(inArray(municipalities.code, [...codes]));
}

export async function listMunicipalities(db: MunicipalityDb) {
  return db.select().from(municipalities).orderBy(asc(municipalities.code));
}

export async function findMunicipalityByLocationNumber(db: MunicipalityDb, locationNumber: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.inboxLocationNumber, locationNumber));
  return row;
}

export async function findChildrenByIds(db: MunicipalityDb, ids: readonly string[]): Promise<ChildRecord[]> {
  const rows = await selectChildren(db).where(inArray(children.id, [...ids]));
  return rows;
}

/** One page of a municipality's children in pseudonym order; fetches `limit` rows (callers ask for one extra). */
export async function listChildrenOfMunicipality(
  db: MunicipalityDb,
  municipalityCode: number,
  limit: number,
  afterId: string | undefined,
): Promise<ChildRecord[]> {
  const rows = await selectChildren(db)
    .where(
      and(
        eq(children.residenceMunicipalityCode, municipalityCode),
        afterId === undefined ? undefined : gt(children.id, afterId),
      ),
    )
    .orderBy(asc(children.id))
    .limit(limit);
  return rows;
}

/** Inserts missing municipalities; existing rows keep their local settings (inbox name, department). */
export async function ensureMunicipalities(db: MunicipalityDb, rows: readonly (typeof municipalities.$inferInsert)[]) {
  await db.insert(municipalities).values([...rows]).onConflictDoNothing();
}

export interface NewChild {
  id: string;
  cpr: string;
  birthDate: string;
  residenceMunicipalityCode: number;
  synthetic: boolean;
  openCaseSince: string | null;
}

/** Registers children (idempotent by pseudonym) and opens a case for those given `openCaseSince`, in one transaction. */
export async function insertChildren(db: MunicipalityDb, rows: readonly NewChild[]) {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await tx
        .insert(children)
        .values(chunk.map(({ openCaseSince: _ignored, ...child }) => child))
        .onConflictDoNothing();
      const cases = chunk.filter((c) => c.openCaseSince !== null);
      if (cases.length > 0) {
        await tx.insert(municipalCases).values(
          cases.map((c) => ({
            childId: c.id,
            municipalityCode: c.residenceMunicipalityCode,
            openedOn: c.openCaseSince!,
            synthetic: c.synthetic,
          })),
        );
      }
    }
  });
}

export async function countChildren(db: MunicipalityDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(children);
  return row?.n ?? 0;
}

/** Used by tests and the readiness of the seed: whether a case is open. */
export async function openCaseCount(db: MunicipalityDb, childId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(municipalCases)
    .where(and(eq(municipalCases.childId, childId), isNull(municipalCases.closedOn)));
  return row?.n ?? 0;
}

/** Aggregate counts per municipality, in one statement: registered children, and those with an open case there. */
export async function childCountsByMunicipality(
  db: MunicipalityDb,
  codes: readonly number[],
): Promise<{ municipalityCode: number; registered: number; withOpenCase: number }[]> {
  const openCases = openCasesOf(db);
  return db
    .select({
      municipalityCode: children.residenceMunicipalityCode,
      registered: sql<number>`count(*)::int`,
      withOpenCase: sql<number>`count(${openCases.childId})::int`,
    })
    .from(children)
    .leftJoin(
      openCases,
      and(eq(openCases.childId, children.id), eq(openCases.municipalityCode, children.residenceMunicipalityCode)),
    )
    .where(inArray(children.residenceMunicipalityCode, [...codes]))
    .groupBy(children.residenceMunicipalityCode);
}
