import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries },
  Mutation: consentMutations,
  Consent,
  Child,
};
