import type { Sector } from '@pathway-graph/shared';
import type { ConsentForActions } from '@pathway-graph/shared/domain/open-actions/index';
import { and, asc, eq, exists, gt, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { ScreeningDb } from './repository.ts';
import { children, consents, screeningResults, trackMemberships, type ScreeningResultRow } from './schema.ts';

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

/** A custody holder's consent as consentLapsesAt18 reads it, with the sector of the organisation that keeps it. */
export interface KeptCustodyConsent extends ConsentForActions {
  childId: string;
  recordedBySector: Sector;
}

const custodyConsentsInForce = and(
  eq(consents.givenBy, 'CUSTODY_HOLDER'),
  isNull(consents.withdrawnAt),
  // Consents recorded before screening kept the sector have no keeper to name (migration 0006).
  isNotNull(consents.recordedBySector),
);

/** The custody holders' consents in force, with a keeper, of a batch of children (the only ones that lapse at 18). */
export async function findCustodyConsentsByChildIds(db: ScreeningDb, childIds: readonly string[]): Promise<KeptCustodyConsent[]> {
  if (childIds.length === 0) return [];
  const rows = await db
    .select({
      id: consents.id,
      childId: consents.childId,
      givenBy: consents.givenBy,
      validUntil: consents.validUntil,
      withdrawnAt: consents.withdrawnAt,
      recordedByOrganisation: consents.recordedByOrganisation,
      recordedBySector: consents.recordedBySector,
    })
    .from(consents)
    .where(and(custodyConsentsInForce, inArray(consents.childId, [...childIds])))
    .orderBy(asc(consents.childId), asc(consents.id));
  return rows.map((r) => ({ ...r, recordedBySector: r.recordedBySector! }));
}

/**
 * The children with a custody holder's consent the owner keeps, born in the range (turning 18 within the notice
 * period), in a track today: the candidates for the owner's CONSENT_LAPSES_AT_18 actions, in one statement.
 */
export async function findChildrenWithLapsingConsents(
  db: ScreeningDb,
  owner: { sector: string; organisation: string },
  bornIn: { after: string; onOrBefore: string },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ childId: consents.childId })
    .from(consents)
    .innerJoin(children, eq(children.id, consents.childId))
    .where(
      and(
        custodyConsentsInForce,
        eq(consents.recordedBySector, owner.sector as Sector),
        eq(consents.recordedByOrganisation, owner.organisation),
        gt(children.birthDate, bornIn.after),
        lte(children.birthDate, bornIn.onOrBefore),
        exists(db.select({ one: sql`1` }).from(trackMemberships).where(and(eq(trackMemberships.childId, consents.childId), isNull(trackMemberships.endedOn)))),
      ),
    )
    .orderBy(asc(consents.childId));
  return rows.map((r) => r.childId);
}
