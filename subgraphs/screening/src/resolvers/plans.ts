import type { ActionPlanResolvers, MutationResolvers, OpenScreeningActionResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import * as plans from '../plans/service.ts';
import * as screenings from '../screenings/service.ts';

export const createActionPlan: MutationResolvers['createActionPlan'] = (_, { input }, ctx) => plans.createActionPlan(ctx, input);
export const openScreeningActions: QueryResolvers['openScreeningActions'] = (_, args, ctx) => plans.openActions(ctx, args);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Every ActionPlan reaching these resolvers has passed the access guard (plans/service.ts); its result is addressed
// to everyone the plan is.
export const ActionPlan: ActionPlanResolvers = {
  child: (p) => ({ id: p.childId }),
  screeningResult: (p, _, ctx) => screenings.getResult(ctx, p.screeningResultId),
  offers: (p) => p.offerIds.map((id) => ({ id })),
  municipality: (p) => (p.municipalityCode === null ? null : { code: p.municipalityCode }),
  responsible: (p) => ({ sector: p.responsibleSector, organisation: p.responsibleOrganisation, personName: p.responsiblePersonName, phone: p.responsiblePersonPhone }),
  createdBy: (p) => ({ sector: p.createdBySector, organisation: p.createdByOrganisation, name: p.createdByName }),
  daysFromScreening: async (p, _, ctx) => daysBetween((await ctx.loaders.result.load(p.screeningResultId))!.screeningDate, p.createdOn),
};

export const OpenScreeningAction: OpenScreeningActionResolvers = {
  child: (a) => ({ id: a.result.childId }),
  track: (a) => a.result.track,
  screeningResult: (a) => a.result,
};
