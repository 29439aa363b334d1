import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { Municipality, municipalityQueries } from './municipality.ts';
import { ReferralToBua, referralMutations, referralQueries } from './referrals.ts';
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
  Query: { ...municipalityQueries, ...accessLogQueries, inbox, receivedLetter, municipalityDirectory, ...referralQueries },
  Mutation: { ...consentMutations, assignLetter, markLetterRead, replyToLetter, setReplyDeadline, ...referralMutations },
  ReferralToBua,
  InboxLetter,
  InboxLetterReply,
  Consent,
  Municipality,
  Child,
};
