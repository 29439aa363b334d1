import { openActionQueries } from './open-actions.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child, Pathway } from './child.ts';
import { accessLogQueries, Consent, consentMutations } from './consent.ts';
import { screeningEvaluation, ScreeningEvaluationRow } from './evaluation.ts';
import { ScreeningInstrument, screeningInstruments, ScreeningInstrumentVersion } from './instruments.ts';
import { ActionPlan, createActionPlan, OpenScreeningAction, openScreeningActions } from './plans.ts';
import {
  recordedScreenings,
  recordScreening,
  ScoreBand,
  ScreeningFlag,
  ScreeningResult,
  ScreeningScore,
  ScreeningTrend,
  TrendChange,
  TrendPoint,
} from './screenings.ts';
import { screeningStatistics } from './statistics.ts';
import {
  endTrackMembership,
  MunicipalityNotification,
  registerInScreeningTrack,
  ScreeningThreshold,
  ScreeningTrackDefinition,
  screeningTrackDefinitions,
  TrackBasis,
  TrackMembership,
} from './tracks.ts';

export const resolvers: Resolvers = {
  Query: { ...accessLogQueries, screeningTrackDefinitions, screeningInstruments, recordedScreenings, openScreeningActions, screeningEvaluation, screeningStatistics, ...openActionQueries },
  Mutation: { ...consentMutations, registerInScreeningTrack, endTrackMembership, recordScreening, createActionPlan },
  Consent,
  Child,
  Pathway,
  TrackMembership,
  TrackBasis,
  MunicipalityNotification,
  ScreeningTrackDefinition,
  ScreeningThreshold,
  ScreeningInstrument,
  ScreeningInstrumentVersion,
  ScreeningResult,
  ScreeningScore,
  ScoreBand,
  ScreeningFlag,
  ScreeningTrend,
  TrendPoint,
  TrendChange,
  ActionPlan,
  OpenScreeningAction,
  ScreeningEvaluationRow,
};
