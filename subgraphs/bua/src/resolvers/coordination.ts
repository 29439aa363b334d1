import type { ChildResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import type { ChildModel } from '../models.ts';
import { coordination } from '../referrals/coordination.ts';

const guard = async (c: ChildModel, ctx: Context) => guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record);

export const buaContactPerson: ChildResolvers['buaContactPerson'] = async (c, _, ctx) => coordination.contactPerson(ctx, await guard(c, ctx));
export const buaContactPersonHistory: ChildResolvers['buaContactPersonHistory'] = async (c, _, ctx) =>
  coordination.contactPersonHistory(ctx, await guard(c, ctx));
export const buaNetworkMeetings: ChildResolvers['buaNetworkMeetings'] = async (c, _, ctx) => coordination.networkMeetings(ctx, await guard(c, ctx));

export const recordBuaContactPerson: MutationResolvers['recordBuaContactPerson'] = (_, { input }, ctx) => coordination.recordContactPerson(ctx, input);
export const recordBuaNetworkMeeting: MutationResolvers['recordBuaNetworkMeeting'] = (_, { input }, ctx) => coordination.recordNetworkMeeting(ctx, input);
export const completeBuaNetworkMeetingAction: MutationResolvers['completeBuaNetworkMeetingAction'] = (_, { meetingId, actionIndex }, ctx) =>
  coordination.completeNetworkMeetingAction(ctx, meetingId, actionIndex);

export const coordinationChildFields = { buaContactPerson, buaContactPersonHistory, buaNetworkMeetings };
export const coordinationMutations = { recordBuaContactPerson, recordBuaNetworkMeeting, completeBuaNetworkMeetingAction };
