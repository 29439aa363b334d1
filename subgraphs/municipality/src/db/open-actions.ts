import type { Sector } from '@pathway-graph/shared';
import type { ConsentForActions, LetterForActions, NetworkMeetingForActions } from '@pathway-graph/shared/domain/open-actions/index';
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
import type { MunicipalityDb } from './repository.ts';

const SCHEMA = 'municipality';

/** A received letter not yet answered, with its triage (what the worklist filters by). */
export interface LetterSource extends LetterForActions {
  department: 'CHILDREN_AND_YOUTH' | 'HEALTH_AND_ELDERLY';
  assigneeSubject: string | null;
}

/** What the municipality's open-action rules read about one child (open-actions/service.ts). */
export interface MunicipalityOpenActionSources {
  childId: string;
  birthDate: string | null;
  /** An open case in the residence municipality: the municipality's pathway with the child is active. */
  openCase: boolean;
  /** That case (the record a missing transition plan is about), and the municipality's code. */
  openCaseId: string | null;
  municipalityCode: number | null;
  /** Whether a transition plan is on record here (made here, or by BUA and sent here). */
  hasTransitionPlan: boolean;
  letters: LetterSource[];
  referrals: ReferrerReferralSource[];
  meetings: NetworkMeetingForActions[];
  consents: ConsentForActions[];
}

interface Row {
  child_id: string;
  birth_date: string | null;
  open_case: boolean;
  open_case_id: string | null;
  municipality_code: number | null;
  has_plan: boolean;
  letters: unknown;
  referrals: unknown;
  meetings: unknown;
  consents: unknown;
}

/**
 * Every source of the children `ids` selects, one row per child, in one statement. The child's own row is joined once
 * (its id is the key) rather than looked up by each sub-select that needs it: at region scale a worklist has
 * thousands of children, and each look-up is paid per child.
 */
function sourcesOf(ids: SQL): SQL {
  const child = sql`ids.id`;
  const openCases = sql`from "municipality"."municipal_cases" mc where mc.child_id = ids.id and mc.municipality_code = ch.residence_municipality_code and mc.closed_on is null`;
  return sql`select ids.id as child_id,
    ch.birth_date::text as birth_date,
    exists (select 1 ${openCases}) as open_case,
    (select mc.id::text ${openCases} order by mc.opened_on, mc.id limit 1) as open_case_id,
    ch.residence_municipality_code as municipality_code,
    exists (select 1 from "municipality"."transition_plans" p where p.child_id = ids.id) as has_plan,
    coalesce((select json_agg(json_build_object('id', l.id, 'municipalityCode', l.municipality_code, 'status', l.status, 'replyDueOn', l.reply_due_on,
      'department', l.department, 'assigneeSubject', l.assignee_subject) order by l.id)
      from "municipality"."received_letters" l where l.child_id = ids.id and l.status <> 'ANSWERED'), '[]'::json) as letters,
    ${referrerReferralsOf(SCHEMA, child)} as referrals,
    ${openMeetingsOf(SCHEMA, child)} as meetings,
    ${custodyConsentsOf(SCHEMA, child)} as consents
  from (${ids}) ids left join "municipality"."children" ch on ch.id = ids.id order by ids.id`;
}

const read = (r: Row): MunicipalityOpenActionSources => ({
  childId: r.child_id,
  birthDate: r.birth_date,
  openCase: Boolean(r.open_case),
  openCaseId: r.open_case_id,
  municipalityCode: r.municipality_code === null ? null : Number(r.municipality_code),
  hasTransitionPlan: Boolean(r.has_plan),
  letters: json(r.letters),
  referrals: json(r.referrals),
  meetings: json(r.meetings),
  consents: json(r.consents),
});

export async function findOpenActionSourcesByChildIds(db: MunicipalityDb, childIds: readonly string[]): Promise<MunicipalityOpenActionSources[]> {
  if (childIds.length === 0) return [];
  return (await rowsOf<Row>(db, sourcesOf(childIdList(childIds)))).map(read);
}

export interface OwnedFilter {
  owner: { sector: Sector; organisation: string };
  today: string;
  /** The birth dates of the children turning 18 within the consent-lapse notice period: born after, on or before. */
  bornIn: { after: string; onOrBefore: string };
  /** The birth dates of the children turning 18 within the transition window (a plan may be missing). */
  transitionBornIn: { after: string; onOrBefore: string };
  department?: LetterSource['department'] | null;
  assignee?: string | null;
}

/**
 * The sources of every child for whom the owner may own an open action here, in one statement: the children of its
 * overdue letters (only those, when filtered by department or assignee), of its referrals awaiting the joint
 * decision, of its open cases of young people turning 18 soon, of meetings with an overdue action of its, of its custody consents of children turning 18 soon. The rules
 * then decide which actions are the owner's.
 */
export async function findOpenActionSourcesOwnedBy(db: MunicipalityDb, f: OwnedFilter): Promise<MunicipalityOpenActionSources[]> {
  const { owner, today } = f;
  const candidates: SQL[] = [childrenWithOverdueMeetingActions(SCHEMA, owner, today)];
  const filtered = Boolean(f.department || f.assignee);
  if (owner.sector === 'MUNICIPALITY' && /^\d+$/.test(owner.organisation)) {
    const letters = sql`select l.child_id from "municipality"."received_letters" l where l.municipality_code = ${Number(owner.organisation)}
      and l.status <> 'ANSWERED' and l.reply_due_on < ${today}
      ${f.department ? sql`and l.department = ${f.department}` : sql``} ${f.assignee ? sql`and l.assignee_subject = ${f.assignee}` : sql``}`;
    if (filtered) candidates.splice(0, candidates.length, letters);
    else {
      candidates.push(
        letters,
        childrenAwaitingJointDecision(SCHEMA, owner.organisation),
        sql`select ch.id as child_id from "municipality"."children" ch join "municipality"."municipal_cases" mc on mc.child_id = ch.id
          and mc.municipality_code = ch.residence_municipality_code and mc.closed_on is null
          where ch.residence_municipality_code = ${Number(owner.organisation)} and ch.birth_date > ${f.transitionBornIn.after} and ch.birth_date <= ${f.transitionBornIn.onOrBefore}`,
        childrenWithLapsingConsents(
          SCHEMA,
          owner.organisation,
          sql`exists (select 1 from "municipality"."children" ch where ch.id = c.child_id and ch.birth_date > ${f.bornIn.after} and ch.birth_date <= ${f.bornIn.onOrBefore})`,
        ),
      );
    }
  } else if (filtered) {
    return [];
  }
  const ids = sql`select distinct child_id as id from (${sql.join(candidates, sql` union `)}) candidates`;
  return (await rowsOf<Row>(db, sourcesOf(ids))).map(read);
}
