import type { ChildResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { medication } from '../referrals/messaging.ts';

export const proposePracticeMedicationAgreement: MutationResolvers['proposePracticeMedicationAgreement'] = (
  _,
  { input: { medicineName, atcCode, ...input } },
  ctx,
) => medication.propose(ctx, { ...input, medicine: { atcCode, name: medicineName } });
export const respondToPracticeMedicationAgreement: MutationResolvers['respondToPracticeMedicationAgreement'] = (_, { id, accept, reason }, ctx) =>
  medication.respond(ctx, id, { accept, reason: reason ?? null });

export const medicationMutations = { proposePracticeMedicationAgreement, respondToPracticeMedicationAgreement };

/** `Child.generalPracticeMedicationAgreements`: the practice's side of the agreements, guarded like its other fields. */
export const generalPracticeMedicationAgreements: ChildResolvers['generalPracticeMedicationAgreements'] = async (c, _, ctx) =>
  medication.forChild(ctx, guardOf(c.id, await ctx.loaders.child.load(c.id)));
