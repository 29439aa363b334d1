import type { ChildResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import { medication } from '../referrals/trin4.ts';

export const proposeBuaMedicationAgreement: MutationResolvers['proposeBuaMedicationAgreement'] = (_, { input: { medicineName, atcCode, ...input } }, ctx) =>
  medication.propose(ctx, { ...input, medicine: { atcCode, name: medicineName } });
export const respondToBuaMedicationAgreement: MutationResolvers['respondToBuaMedicationAgreement'] = (_, { id, accept, reason }, ctx) =>
  medication.respond(ctx, id, { accept, reason: reason ?? null });

export const medicationMutations = { proposeBuaMedicationAgreement, respondToBuaMedicationAgreement };

/** `Child.buaMedicationAgreements`: BUA's side of the agreements, guarded like BUA's other fields about the child. */
export const buaMedicationAgreements: ChildResolvers['buaMedicationAgreements'] = async (c, _, ctx) =>
  medication.forChild(ctx, guardOf(c.id, c.record === undefined ? await ctx.loaders.child.load(c.id) : c.record));
