import type { AccessLogRow } from '@pathway-graph/shared';
import type { ChildRecord, TrackMembershipRecord } from './db/repository.ts';
import type { ActionPlanRow, ScreeningResultRow } from './db/schema.ts';
import type { PublishedEvaluationRow } from './evaluation/cube.ts';
import type { BandResult, FlagResult, Instrument, InstrumentVersion, ScoreResult, Threshold, ThresholdOutcome, TrendChange, TrendPoint, TrendSeries } from './instruments/index.ts';
import type { TrackDefinition } from './tracks/reference.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the record (with its track memberships) when the parent
 * already loaded it (`undefined` means "not loaded yet", `null` means "not known to screening").
 */
export interface ChildModel {
  id: string;
  record?: ChildRecord | null;
}

/** A child's pathway as this sector resolves it: the child's pseudonym; the sector adds only its facts. */
export type PathwayModel = ChildModel;

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = AccessLogRow & { source: string };

/** Only the key: the municipality subgraph resolves everything else. */
export interface MunicipalityModel {
  code: number;
}
/** Only the key: the municipality subgraph resolves everything else about an offer. */
export interface MunicipalOfferModel {
  id: string;
}

export type TrackMembershipModel = TrackMembershipRecord;
/** The basis and the notification are views of the membership row. */
export type TrackBasisModel = TrackMembershipRecord;
export type MunicipalityNotificationModel = TrackMembershipRecord;
export type ScreeningTrackDefinitionModel = TrackDefinition;
export type ScreeningThresholdModel = Threshold;

export type ScreeningInstrumentModel = Instrument;
export interface ScreeningInstrumentVersionModel {
  instrument: Instrument;
  version: InstrumentVersion;
}

export type ScreeningResultModel = ScreeningResultRow;
export type ScreeningScoreModel = ScoreResult;
export type ScoreBandModel = BandResult;
export type ScreeningFlagModel = FlagResult;
export type ThresholdOutcomeModel = ThresholdOutcome;
export type ScreeningTrendModel = TrendSeries & { instrumentId: string };
export type TrendPointModel = TrendPoint;
export type TrendChangeModel = TrendChange;

export type ActionPlanModel = ActionPlanRow;
export interface OpenScreeningActionModel {
  result: ScreeningResultRow;
  dueOn: string;
  overdue: boolean;
}

export type ScreeningEvaluationRowModel = PublishedEvaluationRow;
