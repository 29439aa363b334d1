import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { Municipality, municipalityQueries } from './municipality.ts';

export const resolvers: Resolvers = {
  Query: { ...municipalityQueries, ...accessLogQueries },
  Mutation: consentMutations,
  Consent,
  Municipality,
  Child,
};
