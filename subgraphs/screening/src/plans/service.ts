import { appendAccessLog, badUserInput, conflict, decodeCursor, encodeCursor, forbidden, hasClinicalRole, isUuid, pageSize, uuid7 } from '@pathway-graph/shared';
import { partyOf, partyOfPrincipal, readableRecords } from '../access.ts';
import type { Context } from '../context.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { listOpenActions } from '../db/open-actions.ts';
import { insertPlan } from '../db/plans.ts';
import { activeMemberships } from '../db/repository.ts';
import { accessLog, consents, type ActionPlanRow, type ScreeningResultRow } from '../db/schema.ts';
import { findResultForUpdate, setResultParties } from '../db/screenings.ts';
import type { OpenScreeningActionModel } from '../models.ts';
import { assertMayScreen } from '../screenings/record.ts';
import { getResult, readableResultsOfMany } from '../screenings/service.ts';
import { actionPlanDueOn, assertOffersSuit, isOverdue, validatePlanInput, type PlanInput } from './rules.ts';

/**
 * Action plans for positive screenings, from the child's municipality's offers, and the open actions: positive
 * results still waiting for a plan. Guard, validate (the offers through the municipality's catalogue), store (the
 * plan, the result now also addressed to the responsible organisation, the access-log entry) in one transaction.
 */

const sectorTables = { consents, accessLog };
export const PLANS_PART = 'actionPlans';
export const OPEN_ACTIONS_PART = 'openActions';
const WHAT = "the child's action plans";

export async function childPlans(ctx: Context, childId: string): Promise<ActionPlanRow[]> {
  const [record, rows] = await Promise.all([ctx.loaders.child.load(childId), ctx.loaders.plansOfChild.load(childId)]);
  return readableRecords(ctx, childId, record, rows, PLANS_PART, WHAT);
}

/** The plan made for a result, when the reader may see it (the plan is addressed to everyone the result is). */
export async function planOfResult(ctx: Context, result: ScreeningResultRow): Promise<ActionPlanRow | null> {
  const plan = await ctx.loaders.planOfResult.load(result.id);
  if (!plan) return null;
  const [readable] = await readableRecords(ctx, plan.childId, await ctx.loaders.child.load(plan.childId), [plan], PLANS_PART, WHAT);
  return readable ?? null;
}

export function dueOnOf(ctx: Context, result: Pick<ScreeningResultRow, 'screeningDate'>): string {
  return actionPlanDueOn(result.screeningDate, ctx.setup.actionPlanDueDays);
}

export async function createActionPlan(ctx: Context, input: PlanInput): Promise<ActionPlanRow> {
  const today = ctx.access.today;
  const values = validatePlanInput(input, today);
  // The result as the reader may see it: a result they cannot read is refused as a read would be.
  const result = await getResult(ctx, values.screeningResultId, 'input.screeningResultId');
  assertMayScreen(ctx.principal, result.track);
  if (!result.positive) {
    throw badUserInput('input.screeningResultId: the result is not positive; an action plan answers a positive screening.', { field: 'input.screeningResultId' });
  }
  const record = await ctx.loaders.child.load(result.childId);
  const membership = activeMemberships(record).find((m) => m.id === result.membershipId);
  if (!membership) {
    throw conflict('The track membership of this result has ended; an action plan is made while the child is in the track.', { field: 'input.screeningResultId' });
  }
  if (await ctx.loaders.planOfResult.load(result.id)) {
    throw conflict('This result has an action plan already; a later screening gets a plan of its own.', { field: 'input.screeningResultId' });
  }
  // The municipality's catalogue, through its API: nothing about the child goes with the look-up.
  const offers = await ctx.offers.findOffers(values.offerIds, ctx);
  assertOffersSuit(values.offerIds, offers, { municipalityCode: membership.municipalityCode, track: result.track, birthDate: record!.birthDate, today });

  const responsibleParty = partyOf(values.responsible.sector, values.responsible.organisation);
  const parties = [...new Set([...result.parties, partyOfPrincipal(ctx.principal), responsibleParty])];
  const plan = await ctx.db.transaction(async (tx) => {
    const locked = await findResultForUpdate(tx, result.id);
    if (!locked) throw conflict('The screening result is gone; nothing was stored.', { field: 'input.screeningResultId' });
    try {
      const inserted = await insertPlan(tx, {
        id: uuid7(),
        childId: result.childId,
        membershipId: result.membershipId,
        screeningResultId: result.id,
        track: result.track,
        municipalityCode: membership.municipalityCode,
        offerIds: values.offerIds,
        responsibleSector: values.responsible.sector,
        responsibleOrganisation: values.responsible.organisation,
        responsiblePersonName: values.responsible.personName,
        responsiblePersonPhone: values.responsible.phone,
        followUpOn: values.followUpOn,
        note: values.note,
        createdOn: today,
        createdBySubject: ctx.principal.subject,
        createdByName: ctx.principal.displayName,
        createdBySector: ctx.principal.sector,
        createdByOrganisation: ctx.principal.organisation,
        parties,
      });
      // The responsible organisation reads the screening its plan answers.
      await setResultParties(tx, result.id, [...new Set([...locked.parties, partyOfPrincipal(ctx.principal), responsibleParty])]);
      await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(result.childId, [PLANS_PART])]);
      return inserted;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('This result has an action plan already; a later screening gets a plan of its own.', { field: 'input.screeningResultId' });
      }
      throw error;
    }
  });
  ctx.loaders.plansOfChild.clear(plan.childId);
  ctx.loaders.result.clear(result.id);
  const [readable] = await readableRecords(ctx, plan.childId, record, [plan], PLANS_PART, WHAT);
  return readable!;
}

export interface OpenActionArgs {
  overdueOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The open actions of the caller's organisation: positive screenings it recorded, still without a plan. */
export async function openActions(ctx: Context, args: OpenActionArgs) {
  if (!hasClinicalRole(ctx.principal)) {
    throw forbidden("Open actions are an organisation's clinical work; analysts read screeningEvaluation.", { rule: 'NO_CLINICAL_ROLE' });
  }
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  if (after !== undefined && !isUuid(after)) {
    throw badUserInput('after is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.', { field: 'after' });
  }
  const today = ctx.access.today;
  // Overdue: the due day (screening day + N) lies before today, i.e. the screening lies before today - N.
  const screenedBefore = args.overdueOnly ? daysBefore(today, ctx.setup.actionPlanDueDays) : null;
  const rows = await listOpenActions(ctx.db, { sector: ctx.principal.sector, organisation: ctx.principal.organisation, screenedBefore }, size + 1, after);
  const page = await readableResultsOfMany(ctx, rows.slice(0, size));
  const edges = page.map((result): { cursor: string; node: OpenScreeningActionModel } => {
    const dueOn = dueOnOf(ctx, result);
    return { cursor: encodeCursor(result.id), node: { result, dueOn, overdue: isOverdue(dueOn, today) } };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

