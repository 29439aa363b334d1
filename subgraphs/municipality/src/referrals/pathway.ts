import { furtherCourseEvents, interventionEvents, receivedLetterEvents, sentReferralEvents } from '@pathway-graph/shared/domain/pathway/events';
import { fromChildLoader, pathwayEventsPerRequest } from '@pathway-graph/shared/sector/pathway-events';
import { findFurtherCourseByChildIds, findReferralsByChildIds } from '@pathway-graph/shared/sector/referrer/repository';
import type { Context } from '../context.ts';
import { findLetterCoursesByChildIds } from '../db/letters.ts';
import { coordination } from '../coordination/service.ts';
import { transition } from './messaging.ts';
import { referrerTables } from './service.ts';

/**
 * The municipality's events on a child's pathway (`MunicipalityFacts.events`): the GP letters it received, read and
 * answered, its own interventions, the referrals to BUA it sent, its part of the further course after no assessment,
 * the transition plans it made, its contact person and network meetings. One statement per kind of record for all
 * the children of the request.
 */
export const municipalityPathwayEvents = pathwayEventsPerRequest<Context>((ctx) => [
  async (ids) => (await findLetterCoursesByChildIds(ctx.db, ids)).flatMap(receivedLetterEvents),
  fromChildLoader((id) => ctx.loaders.interventionsOfChild.load(id), interventionEvents),
  async (ids) => (await findReferralsByChildIds(ctx.db, referrerTables, ids)).flatMap(sentReferralEvents),
  async (ids) => (await findFurtherCourseByChildIds(ctx.db, referrerTables, ids)).filter((p) => p.sector === 'MUNICIPALITY').flatMap(furtherCourseEvents),
  transition.pathwayEventSource(ctx),
  ...coordination.pathwayEventSources(ctx),
]);
