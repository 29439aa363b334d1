import type { Resolvers } from '../generated/resolvers-types.ts';
import { advisoryMutations, advisoryQueries, advisoryTypes } from './advisory.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries, ...advisoryQueries },
  Mutation: { ...consentMutations, ...advisoryMutations },
  Consent,
  Child,
  // BUA's advisory service (agreement 6.3).
  ...advisoryTypes,
};
