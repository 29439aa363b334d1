import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { CorrespondenceLetter, letterMutations, letterQueries } from './letters.ts';
import { Practice, practiceQueries } from './practice.ts';

export const resolvers: Resolvers = {
  Query: { ...practiceQueries, ...accessLogQueries, ...letterQueries },
  Mutation: { ...consentMutations, ...letterMutations },
  CorrespondenceLetter,
  Consent,
  Practice,
  Child,
};
