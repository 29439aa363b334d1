import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child, Pathway } from './child.ts';
import { coordinationChildFields, coordinationMutations } from './coordination.ts';
import { interventionChildFields, interventionMutations, MunicipalIntervention } from './interventions.ts';
import { openActionQueries } from './open-actions.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { Municipality, municipalityQueries } from './municipality.ts';
import { ReferralToBua, referralMutations, referralQueries } from './referrals.ts';
import {
  assignLetter,
  inbox,
  InboxLetter,
  knownChildNameMentions,
  InboxLetterReply,
  markLetterRead,
  municipalityDirectory,
  receivedLetter,
  replyToLetter,
  retryReplyDelivery,
  giveUpReplyDelivery,
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
    knownChildNameMentions,
    ...referralQueries,
    municipalOffers,
    relativeRegistrations,
    ...openActionQueries,
    letterStatistics,
  },
  Mutation: {
    ...consentMutations,
    assignLetter,
    markLetterRead,
    replyToLetter,
    retryReplyDelivery,
    giveUpReplyDelivery,
    setReplyDeadline,
    ...referralMutations,
    createMunicipalOffer,
    updateMunicipalOffer,
    retireMunicipalOffer,
    takeRelativeRegistration,
    ...coordinationMutations,
    ...interventionMutations,
  },
  MunicipalIntervention,
  ReferralToBua,
  MunicipalOffer,
  RelativeRegistration,
  InboxLetter,
  InboxLetterReply,
  Consent,
  Municipality,
  Child: { ...Child, ...coordinationChildFields, ...interventionChildFields },
  Pathway,
};
