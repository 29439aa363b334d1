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
import { createMunicipalOffer, MunicipalOffer, municipalOffers, retireMunicipalOffer, updateMunicipalOffer } from './offers.ts';
import { letterStatistics } from './statistics.ts';
import { RelativeRegistration, relativeRegistrations, takeRelativeRegistration } from './relatives.ts';

export const resolvers: Resolvers = {
  Query: {
    ...municipalityQueries,
    ...accessLogQueries,
    inbox,
    receivedLetter,
    municipalityDirectory,
    ...referralQueries,
    municipalOffers,
    relativeRegistrations,
    letterStatistics,
  },
  Mutation: {
    ...consentMutations,
    assignLetter,
    markLetterRead,
    replyToLetter,
    setReplyDeadline,
    ...referralMutations,
    createMunicipalOffer,
    updateMunicipalOffer,
    retireMunicipalOffer,
    takeRelativeRegistration,
  },
  ReferralToBua,
  MunicipalOffer,
  RelativeRegistration,
  InboxLetter,
  InboxLetterReply,
  Consent,
  Municipality,
  Child,
};
