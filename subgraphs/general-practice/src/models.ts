import type { AccessLogRow } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the record when the parent query already loaded it
 * (`undefined` means "not loaded yet", `null` means "not known to general practice").
 */
export interface ChildModel {
  id: string;
  record?: ChildRecord | null;
}

/** A child's pathway as this sector resolves it: the child's pseudonym; the sector adds only its facts. */
export type PathwayModel = ChildModel;

export type { PracticeRow as PracticeModel } from './db/schema.ts';

/** Only the key: the municipality subgraph resolves everything else about a municipality. */
export interface MunicipalityModel {
  code: number;
}

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = AccessLogRow & { source: string };

// Referrals to BUA (Trin 3): the shared referrer model.
export type { ReferralToBuaModel } from '@pathway-graph/shared/sector/referrer/model';
export type { MedicationAgreementModel } from '@pathway-graph/shared/sector/medication/service';

// Coordination around the pathway (agreement 6.1): the shared contact-person and network-meeting models.
export type {
  ContactPersonModel as CoordinatingContactPersonModel,
  ContactPersonRecordModel,
  NetworkMeetingModel,
} from '@pathway-graph/shared/sector/coordination/service';
