import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { buaMedicationAgreements, medicationMutations } from './medication.ts';
import { BuaReferral, buaReferrals, referralMutations, referralQueries } from './referrals.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries, ...referralQueries },
  Mutation: { ...consentMutations, ...referralMutations, ...medicationMutations },
  Consent,
  Child: { ...Child, buaReferrals, buaMedicationAgreements },
  BuaReferral,
};
