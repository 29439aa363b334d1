import { openActionQueries } from './open-actions.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child, Pathway } from './child.ts';
import { coordinationChildFields, coordinationMutations } from './coordination.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import {
  CorrespondenceLetter,
  importCareCommunication,
  letterBundle,
  retryLetterDelivery,
  giveUpLetterDelivery,
  sendCorrespondenceLetter,
  sentLetter,
  sentLetters,
} from './letters.ts';
import { generalPracticeMedicationAgreements, medicationMutations } from './medication.ts';
import { Practice, practiceQueries } from './practice.ts';
import { ReferralToBua, referralMutations, referralQueries } from './referrals.ts';
import { generalPracticeLetterStatistics } from './statistics.ts';

export const resolvers: Resolvers = {
  Query: { ...practiceQueries, ...accessLogQueries, sentLetters, sentLetter, letterBundle, ...referralQueries, ...openActionQueries, generalPracticeLetterStatistics },
  Mutation: { ...consentMutations, sendCorrespondenceLetter, retryLetterDelivery, giveUpLetterDelivery, importCareCommunication, ...referralMutations, ...medicationMutations, ...coordinationMutations },
  ReferralToBua,
  CorrespondenceLetter,
  Consent,
  Practice,
  Child: { ...Child, generalPracticeMedicationAgreements, ...coordinationChildFields },
  Pathway,
};
