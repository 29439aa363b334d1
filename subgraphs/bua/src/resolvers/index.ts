import type { Resolvers } from '../generated/resolvers-types.ts';
import { advisoryMutations, advisoryQueries, advisoryTypes } from './advisory.ts';
import { Child } from './child.ts';
import { coordinationChildFields, coordinationMutations } from './coordination.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { buaMissingTransitionPlans, buaTransitionPlan, recordBuaTransitionPlan } from './transition.ts';
import { buaMedicationAgreements, medicationMutations } from './medication.ts';
import { BuaReferral, buaReferrals, referralMutations, referralQueries } from './referrals.ts';
import { statisticsQueries } from './statistics.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries, ...advisoryQueries, ...referralQueries, buaMissingTransitionPlans, ...statisticsQueries },
  Mutation: {
    ...consentMutations,
    ...advisoryMutations,
    ...referralMutations,
    ...medicationMutations,
    recordBuaTransitionPlan,
    ...coordinationMutations,
  },
  Consent,
  Child: { ...Child, buaReferrals, buaMedicationAgreements, buaTransitionPlan, ...coordinationChildFields },
  BuaReferral,
  // BUA's advisory service (agreement 6.3).
  ...advisoryTypes,
};
