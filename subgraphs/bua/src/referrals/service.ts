import {
  appendAccessLog,
  assertUuid,
  badUserInput,
  decodeCursor,
  findConsentsByChildIds,
  forbidden,
  hasClinicalRole,
  hasErrorCode,
  notFound,
  pageSize,
  toConnection,
  toConsentRecord,
  type Connection,
  type GuardedChild,
} from '@pathway-graph/shared';
import { assertNotInFuture, parseInstant } from '@pathway-graph/shared/domain/input';
import { nextReferralStatus, REFERRAL_STATUSES, type ReferralEvent, type ReferralState, type ReferralStatus } from '@pathway-graph/shared/domain/referral/index';
import type { Context } from '../context.ts';
import { findReferralForUpdate, listWorklist, updateReferral, type WorklistCursor } from '../db/referrals.ts';
import { accessLog, consents, type ReferralRow } from '../db/schema.ts';
import {
  outcomeRecipientsToSend,
  referralConsentRecords,
  statusDisclosure,
  validateAssessmentOutcome,
  validateParentCommunication,
  validateVisitation,
  type AssessmentOutcomeInput,
  type ParentCommunicationInput,
  type StatusDisclosure,
  type VisitationInput,
} from './rules/index.ts';
import { outbox, statusMessage } from './messaging.ts';
import { buaReferralModel, stateOf, type BuaReferralModel } from './model.ts';
import type { DiagnosisWarning } from '@pathway-graph/shared/domain/icd10/index';

/** The part of BUA's access log referrals are read and changed under. */
export const BUA_REFERRAL_PART = 'buaReferrals';
const WHAT = 'the referrals BUA received and their course (visitation, assessment, outcome)';
const sectorTables = { consents, accessLog };

/** A BUA referral belongs to the department (one organisation); other sectors need BUA's consent to see it. */
export const referralGuard = (row: ReferralRow): GuardedChild => ({ id: row.childId, known: true, birthDate: row.birthDate, ownerOrganisation: null });

/** Visitation, assessment and outcome are clinical records: BUA's clinicians record them, nobody else. */
function assertBuaClinician(ctx: Context, doing: string): void {
  const { principal } = ctx.access;
  if (principal.sector !== 'BUA' || !hasClinicalRole(principal)) {
    throw forbidden(`Only BUA's clinicians can ${doing}; ask the department if the referral needs it.`, { rule: 'BUA_CLINICIAN_ONLY' });
  }
}

/**
 * Reads one referral through the guard: BUA's own consents, and the consents the referral carries (which let the
 * parties it names, the child's municipality and practice, follow its course while they hold; a custody holder's
 * lapses at 18).
 */
const readReferral = (ctx: Context, row: ReferralRow) =>
  ctx.access.read(referralGuard(row), BUA_REFERRAL_PART, WHAT, { recordConsents: referralConsentRecords(row) });

/** Whom BUA may tell of the referral now, on the consents of the request's view (loaded once for every child). */
async function disclosureOf(ctx: Context, row: ReferralRow): Promise<StatusDisclosure> {
  const held = (await ctx.access.consentRows(row.childId)).map(toConsentRecord);
  return statusDisclosure(row, held, { today: ctx.access.today, now: ctx.access.now });
}

/**
 * The referral as this reader sees it. Whom BUA may not tell, and why, is BUA's own to know: another sector reading the
 * referral by consent is not told about the consents of the other sector around the child.
 */
async function modelOf(ctx: Context, row: ReferralRow): Promise<BuaReferralModel> {
  const model = buaReferralModel(row, ctx.access.now, (await disclosureOf(ctx, row)).notTold);
  return ctx.access.isOwnerSector ? model : { ...model, partiesNotTold: [] };
}

async function show(ctx: Context, row: ReferralRow): Promise<BuaReferralModel> {
  await readReferral(ctx, row);
  return modelOf(ctx, row);
}

async function load(ctx: Context, id: string): Promise<ReferralRow> {
  assertUuid(id, 'referralId', 'referralId must be the id of a referral (a UUID) as the API returned it.');
  const row = await ctx.loaders.referral.load(id.toLowerCase());
  if (!row) throw notFound('BUA holds no referral with this id.', { field: 'referralId' });
  return row;
}

export async function referral(ctx: Context, id: string): Promise<BuaReferralModel> {
  return show(ctx, await load(ctx, id));
}

/**
 * A child's referrals at BUA, oldest first. A reader BUA's own consents let see the child's referrals sees them all;
 * another sees those whose own consents name its organisation, and is refused as before when there are none (the
 * refusal reads the same whether or not BUA holds referrals for the child).
 */
export async function referralsOfChild(ctx: Context, child: GuardedChild): Promise<BuaReferralModel[]> {
  const rows = await ctx.loaders.referralsOfChild.load(child.id);
  try {
    await ctx.access.read(child, BUA_REFERRAL_PART, WHAT);
    return Promise.all(rows.map((row) => modelOf(ctx, row)));
  } catch (refusal) {
    if (!hasErrorCode(refusal, 'CONSENT_REQUIRED')) throw refusal;
    const shown = await Promise.all(rows.map((row) => readReferral(ctx, row).then(() => row, () => null)));
    const visible = shown.filter((row) => row !== null);
    if (visible.length === 0) throw refusal;
    return Promise.all(visible.map((row) => modelOf(ctx, row)));
  }
}

const DAY_MS = 86_400_000;
const MAX_AGE_DAYS = 3_650;

function ageBound(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_AGE_DAYS) {
    throw badUserInput(`${field} must be a whole number of days from 0 to ${MAX_AGE_DAYS}.`, { field });
  }
  return value;
}

function worklistCursor(after: string | null | undefined): WorklistCursor | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  const [acute, receivedAt, id] = key.split('|');
  if ((acute !== 'A' && acute !== 'N') || !receivedAt || Number.isNaN(Date.parse(receivedAt)) || !id) {
    throw badUserInput('after is not a cursor of this worklist; pass pageInfo.endCursor of the previous page.', { field: 'after' });
  }
  return { acute: acute === 'A', receivedAt, id: assertUuid(id, 'after', 'after is not a cursor of this worklist.') };
}

/**
 * BUA's referral worklist (Trin 3): acute referrals first, then the oldest received; by status (default: every one
 * not closed) and by age in days. BUA's own staff only: the list shows many children at once, which no consent for one
 * child covers. Every referral on the page is read through the guard (one access-log entry per child).
 */
export async function worklist(
  ctx: Context,
  args: { statuses?: readonly ReferralStatus[] | null; minAgeDays?: number | null; maxAgeDays?: number | null; first?: number | null; after?: string | null },
): Promise<Connection<BuaReferralModel>> {
  if (!ctx.access.isOwnerSector) {
    throw forbidden("BUA's referral worklist is the department's own; other sectors see the referrals they sent in their own subgraph.", {
      rule: 'OWNER_SECTOR_ONLY',
    });
  }
  const size = pageSize(args.first);
  const minAge = ageBound(args.minAgeDays, 'minAgeDays');
  const maxAge = ageBound(args.maxAgeDays, 'maxAgeDays');
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    throw badUserInput('minAgeDays is larger than maxAgeDays, so no referral can match; swap them.', { field: 'minAgeDays' });
  }
  const statuses = args.statuses && args.statuses.length > 0 ? [...new Set(args.statuses)] : REFERRAL_STATUSES.filter((s) => s !== 'CLOSED');
  const now = ctx.access.now.getTime();
  const rows = await listWorklist(
    ctx.db,
    {
      statuses,
      ...(minAge === undefined ? {} : { receivedAtOrBefore: new Date(now - minAge * DAY_MS).toISOString() }),
      ...(maxAge === undefined ? {} : { receivedAfter: new Date(now - (maxAge + 1) * DAY_MS).toISOString() }),
    },
    size + 1,
    worklistCursor(args.after),
  );
  const page = rows.slice(0, size);
  const models = await Promise.all(page.map((row) => show(ctx, row)));
  const byId = new Map(models.map((m) => [m.id, m]));
  return toConnection(rows, size, (r) => `${r.acute ? 'A' : 'N'}|${new Date(r.receivedAt).toISOString()}|${r.id}`, (r) => byId.get(r.id)!);
}

/**
 * One step of a referral's course, in one transaction: the row is locked, the shared status machine decides (a refusal
 * changes and sends nothing), the change is stored with the status messages it causes and the access-log entry. The
 * messages go only to the parties a consent in force lets BUA tell (decided on the consents the transaction sees); the
 * answer names the others and why.
 */
async function step(
  ctx: Context,
  referralId: string,
  event: (row: ReferralRow, disclosure: StatusDisclosure) => ReferralEvent,
  changes: (row: ReferralRow, next: ReferralState) => Partial<ReferralRow>,
  notify: boolean,
): Promise<BuaReferralModel> {
  const loaded = await load(ctx, referralId);
  await readReferral(ctx, loaded);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = (await findReferralForUpdate(tx, loaded.id))!;
    const held = (await findConsentsByChildIds(tx, sectorTables, [row.childId])).map(toConsentRecord);
    const disclosure = statusDisclosure(row, held, { today: ctx.access.today, now: ctx.access.now });
    const next = nextReferralStatus(stateOf(row), event(row, disclosure));
    const stored = await updateReferral(tx, row.id, {
      status: next.status,
      history: [...next.history],
      communicated: { ...next.communicated },
      ...changes(row, next),
    });
    if (notify) {
      for (const to of disclosure.tell) await outbox.enqueue(tx, statusMessage(stored, next, to, ctx.access.now));
    }
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(row.childId, [BUA_REFERRAL_PART])]);
    return { stored, disclosure };
  });
  ctx.loaders.referral.clear(updated.stored.id).prime(updated.stored.id, updated.stored);
  return buaReferralModel(updated.stored, ctx.access.now, updated.disclosure.notTold);
}

/** Visitation decides once: assessment, or no need for it (with the reason); both sectors around the child are told. */
export async function decideVisitation(ctx: Context, referralId: string, input: VisitationInput): Promise<BuaReferralModel> {
  assertBuaClinician(ctx, 'decide the visitation of a referral');
  const v = validateVisitation(input, ctx.access.now);
  return step(
    ctx,
    referralId,
    () => ({ type: 'VISITATION_DECIDED', at: v.decidedAt, decision: v.decision }),
    () => ({ visitationDecision: v.decision, visitationReason: v.reason, visitationDecidedBy: v.decidedBy }),
    true,
  );
}

function eventTime(value: string, field: string, what: string, now: Date): string {
  const at = parseInstant(value, field, what);
  assertNotInFuture(at, now, field, what);
  return at;
}

export async function startAssessment(ctx: Context, referralId: string, startedAt: string): Promise<BuaReferralModel> {
  assertBuaClinician(ctx, 'start an assessment');
  const at = eventTime(startedAt, 'startedAt', 'The start of the assessment', ctx.access.now);
  return step(ctx, referralId, () => ({ type: 'ASSESSMENT_STARTED', at }), () => ({}), true);
}

/**
 * The assessment outcome (diagnoses checked against ICD-10, chapter F expected); the outcome travels to the
 * municipality and the GP as status messages, and counts as communicated to each once delivered.
 */
export async function recordOutcome(
  ctx: Context,
  referralId: string,
  input: AssessmentOutcomeInput,
): Promise<{ referral: BuaReferralModel; warnings: DiagnosisWarning[] }> {
  assertBuaClinician(ctx, 'record an assessment outcome');
  const o = validateAssessmentOutcome(input, ctx.access.now);
  const recordedBy = ctx.access.principal.subject;
  const model = await step(
    ctx,
    referralId,
    () => ({ type: 'OUTCOME_RECORDED', at: o.concludedAt }),
    () => ({
      outcome: {
        conclusion: o.conclusion,
        diagnoses: o.diagnoses.map((d) => d.sks),
        treatment: o.treatment,
        childNeeds: o.childNeeds,
        results: o.results,
        concludedAt: o.concludedAt,
        recordedBy,
      },
    }),
    true,
  );
  return { referral: model, warnings: o.warnings };
}

/** The outcome was told to the parents (when, how, by whom): recorded by BUA, which is the one that told them. */
export async function recordParentCommunication(ctx: Context, referralId: string, input: ParentCommunicationInput): Promise<BuaReferralModel> {
  assertBuaClinician(ctx, 'record that the outcome was communicated to the parents');
  const c = validateParentCommunication(input, ctx.access.now);
  return step(ctx, referralId, () => ({ type: 'OUTCOME_COMMUNICATED', at: c.at, to: 'PARENTS' }), () => ({ parentCommunication: c }), false);
}

/**
 * Closes the referral once everyone the agreement names has been told; the sectors around the child learn of it. A
 * sector BUA may no longer tell (its consent lapsed at 18) does not hold the referral open: the answer's
 * `partiesNotTold` names it.
 */
export async function closeReferral(ctx: Context, referralId: string, closedAt: string): Promise<BuaReferralModel> {
  assertBuaClinician(ctx, 'close a referral');
  const at = eventTime(closedAt, 'closedAt', 'The time the referral closed', ctx.access.now);
  return step(ctx, referralId, (_, d) => ({ type: 'CLOSED', at, untellable: d.notTold.map((n) => n.party) }), () => ({}), true);
}

/**
 * Sends the outcome (or the no-assessment decision) to the sectors BUA may tell now and that were not told, e.g. one
 * the young person consented to after the outcome was withheld from it at 18; the referral then closes once delivered.
 */
export async function sendOutcome(ctx: Context, referralId: string): Promise<BuaReferralModel> {
  assertBuaClinician(ctx, "send a referral's outcome");
  const loaded = await load(ctx, referralId);
  await readReferral(ctx, loaded);
  const { row, disclosure } = await ctx.db.transaction(async (tx) => {
    const row = (await findReferralForUpdate(tx, loaded.id))!;
    const held = (await findConsentsByChildIds(tx, sectorTables, [row.childId])).map(toConsentRecord);
    const disclosure = statusDisclosure(row, held, { today: ctx.access.today, now: ctx.access.now });
    const state = stateOf(row);
    for (const to of outcomeRecipientsToSend(state, disclosure.tell)) await outbox.enqueue(tx, statusMessage(row, state, to, ctx.access.now));
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(row.childId, [BUA_REFERRAL_PART])]);
    return { row, disclosure };
  });
  return buaReferralModel(row, ctx.access.now, disclosure.notTold);
}
