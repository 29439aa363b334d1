import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { Municipality, municipalityQueries } from './municipality.ts';
import {
  assignLetter,
  inbox,
  InboxLetter,
  InboxLetterReply,
  markLetterRead,
  municipalityDirectory,
  receivedLetter,
  replyToLetter,
  setReplyDeadline,
} from './inbox.ts';

export const resolvers: Resolvers = {
  Query: { ...municipalityQueries, ...accessLogQueries, inbox, receivedLetter, municipalityDirectory },
  Mutation: { ...consentMutations, assignLetter, markLetterRead, replyToLetter, setReplyDeadline },
  InboxLetter,
  InboxLetterReply,
  Consent,
  Municipality,
  Child,
};
