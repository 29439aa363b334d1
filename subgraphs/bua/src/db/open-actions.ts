import type { ConsentRecord, Sector } from '@pathway-graph/shared';
import type { ConsentForActions, MedicationAgreementForActions, NetworkMeetingForActions } from '@pathway-graph/shared/domain/open-actions/index';
import type { OutcomeRecipient, ReferralStatus, VisitationDecision } from '@pathway-graph/shared/domain/referral/index';
import {
  childIdList,
  childrenWithLapsingConsents,
  childrenWithOverdueMeetingActions,
  custodyConsentsOf,
  json,
  openMeetingsOf,
  rowsOf,
} from '@pathway-graph/shared/sector/open-actions/sql';
import { sql, type SQL } from 'drizzle-orm';
import type { BuaDb } from './repository.ts';

const SCHEMA = 'bua';

/** An open referral (not closed) as the rules read it. */
export interface BuaReferralSource {
  id: string;
  status: ReferralStatus;
  receivedAt: string;
  history: { status: ReferralStatus; at: string }[];
  visitationDecision: VisitationDecision | null;
  communicated: Partial<Record<OutcomeRecipient, string>>;
  outcomeConcludedAt: string | null;
  municipalityCode: number;
  ydernummer: string;
  /** The consents the referral carries (who may be told of it, rules/consent.ts). */
  consents: { givenBy: 'YOUNG_PERSON' | 'CUSTODY_HOLDER'; givenOn: string }[];
}

/** What BUA's open-action rules read about one child (open-actions/service.ts). */
export interface BuaOpenActionSources {
  childId: string;
  /** From the child's latest referral; null when BUA holds none. */
  birthDate: string | null;
  referrals: BuaReferralSource[];
  /** The GP's proposals awaiting BUA's answer (BUA's own proposals are the GP's to report: its copy decides). */
  medicationAgreements: MedicationAgreementForActions[];
  meetings: NetworkMeetingForActions[];
  consents: ConsentForActions[];
  /** The consents BUA holds about the child, not withdrawn: with the referrals' own, who BUA may tell of them. */
  heldConsents: ConsentRecord[];
  hasTransitionPlan: boolean;
}

interface Row {
  child_id: string;
  birth_date: string | null;
  referrals: unknown;
  agreements: unknown;
  meetings: unknown;
  consents: unknown;
  held_consents: unknown;
  has_plan: boolean;
}

/** Every source of the children `ids` selects, one row per child, in one statement. */
function sourcesOf(ids: SQL): SQL {
  const child = sql`ids.id`;
  return sql`select ids.id as child_id,
    (select r.birth_date::text from "bua"."referrals" r where r.child_id = ids.id order by r.received_at desc limit 1) as birth_date,
    coalesce((select json_agg(json_build_object('id', r.id, 'status', r.status, 'receivedAt', r.received_at, 'history', r.history,
      'visitationDecision', r.visitation_decision, 'communicated', r.communicated, 'outcomeConcludedAt', r.outcome->>'concludedAt',
      'municipalityCode', r.municipality_code, 'ydernummer', r.ydernummer, 'consents', r.consents) order by r.received_at, r.id)
      from "bua"."referrals" r where r.child_id = ids.id and r.status <> 'CLOSED'), '[]'::json) as referrals,
    coalesce((select json_agg(json_build_object('id', a.id, 'status', a.status, 'proposedBy', a.proposed_by, 'proposedAt', a.proposed_at,
      'prescribesFrom', a.prescribes_from, 'ydernummer', a.ydernummer) order by a.id)
      from "bua"."medication_agreements" a where a.child_id = ids.id and a.status = 'PROPOSED' and a.proposed_by = 'GENERAL_PRACTICE'), '[]'::json) as agreements,
    ${openMeetingsOf(SCHEMA, child)} as meetings,
    ${custodyConsentsOf(SCHEMA, child)} as consents,
    coalesce((select json_agg(json_build_object('givenBy', c.given_by, 'givenOn', c.given_on, 'recipientSector', c.recipient_sector,
      'recipientOrganisation', c.recipient_organisation, 'purposes', c.purposes, 'validFrom', c.valid_from, 'validUntil', c.valid_until,
      'withdrawnAt', c.withdrawn_at) order by c.id) from "bua"."consents" c where c.child_id = ids.id and c.withdrawn_at is null), '[]'::json) as held_consents,
    exists (select 1 from "bua"."transition_plans" p where p.child_id = ids.id) as has_plan
  from (${ids}) ids order by ids.id`;
}

const read = (r: Row): BuaOpenActionSources => ({
  childId: r.child_id,
  birthDate: r.birth_date,
  referrals: json(r.referrals),
  medicationAgreements: json(r.agreements),
  meetings: json(r.meetings),
  consents: json(r.consents),
  heldConsents: json(r.held_consents),
  hasTransitionPlan: Boolean(r.has_plan),
});

export async function findOpenActionSourcesByChildIds(db: BuaDb, childIds: readonly string[]): Promise<BuaOpenActionSources[]> {
  if (childIds.length === 0) return [];
  return (await rowsOf<Row>(db, sourcesOf(childIdList(childIds)))).map(read);
}

export interface OwnedFilter {
  owner: { sector: Sector; organisation: string };
  today: string;
  /** Birth dates turning 18 within the transition window (a plan may be missing): born after, on or before. */
  transitionBornIn: { after: string; onOrBefore: string };
  /** Birth dates of the children whose custody consents lapse within the notice period. */
  consentBornIn: { after: string; onOrBefore: string };
  referralStatus?: ReferralStatus | null;
}

/**
 * The sources of every child for whom the owner may own an open action here, in one statement. For BUA itself: the
 * children of referrals awaiting visitation or the outcome's communication, of the GP's proposals awaiting BUA's
 * answer, of open referrals of young people turning 18 soon, of its custody consents lapsing soon. For a municipality:
 * open referrals of its young people turning 18 soon (the plan is the municipality's when BUA holds no treatment
 * responsibility). For everyone: meetings with an overdue action of theirs. With a referral status, only children with a referral in that status. The rules then decide.
 */
export async function findOpenActionSourcesOwnedBy(db: BuaDb, f: OwnedFilter, buaOrganisation: string): Promise<BuaOpenActionSources[]> {
  const { owner } = f;
  const turning18 = sql`r.birth_date > ${f.transitionBornIn.after} and r.birth_date <= ${f.transitionBornIn.onOrBefore}`;
  const candidates: SQL[] = [childrenWithOverdueMeetingActions(SCHEMA, owner, f.today)];
  if (owner.sector === 'BUA' && owner.organisation === buaOrganisation) {
    candidates.push(
      sql`select r.child_id from "bua"."referrals" r where r.status in ('SENT', 'RECEIVED', 'ASSESSED') or (r.status <> 'CLOSED' and ${turning18})`,
      sql`select a.child_id from "bua"."medication_agreements" a where a.status = 'PROPOSED' and a.proposed_by = 'GENERAL_PRACTICE'`,
      childrenWithLapsingConsents(
        SCHEMA,
        owner.organisation,
        sql`exists (select 1 from "bua"."referrals" r where r.child_id = c.child_id and r.birth_date > ${f.consentBornIn.after} and r.birth_date <= ${f.consentBornIn.onOrBefore})`,
      ),
    );
  } else if (owner.sector === 'MUNICIPALITY' && /^\d+$/.test(owner.organisation)) {
    candidates.push(sql`select r.child_id from "bua"."referrals" r where r.status <> 'CLOSED' and r.municipality_code = ${Number(owner.organisation)} and ${turning18}`);
  }
  const byStatus = f.referralStatus
    ? sql`where exists (select 1 from "bua"."referrals" s where s.child_id = candidates.child_id and s.status = ${f.referralStatus})`
    : sql``;
  const ids = sql`select distinct child_id as id from (${sql.join(candidates, sql` union `)}) candidates ${byStatus}`;
  return (await rowsOf<Row>(db, sourcesOf(ids))).map(read);
}
