import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { Municipality, municipalityQueries } from './municipality.ts';
import { InboxLetter, InboxLetterReply, inboxMutations, inboxQueries } from './inbox.ts';

export const resolvers: Resolvers = {
  Query: { ...municipalityQueries, ...accessLogQueries, ...inboxQueries },
  Mutation: { ...consentMutations, ...inboxMutations },
  InboxLetter,
  InboxLetterReply,
  Consent,
  Municipality,
  Child,
};
