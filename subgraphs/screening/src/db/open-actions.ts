import { and, asc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';
import { screeningResults, type ScreeningResultRow } from './schema.ts';

/**
 * A positive result is covered by an action plan made for it or for a later result of the same membership (a plan
 * at follow-up supersedes the earlier ones). An open action is the earliest uncovered positive result of an active
 * membership: one per child and track, due `actionPlanDueDays` after that screening, and the responsibility of the
 * organisation that recorded it. Written out in SQL with explicit aliases: the conditions correlate the table with
 * itself, which drizzle's unqualified column names cannot say.
 */
const covered = (alias: string) =>
  `exists (select 1 from "screening"."action_plans" p join "screening"."screening_results" pr on pr.id = p.screening_result_id ` +
  `where p.membership_id = ${alias}.membership_id and (pr.screening_date, pr.id) >= (${alias}.screening_date, ${alias}.id))`;

const OPEN = sql.raw(
  `"screening_results"."positive" ` +
    `and exists (select 1 from "screening"."track_memberships" m where m.id = "screening_results"."membership_id" and m.ended_on is null) ` +
    `and not ${covered('"screening_results"')} ` +
    `and not exists (select 1 from "screening"."screening_results" r2 where r2.membership_id = "screening_results"."membership_id" and r2.positive ` +
    `and (r2.screening_date, r2.id) < ("screening_results"."screening_date", "screening_results"."id") and not ${covered('r2')})`,
);

export interface OpenActionFilter {
  sector: string;
  organisation: string;
  /** Only actions whose screening lies before this day (due date passed). */
  screenedBefore?: string | null;
}

/** One page of an organisation's open actions, oldest first; fetches `limit` rows (callers ask for one extra). */
export async function listOpenActions(db: ScreeningDb, f: OpenActionFilter, limit: number, afterId: string | undefined): Promise<ScreeningResultRow[]> {
  const conditions: (SQL | undefined)[] = [
    OPEN,
    eq(screeningResults.recordedBySector, f.sector as ScreeningResultRow['recordedBySector']),
    eq(screeningResults.recordedByOrganisation, f.organisation),
    f.screenedBefore ? lt(screeningResults.screeningDate, f.screenedBefore) : undefined,
    afterId === undefined ? undefined : gt(screeningResults.id, afterId),
  ];
  return db
    .select()
    .from(screeningResults)
    .where(and(...conditions))
    .orderBy(asc(screeningResults.id))
    .limit(limit);
}

/** The open actions of a batch of children (at most one per child and track). */
export async function findOpenActionsByChildIds(db: ScreeningDb, childIds: readonly string[]): Promise<ScreeningResultRow[]> {
  if (childIds.length === 0) return [];
  return db
    .select()
    .from(screeningResults)
    .where(and(OPEN, inArray(screeningResults.childId, [...childIds])))
    .orderBy(asc(screeningResults.childId), asc(screeningResults.track));
}

/**
 * The worklist keys of the organisation in one row per child: its earliest open screening (the earliest due, as every
 * action is due the same number of days after its screening), in child order. The rows are bounded by the children,
 * not by their screenings.
 */
export async function findEarliestOpenScreeningsOwnedBy(db: ScreeningDb, owner: { sector: string; organisation: string }): Promise<{ childId: string; screeningDate: string }[]> {
  return db
    .select({ childId: screeningResults.childId, screeningDate: sql<string>`min(${screeningResults.screeningDate})::text` })
    .from(screeningResults)
    .where(
      and(
        OPEN,
        eq(screeningResults.recordedBySector, owner.sector as ScreeningResultRow['recordedBySector']),
        eq(screeningResults.recordedByOrganisation, owner.organisation),
      ),
    )
    .groupBy(screeningResults.childId)
    .orderBy(asc(screeningResults.childId));
}
