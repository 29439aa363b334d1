import { byDueDate, screeningWithoutActionPlan, type OpenAction } from '@pathway-graph/shared/domain/open-actions/index';
import { sectorOpenActions, sortedKeys } from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findEarliestOpenScreeningsOwnedBy } from '../db/open-actions.ts';
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

/** A child's positive screenings still without an action plan. */
interface ScreeningOpenActionSources {
  childId: string;
  results: readonly ScreeningResultRow[];
}

function byChild(rows: readonly ScreeningResultRow[]): ScreeningOpenActionSources[] {
  const grouped = new Map<string, ScreeningResultRow[]>();
  for (const row of rows) grouped.set(row.childId, [...(grouped.get(row.childId) ?? []), row]);
  return [...grouped].map(([childId, results]) => ({ childId, results }));
}

export const { openActionsOfChild, ownedOpenActionKeys, ownedOpenActions } = sectorOpenActions<Context, ScreeningOpenActionSources, void>({
  ofChild: async (ctx, childId) => ({ childId, results: await ctx.loaders.openActionsOfChild.load(childId) }),
  ofChildren: async (ctx, childIds) =>
    byChild(
      (await ctx.loaders.openActionsOfChild.loadMany([...new Set(childIds)])).flatMap((r) => {
        if (r instanceof Error) throw r;
        return r;
      }),
    ),
  actionsOf: (ctx, s) => openActionsOf(ctx, s.results),
  // Every action here is the recorder's and due a fixed number of days after its screening: the earliest screening
  // is the earliest due, which the database finds per child.
  ownedKeysIn: async (ctx) =>
    sortedKeys(
      (await findEarliestOpenScreeningsOwnedBy(ctx.db, { sector: ctx.principal.sector, organisation: ctx.principal.organisation })).map((r) => ({
        childId: r.childId,
        earliestDueOn: dueOnOf(ctx, r),
      })),
    ),
});
