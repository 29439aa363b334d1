import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { BuaReferral, buaReferrals, referralMutations, referralQueries } from './referrals.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries, ...referralQueries },
  Mutation: { ...consentMutations, ...referralMutations },
  Consent,
  Child: { ...Child, buaReferrals },
  BuaReferral,
};
