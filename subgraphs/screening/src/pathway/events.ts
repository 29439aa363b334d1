import { actionPlanEvents, screeningResultEvents, trackMembershipEvents } from '@pathway-graph/shared/domain/pathway/events';
import { fromChildLoader, pathwayEventsPerRequest } from '@pathway-graph/shared/sector/pathway-events';
import type { Context } from '../context.ts';

/**
 * The screening tracks' events on a child's pathway (`ScreeningFacts.events`): track memberships, screenings and
 * action plans, through the loaders screening's own fields use: one statement per kind for all the children.
 */
export const screeningPathwayEvents = pathwayEventsPerRequest<Context>((ctx) => [
  fromChildLoader(async (id) => (await ctx.loaders.child.load(id))?.memberships ?? [], trackMembershipEvents),
  fromChildLoader((id) => ctx.loaders.resultsOfChild.load(id), screeningResultEvents),
  fromChildLoader((id) => ctx.loaders.plansOfChild.load(id), actionPlanEvents),
]);
