import type { ChildResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { coordination } from '../coordination/service.ts';
import type { Context } from '../context.ts';
import type { ChildModel } from '../models.ts';

const guard = async (c: ChildModel, ctx: Context) => guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record);

export const generalPracticeContactPerson: ChildResolvers['generalPracticeContactPerson'] = async (c, _, ctx) => coordination.contactPerson(ctx, await guard(c, ctx));
export const generalPracticeContactPersonHistory: ChildResolvers['generalPracticeContactPersonHistory'] = async (c, _, ctx) =>
  coordination.contactPersonHistory(ctx, await guard(c, ctx));
export const generalPracticeNetworkMeetings: ChildResolvers['generalPracticeNetworkMeetings'] = async (c, _, ctx) =>
  coordination.networkMeetings(ctx, await guard(c, ctx));
export const recordGeneralPracticeContactPerson: MutationResolvers['recordGeneralPracticeContactPerson'] = (_, { input }, ctx) =>
  coordination.recordContactPerson(ctx, input);
export const recordGeneralPracticeNetworkMeeting: MutationResolvers['recordGeneralPracticeNetworkMeeting'] = (_, { input }, ctx) =>
  coordination.recordNetworkMeeting(ctx, input);
export const completeGeneralPracticeNetworkMeetingAction: MutationResolvers['completeGeneralPracticeNetworkMeetingAction'] = (_, { meetingId, actionIndex }, ctx) =>
  coordination.completeNetworkMeetingAction(ctx, meetingId, actionIndex);

export const coordinationChildFields = { generalPracticeContactPerson, generalPracticeContactPersonHistory, generalPracticeNetworkMeetings };
export const coordinationMutations = { recordGeneralPracticeContactPerson, recordGeneralPracticeNetworkMeeting, completeGeneralPracticeNetworkMeetingAction };
