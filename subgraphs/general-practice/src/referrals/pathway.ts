import { furtherCourseEvents, sentLetterEvents, sentReferralEvents } from '@pathway-graph/shared/domain/pathway/events';
import { pathwayEventsPerRequest } from '@pathway-graph/shared/sector/pathway-events';
import { findFurtherCourseByChildIds, findReferralsByChildIds } from '@pathway-graph/shared/sector/referrer/repository';
import type { Context } from '../context.ts';
import { coordination } from '../coordination/service.ts';
import { findLetterStepsByChildIds } from '../db/letters.ts';
import { medication } from './messaging.ts';
import { referrerTables } from './service.ts';

/**
 * General practice's events on a child's pathway (`GeneralPracticeFacts.events`): the letters it sent, the referrals
 * to BUA it sent, its part of the further course after no assessment, its side of the medication agreements, its
 * contact person and network meetings. One statement per kind of record for all the children of the request.
 */
export const generalPracticePathwayEvents = pathwayEventsPerRequest<Context>((ctx) => [
  async (ids) => (await findLetterStepsByChildIds(ctx.db, ids)).flatMap(sentLetterEvents),
  async (ids) => (await findReferralsByChildIds(ctx.db, referrerTables, ids)).flatMap(sentReferralEvents),
  async (ids) => (await findFurtherCourseByChildIds(ctx.db, referrerTables, ids)).filter((p) => p.sector === 'GENERAL_PRACTICE').flatMap(furtherCourseEvents),
  medication.pathwayEventSource(ctx),
  ...coordination.pathwayEventSources(ctx),
]);
