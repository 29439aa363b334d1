import type { AccessLogRow } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the record when the parent already loaded it
 * (`undefined` means "not loaded yet", `null` means "not a BUA patient").
 */
export interface ChildModel {
  id: string;
  record?: ChildRecord | null;
}

/** A child's pathway as BUA resolves it: the child's pseudonym; BUA adds only its facts. */
export type PathwayModel = ChildModel;

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = AccessLogRow & { source: string };

// BUA's advisory service (agreement 6.3).
export type {
  AdvisoryAdviceModel,
  AdvisoryBookingKindCountsModel,
  AdvisoryBookingModel,
  AdvisoryCalendarFeedCreatedModel,
  AdvisoryCalendarFeedModel,
  AdvisoryCaseDescriptionModel,
  AdvisoryContactPersonModel,
  AdvisoryGpInvitationModel,
  AdvisoryInvitedMeetingModel,
  AdvisoryOccurrenceExceptionModel,
  AdvisoryRecurrenceModel,
  AdvisorySlotGenerationModel,
  AdvisorySlotKindCountsModel,
  AdvisorySlotModel,
  AdvisorySlotSeriesModel,
  AdvisoryUsageModel,
} from './advisory/model.ts';
// Referrals (Trin 3): the models BUA's referral resolvers pass around.
export type { BuaReferralModel } from './referrals/model.ts';
export type { MedicationAgreementModel } from '@pathway-graph/shared/sector/medication/service';
export type { TransitionPlanModel } from '@pathway-graph/shared/sector/transition/service';
export type { MissingTransitionPlanModel } from './referrals/trin4.ts';
export type {
  ContactPersonModel as CoordinatingContactPersonModel,
  ContactPersonRecordModel,
  NetworkMeetingModel,
} from '@pathway-graph/shared/sector/coordination/service';
// The interventions the municipality told BUA of (agreement 6.1).
export type { MunicipalInterventionRow as ReceivedMunicipalInterventionModel } from './db/schema.ts';
