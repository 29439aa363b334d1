import type { ChildResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { missingTransitionPlans, transition } from '../referrals/trin4.ts';

export const buaMissingTransitionPlans: QueryResolvers['buaMissingTransitionPlans'] = (_, { first }, ctx) => missingTransitionPlans(ctx, first);
export const recordBuaTransitionPlan: MutationResolvers['recordBuaTransitionPlan'] = (_, { input }, ctx) => transition.record(ctx, input);

/** `Child.buaTransitionPlan`: guarded like BUA's other fields about the child. */
export const buaTransitionPlan: ChildResolvers['buaTransitionPlan'] = async (c, _, ctx) =>
  transition.current(ctx, guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record));
