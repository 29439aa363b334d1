import { buaReferralEvents } from '@pathway-graph/shared/domain/pathway/events';
import { fromChildLoader, pathwayEventsPerRequest } from '@pathway-graph/shared/sector/pathway-events';
import type { Context } from '../context.ts';
import { coordination } from './coordination.ts';
import { medication, transition } from './trin4.ts';

/**
 * BUA's events on a child's pathway (`BuaFacts.events`): its course of each referral, its medication agreements, its
 * contact person and network meetings, its transition plans. One statement per kind of record for all the children
 * of the request, shared with BUA's own fields that load the same rows.
 */
export const buaPathwayEvents = pathwayEventsPerRequest<Context>((ctx) => [
  fromChildLoader(
    (id) => ctx.loaders.referralsOfChild.load(id),
    (r) =>
      buaReferralEvents({
        id: r.id,
        childId: r.childId,
        history: r.history,
        visitationDecision: r.visitationDecision,
        outcomeConclusion: r.outcome?.conclusion ?? null,
        communicated: r.communicated,
        parentsToldAt: r.parentCommunication?.at ?? null,
      }),
  ),
  medication.pathwayEventSource(ctx),
  transition.pathwayEventSource(ctx),
  ...coordination.pathwayEventSources(ctx),
]);
