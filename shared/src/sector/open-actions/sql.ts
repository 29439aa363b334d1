import { sql, type SQL } from 'drizzle-orm';
import type { AnyDatabase } from '../../db/database.ts';
import type { Sector } from '../../auth/principal.ts';
import type { ReferralStatus, VisitationDecision } from '../../domain/referral/status.ts';

/**
 * The SQL the sectors share for their open actions (open-actions.ts in shared/src/domain/open-actions): the sources
 * every sector keeps in the same tables (its consents, its network meetings, and for the referrer sectors the joint
 * decision on the further course), as JSON sub-selects correlated with a child id. A sector's repository puts them,
 * with its own sources, in ONE statement over all the children of a request (or all the children an organisation
 * owns actions for), so the cost per request does not grow with children or rows. Keys are camelCase so the rows are
 * read as the rules' input types.
 */

type Db = AnyDatabase<Record<string, unknown>>;

const ident = (schema: string, table: string): SQL => sql.raw(`"${schema}"."${table}"`);

/** The custody holders' consents in force about the child (the only ones that can lapse at 18). */
export function custodyConsentsOf(schema: string, childId: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('id', c.id, 'givenBy', c.given_by, 'validUntil', c.valid_until, 'withdrawnAt', c.withdrawn_at,
    'recordedByOrganisation', c.recorded_by_organisation) order by c.id) from ${ident(schema, 'consents')} c
    where c.child_id = ${childId} and c.given_by = 'CUSTODY_HOLDER' and c.withdrawn_at is null), '[]'::json)`;
}

/** The network meetings this sector recorded about the child that still have an uncompleted action. */
export function openMeetingsOf(schema: string, childId: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('id', m.id, 'actions', m.actions) order by m.id) from ${ident(schema, 'network_meetings')} m
    where m.child_id = ${childId} and exists (select 1 from jsonb_array_elements(m.actions) a where a->>'completedAt' is null)), '[]'::json)`;
}

/**
 * The referrals this referrer sector holds about the child that are still open or await the joint decision after no
 * need for assessment, with the sectors that recorded their part of it.
 */
export function referrerReferralsOf(schema: string, childId: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('id', r.id, 'organisation', r.organisation, 'status', r.status, 'visitation', r.visitation,
    'partsRecordedBy', (select coalesce(json_agg(f.sector), '[]'::json) from ${ident(schema, 'referral_further_course')} f where f.referral_id = r.id)) order by r.id)
    from ${ident(schema, 'referrals')} r
    where r.child_id = ${childId} and (r.status <> 'CLOSED' or r.visitation->>'decision' = 'NO_ASSESSMENT_NEEDED')), '[]'::json)`;
}

/** Children with a custody holder's consent recorded by the organisation, born in the range (turning 18 soon). */
export function childrenWithLapsingConsents(schema: string, organisation: string, bornIn: SQL): SQL {
  return sql`select c.child_id from ${ident(schema, 'consents')} c where c.recorded_by_organisation = ${organisation}
    and c.given_by = 'CUSTODY_HOLDER' and c.withdrawn_at is null and ${bornIn}`;
}

/**
 * Children of meetings this sector recorded with an uncompleted action of the owner, past its due date. The
 * containment (`@>`, an action of this owner) is what the actions' GIN index answers; the per-action test then
 * checks that the same action is open and overdue.
 */
export function childrenWithOverdueMeetingActions(schema: string, owner: { sector: Sector; organisation: string }, today: string): SQL {
  const ofOwner = JSON.stringify([{ owner: { sector: owner.sector, organisation: owner.organisation } }]);
  return sql`select m.child_id from ${ident(schema, 'network_meetings')} m where m.actions @> ${ofOwner}::jsonb and exists (select 1 from jsonb_array_elements(m.actions) a
    where a->>'completedAt' is null and a->'owner'->>'sector' = ${owner.sector} and a->'owner'->>'organisation' = ${owner.organisation} and a->>'dueOn' < ${today})`;
}

/** Children of referrals the organisation holds whose visitation found no need for assessment. */
export function childrenAwaitingJointDecision(schema: string, organisation: string): SQL {
  return sql`select r.child_id from ${ident(schema, 'referrals')} r where r.organisation = ${organisation} and r.visitation->>'decision' = 'NO_ASSESSMENT_NEEDED'`;
}

/** `select <childId column>, <sources...> from (<ids>) ids(id)` for a literal list of child ids. */
export function childIdList(ids: readonly string[]): SQL {
  return sql`select distinct id from unnest(array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]) as t(id)`;
}

/** Runs one statement; postgres.js answers with the rows, PGlite with { rows }. */
export async function rowsOf<R>(db: Db, statement: SQL): Promise<R[]> {
  const result = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as R[];
}

/** A JSON column as the driver gave it: postgres.js parses json, PGlite too; a string is parsed (defensive). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A referral as `referrerReferralsOf` gives it. */
export interface ReferrerReferralSource {
  id: string;
  /** The organisation of this sector that holds it (municipality code or ydernummer). */
  organisation: string;
  status: ReferralStatus;
  visitation: { decision: VisitationDecision; reason: string | null; decidedAt: string } | null;
  partsRecordedBy: ('MUNICIPALITY' | 'GENERAL_PRACTICE')[];
}
