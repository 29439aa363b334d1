import type { GuardedChild } from '@pathway-graph/shared';
import type { Context } from '../context.ts';
import type { MunicipalInterventionRow } from '../db/schema.ts';

/** The part of BUA's access log the municipality's interventions are read under. */
export const BUA_INTERVENTION_PART = 'municipalInterventions';

/**
 * The interventions the child's municipality told BUA of while BUA held an active referral (agreement 6.1: the
 * municipality keeps psychiatry informed), oldest first: BUA's record of them, guarded like its other data about the
 * child (another sector needs a consent held by BUA).
 */
export async function interventionsOfChild(ctx: Context, child: GuardedChild): Promise<MunicipalInterventionRow[]> {
  await ctx.access.read(child, BUA_INTERVENTION_PART, 'the municipal interventions BUA was told of');
  return ctx.loaders.interventionsOfChild.load(child.id);
}
