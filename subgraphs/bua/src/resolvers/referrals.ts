import type { BuaReferralResolvers, ChildResolvers, MutationResolvers, QueryResolvers, ReceivedMunicipalInterventionResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { interventionsOfChild } from '../referrals/interventions.ts';
import * as referrals from '../referrals/service.ts';

export const buaReferralWorklist: QueryResolvers['buaReferralWorklist'] = (_, args, ctx) => referrals.worklist(ctx, args);
export const buaReferral: QueryResolvers['buaReferral'] = (_, { id }, ctx) => referrals.referral(ctx, id);

export const decideBuaVisitation: MutationResolvers['decideBuaVisitation'] = (_, { referralId, input }, ctx) =>
  referrals.decideVisitation(ctx, referralId, input);
export const startBuaAssessment: MutationResolvers['startBuaAssessment'] = (_, { referralId, startedAt }, ctx) =>
  referrals.startAssessment(ctx, referralId, startedAt);
export const recordBuaAssessmentOutcome: MutationResolvers['recordBuaAssessmentOutcome'] = (_, { referralId, input }, ctx) =>
  referrals.recordOutcome(ctx, referralId, input);
export const recordOutcomeCommunicatedToParents: MutationResolvers['recordOutcomeCommunicatedToParents'] = (_, { referralId, input }, ctx) =>
  referrals.recordParentCommunication(ctx, referralId, input);
export const closeBuaReferral: MutationResolvers['closeBuaReferral'] = (_, { referralId, closedAt }, ctx) =>
  referrals.closeReferral(ctx, referralId, closedAt);

export const sendBuaReferralOutcome: MutationResolvers['sendBuaReferralOutcome'] = (_, { referralId }, ctx) => referrals.sendOutcome(ctx, referralId);

export const referralQueries = { buaReferralWorklist, buaReferral };
export const referralMutations = { decideBuaVisitation, startBuaAssessment, recordBuaAssessmentOutcome, recordOutcomeCommunicatedToParents, closeBuaReferral, sendBuaReferralOutcome };

/** `Child.buaReferrals`: guarded like BUA's other fields about the child, for unknown children too. */
export const buaReferrals: ChildResolvers['buaReferrals'] = async (c, _, ctx) =>
  referrals.referralsOfChild(ctx, guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record));

export const BuaReferral: BuaReferralResolvers = {};

/** `Child.buaMunicipalInterventions`: what the municipality told BUA of, guarded like BUA's other fields. */
export const buaMunicipalInterventions: ChildResolvers['buaMunicipalInterventions'] = async (c, _, ctx) =>
  interventionsOfChild(ctx, guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record));
export const ReceivedMunicipalIntervention: ReceivedMunicipalInterventionResolvers = { pathwayStep: (row) => row.step };
