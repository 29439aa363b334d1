import type { ChildResolvers, MunicipalInterventionResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { followUpIntervention, interventionsOfChild, recordIntervention } from '../interventions/service.ts';
import { transition } from '../referrals/messaging.ts';

export const municipalInterventions: ChildResolvers['municipalInterventions'] = async (c, _, ctx) =>
  interventionsOfChild(ctx, guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record));
export const municipalityTransitionPlan: ChildResolvers['municipalityTransitionPlan'] = async (c, _, ctx) =>
  transition.current(ctx, guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record));

export const recordMunicipalIntervention: MutationResolvers['recordMunicipalIntervention'] = (_, { input }, ctx) => recordIntervention(ctx, input);
export const followUpMunicipalIntervention: MutationResolvers['followUpMunicipalIntervention'] = (_, { id, input }, ctx) => followUpIntervention(ctx, id, input);
export const recordMunicipalityTransitionPlan: MutationResolvers['recordMunicipalityTransitionPlan'] = (_, { input }, ctx) => transition.record(ctx, input);

export const MunicipalIntervention: MunicipalInterventionResolvers = {
  child: (row) => ({ id: row.childId }),
  pathwayStep: (row) => row.step,
};

export const interventionChildFields = { municipalInterventions, municipalityTransitionPlan };
export const interventionMutations = { recordMunicipalIntervention, followUpMunicipalIntervention, recordMunicipalityTransitionPlan };
