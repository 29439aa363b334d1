import type { Sector } from '@pathway-graph/shared';
import type { ConsentForActions, MedicationAgreementForActions, NetworkMeetingForActions } from '@pathway-graph/shared/domain/open-actions/index';
import {
  childIdList,
  childrenAwaitingJointDecision,
  childrenWithLapsingConsents,
  childrenWithOverdueMeetingActions,
  custodyConsentsOf,
  json,
  openMeetingsOf,
  referrerReferralsOf,
  rowsOf,
  type ReferrerReferralSource,
} from '@pathway-graph/shared/sector/open-actions/sql';
import { sql, type SQL } from 'drizzle-orm';
import type { GeneralPracticeDb } from './repository.ts';

const SCHEMA = 'general_practice';

/** What general practice's open-action rules read about one child (open-actions/service.ts). */
export interface GeneralPracticeOpenActionSources {
  childId: string;
  birthDate: string | null;
  referrals: ReferrerReferralSource[];
  /** BUA's medication proposals awaiting the practice's answer (the GP's own proposals are BUA's to report). */
  medicationAgreements: MedicationAgreementForActions[];
  meetings: NetworkMeetingForActions[];
  consents: ConsentForActions[];
}

interface Row {
  child_id: string;
  birth_date: string | null;
  referrals: unknown;
  agreements: unknown;
  meetings: unknown;
  consents: unknown;
}

/** Every source of the children `ids` selects, one row per child, in one statement. */
function sourcesOf(ids: SQL): SQL {
  const child = sql`ids.id`;
  return sql`select ids.id as child_id,
    (select ch.birth_date::text from "general_practice"."children" ch where ch.id = ids.id) as birth_date,
    ${referrerReferralsOf(SCHEMA, child)} as referrals,
    coalesce((select json_agg(json_build_object('id', a.id, 'status', a.status, 'proposedBy', a.proposed_by, 'proposedAt', a.proposed_at,
      'prescribesFrom', a.prescribes_from, 'ydernummer', a.ydernummer) order by a.id)
      from "general_practice"."medication_agreements" a where a.child_id = ids.id and a.status = 'PROPOSED' and a.proposed_by = 'BUA'), '[]'::json) as agreements,
    ${openMeetingsOf(SCHEMA, child)} as meetings,
    ${custodyConsentsOf(SCHEMA, child)} as consents
  from (${ids}) ids order by ids.id`;
}

const read = (r: Row): GeneralPracticeOpenActionSources => ({
  childId: r.child_id,
  birthDate: r.birth_date,
  referrals: json(r.referrals),
  medicationAgreements: json(r.agreements),
  meetings: json(r.meetings),
  consents: json(r.consents),
});

export async function findOpenActionSourcesByChildIds(db: GeneralPracticeDb, childIds: readonly string[]): Promise<GeneralPracticeOpenActionSources[]> {
  if (childIds.length === 0) return [];
  return (await rowsOf<Row>(db, sourcesOf(childIdList(childIds)))).map(read);
}

/**
 * The sources of every child for whom the owner may own an open action here, in one statement: the children of its
 * referrals awaiting the joint decision, of BUA's medication proposals awaiting its answer, of meetings with an overdue action of its, of its custody consents of
 * children turning 18 soon. The rules then decide which actions are the owner's.
 */
export async function findOpenActionSourcesOwnedBy(
  db: GeneralPracticeDb,
  f: { owner: { sector: Sector; organisation: string }; today: string; bornIn: { after: string; onOrBefore: string } },
): Promise<GeneralPracticeOpenActionSources[]> {
  const candidates: SQL[] = [childrenWithOverdueMeetingActions(SCHEMA, f.owner, f.today)];
  if (f.owner.sector === 'GENERAL_PRACTICE') {
    candidates.push(
      childrenAwaitingJointDecision(SCHEMA, f.owner.organisation),
      sql`select a.child_id from "general_practice"."medication_agreements" a where a.status = 'PROPOSED' and a.proposed_by = 'BUA' and a.ydernummer = ${f.owner.organisation}`,
      childrenWithLapsingConsents(
        SCHEMA,
        f.owner.organisation,
        sql`exists (select 1 from "general_practice"."children" ch where ch.id = c.child_id and ch.birth_date > ${f.bornIn.after} and ch.birth_date <= ${f.bornIn.onOrBefore})`,
      ),
    );
  }
  const ids = sql`select distinct child_id as id from (${sql.join(candidates, sql` union `)}) candidates`;
  return (await rowsOf<Row>(db, sourcesOf(ids))).map(read);
}
