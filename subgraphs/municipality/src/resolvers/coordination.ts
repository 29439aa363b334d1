import type { ChildResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { coordination } from '../coordination/service.ts';
import type { Context } from '../context.ts';
import type { ChildModel } from '../models.ts';

const guard = async (c: ChildModel, ctx: Context) => guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record);

export const municipalityContactPerson: ChildResolvers['municipalityContactPerson'] = async (c, _, ctx) => coordination.contactPerson(ctx, await guard(c, ctx));
export const municipalityContactPersonHistory: ChildResolvers['municipalityContactPersonHistory'] = async (c, _, ctx) =>
  coordination.contactPersonHistory(ctx, await guard(c, ctx));
export const municipalityNetworkMeetings: ChildResolvers['municipalityNetworkMeetings'] = async (c, _, ctx) =>
  coordination.networkMeetings(ctx, await guard(c, ctx));

export const recordMunicipalityContactPerson: MutationResolvers['recordMunicipalityContactPerson'] = (_, { input }, ctx) =>
  coordination.recordContactPerson(ctx, input);
export const recordMunicipalityNetworkMeeting: MutationResolvers['recordMunicipalityNetworkMeeting'] = (_, { input }, ctx) =>
  coordination.recordNetworkMeeting(ctx, input);
export const completeMunicipalityNetworkMeetingAction: MutationResolvers['completeMunicipalityNetworkMeetingAction'] = (_, { meetingId, actionIndex }, ctx) =>
  coordination.completeNetworkMeetingAction(ctx, meetingId, actionIndex);

export const coordinationChildFields = { municipalityContactPerson, municipalityContactPersonHistory, municipalityNetworkMeetings };
export const coordinationMutations = { recordMunicipalityContactPerson, recordMunicipalityNetworkMeeting, completeMunicipalityNetworkMeetingAction };
