import type { MutationResolvers, QueryResolvers, ReferralToBuaResolvers } from '../generated/resolvers-types.ts';
import { municipalityReferrals, referFromMunicipality, referrals } from '../referrals/service.ts';

export const municipalityReferralToBua: QueryResolvers['municipalityReferralToBua'] = (_, { id }, ctx) => referrals.get(ctx, id);
export const municipalityReferralsToBua: QueryResolvers['municipalityReferralsToBua'] = (_, args, ctx) => municipalityReferrals(ctx, args);
export const referChildToBuaFromMunicipality: MutationResolvers['referChildToBuaFromMunicipality'] = (_, { input }, ctx) =>
  referFromMunicipality(ctx, input);
export const recordMunicipalFurtherCourse: MutationResolvers['recordMunicipalFurtherCourse'] = (_, { referralId, furtherCourse }, ctx) =>
  referrals.recordFurtherCourse(ctx, referralId, furtherCourse);

export const referralQueries = { municipalityReferralToBua, municipalityReferralsToBua };
export const referralMutations = { referChildToBuaFromMunicipality, recordMunicipalFurtherCourse };
export const ReferralToBua: ReferralToBuaResolvers = {};
