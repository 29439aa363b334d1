import { CARE_COMMUNICATION_CATEGORIES, type AccessLogRow } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';
import type { CareCommunicationCategory } from './generated/resolvers-types.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the record when the parent query already loaded it
 * (`undefined` means "not loaded yet", `null` means "not known to this subgraph").
 */
export interface ChildModel {
  id: string;
  record?: ChildRecord | null;
}

/** A child's pathway as this sector resolves it: the child's pseudonym; the sector adds only its facts. */
export type PathwayModel = ChildModel;

export type { MunicipalityRow as MunicipalityModel } from './db/schema.ts';

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = AccessLogRow & { source: string };

export type { LetterRecord as InboxLetterModel } from './db/letters.ts';
export type { LetterEventRow as InboxLetterEventModel } from './db/schema.ts';
export type { ReplyRecord as InboxLetterReplyModel } from './db/letters.ts';

/**
 * A stored letter's category as the shared GraphQL enum (general practice maps its own the same way): stored as
 * MedCom's lower-case kebab code, shown upper snake. The parser admits only MedCom's codes, so any other stored
 * value is a bug and fails loudly rather than pass as another category.
 */
export function categoryEnum(code: string): CareCommunicationCategory {
  if (!(CARE_COMMUNICATION_CATEGORIES as readonly string[]).includes(code)) {
    throw new Error('A stored letter has a category outside the MedCom CareCommunication categories.');
  }
  return code.toUpperCase().replace(/-/g, '_') as CareCommunicationCategory;
}

// Referrals to BUA (Trin 3): the shared referrer model.
export type { ReferralToBuaModel } from '@pathway-graph/shared/sector/referrer/model';
export type { MunicipalOfferRow as MunicipalOfferModel } from './db/schema.ts';
export type { RelativeRegistrationRecord as RelativeRegistrationModel } from './db/relatives.ts';

// Coordination around the pathway (agreement 6.1): the shared contact-person and network-meeting models.
export type {
  ContactPersonModel as CoordinatingContactPersonModel,
  ContactPersonRecordModel,
  NetworkMeetingModel,
} from '@pathway-graph/shared/sector/coordination/service';

// The municipality's interventions (Trin 1, 2 and 4) and the transition plan at 18.
export type { MunicipalInterventionRow as MunicipalInterventionModel } from './db/schema.ts';
export type { MunicipalInterventionResultModel } from './interventions/service.ts';
export type { TransitionPlanModel } from '@pathway-graph/shared/sector/transition/service';
