import { openActionQueries } from './open-actions.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { advisoryMutations, advisoryQueries, advisoryTypes } from './advisory.ts';
import { Child, Pathway } from './child.ts';
import { coordinationChildFields, coordinationMutations } from './coordination.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { buaMissingTransitionPlans, buaTransitionPlan, recordBuaTransitionPlan } from './transition.ts';
import { buaMedicationAgreements, medicationMutations } from './medication.ts';
import { statisticsQueries } from './statistics.ts';
import { BuaReferral, buaMunicipalInterventions, buaReferrals, ReceivedMunicipalIntervention, referralMutations, referralQueries } from './referrals.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries, ...advisoryQueries, ...referralQueries, buaMissingTransitionPlans, ...openActionQueries, ...statisticsQueries },
  Mutation: {
    ...consentMutations,
    ...advisoryMutations,
    ...referralMutations,
    ...medicationMutations,
    recordBuaTransitionPlan,
    ...coordinationMutations,
  },
  Consent,
  ReceivedMunicipalIntervention,
  Child: { ...Child, buaReferrals, buaMunicipalInterventions, buaMedicationAgreements, buaTransitionPlan, ...coordinationChildFields },
  BuaReferral,
  Pathway,
  // BUA's advisory service (agreement 6.3).
  ...advisoryTypes,
};
