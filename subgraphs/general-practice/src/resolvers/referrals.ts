import type { MutationResolvers, QueryResolvers, ReferralToBuaResolvers } from '../generated/resolvers-types.ts';
import { practiceReferrals, referChildToBua as refer, referrals } from '../referrals/service.ts';

export const practiceReferralToBua: QueryResolvers['practiceReferralToBua'] = (_, { id }, ctx) => referrals.get(ctx, id);
export const practiceReferralsToBua: QueryResolvers['practiceReferralsToBua'] = (_, args, ctx) => practiceReferrals(ctx, args);
export const referChildToBua: MutationResolvers['referChildToBua'] = (_, { input }, ctx) => refer(ctx, input);
export const recordPracticeFurtherCourse: MutationResolvers['recordPracticeFurtherCourse'] = (_, { referralId, furtherCourse }, ctx) =>
  referrals.recordFurtherCourse(ctx, referralId, furtherCourse);

export const referralQueries = { practiceReferralToBua, practiceReferralsToBua };
export const referralMutations = { referChildToBua, recordPracticeFurtherCourse };
export const ReferralToBua: ReferralToBuaResolvers = {};
