import { byDueDate, screeningWithoutActionPlan, type OpenAction } from '@pathway-graph/shared/domain/open-actions/index';
import {
  assertMayReadWorklist,
  assertWorklistChildIds,
  ownedActionsOf,
  ownedKeys,
  type OwnedActions,
  type OwnedKey,
} from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findOpenActionsOwnedBy } from '../db/open-actions.ts';
import type { ScreeningResultRow } from '../db/schema.ts';
import { dueOnOf } from '../plans/service.ts';

/**
 * The open actions the screening tracks hold for a child: positive screenings still without an action plan (one per
 * child and track, db/open-actions.ts), owned by the organisation that recorded the screening. Custody holders'
 * consents lapsing at 18 are not among them here: screening's consents do not record the sector of the organisation
 * that keeps them, so no owner could be named (the other sectors report theirs).
 */
export function openActionsOf(ctx: Context, results: readonly ScreeningResultRow[]): OpenAction[] {
  const today = ctx.access.today;
  return results
    .map((r) =>
      screeningWithoutActionPlan({ id: r.id, planDueOn: dueOnOf(ctx, r), recordedBy: { sector: r.recordedBySector, organisation: r.recordedByOrganisation } }, today),
    )
    .sort(byDueDate);
}

function byChild(ctx: Context, rows: readonly ScreeningResultRow[]): Map<string, OpenAction[]> {
  const grouped = new Map<string, ScreeningResultRow[]>();
  for (const row of rows) grouped.set(row.childId, [...(grouped.get(row.childId) ?? []), row]);
  return new Map([...grouped].map(([childId, results]) => [childId, openActionsOf(ctx, results)]));
}

export async function openActionsOfChild(ctx: Context, childId: string): Promise<OpenAction[]> {
  return openActionsOf(ctx, await ctx.loaders.openActionsOfChild.load(childId));
}

export async function ownedOpenActionKeys(ctx: Context): Promise<OwnedKey[]> {
  assertMayReadWorklist(ctx.principal);
  const rows = await findOpenActionsOwnedBy(ctx.db, { sector: ctx.principal.sector, organisation: ctx.principal.organisation });
  return ownedKeys(ctx.principal, byChild(ctx, rows));
}

export async function ownedOpenActions(ctx: Context, childIds: readonly string[]): Promise<OwnedActions[]> {
  assertMayReadWorklist(ctx.principal);
  assertWorklistChildIds(childIds);
  const rows = (await ctx.loaders.openActionsOfChild.loadMany([...new Set(childIds)])).flatMap((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
  return ownedActionsOf(ctx.access, childIds, byChild(ctx, rows));
}
