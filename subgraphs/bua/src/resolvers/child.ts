import { childGuard, guardedFacts, selectsFact } from '@pathway-graph/shared';
import type { ChildRecord } from '../db/repository.ts';
import type { ChildResolvers } from '../generated/resolvers-types.ts';
import { treatmentResponsibility } from '@pathway-graph/shared/domain/referral/index';
import { guardOf } from '../access.ts';
import { stateOf } from '../referrals/model.ts';
import type { Context } from '../context.ts';
import { consents } from './consent.ts';
import * as openActions from '../open-actions/service.ts';

const { record, guarded } = childGuard<ChildRecord, Context>((ctx, id) => ctx.loaders.child.load(id), guardOf);

/** The patient registration as the API shows it: never the CPR number or the derived birth date. */
function asPatient(r: ChildRecord): { registeredOn: string; synthetic: boolean } {
  return { registeredOn: r.registeredOn, synthetic: r.synthetic };
}

export const Child: ChildResolvers = {
  // Always an object, also for a child BUA does not know: the gateway then gets `knownToBua: false` and a null
  // patient rather than an error. Whether BUA knows a child is itself BUA's data, so both fields are guarded, for
  // unknown children too (a refusal only for known ones would give the answer away).
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  knownToBua: async (c, _, ctx) => (await guarded(c, ctx, 'knownToBua', 'whether the child is known to BUA')) !== null,
  buaPatient: async (c, _, ctx) => {
    const r = await guarded(c, ctx, 'buaPatient', "the child's registration as a BUA patient");
    return r ? asPatient(r) : null;
  },
  buaConsents: async (c, _, ctx) => consents.list(ctx, guardOf(c.id, await record(c, ctx))),
  // For the pathway subgraph's @requires only (hidden from clients): guarded and logged like `knownToBua`, for unknown
  // children too, but a refusal comes back as `withheld`, not as an error about fields the client never selected.
  buaFacts: async (c, _, ctx, info) => {
    const wantsReferrals = ['latestReferralStatus', 'holdsTreatmentResponsibility', 'treatmentResponsibilitySince'].some((f) => selectsFact(info, f));
    const [r, referrals, open] = await Promise.all([
      record(c, ctx),
      wantsReferrals ? ctx.loaders.referralsOfChild.load(c.id) : [],
      selectsFact(info, 'openActions') ? openActions.openActionsOfChild(ctx, c.id) : [],
    ]);
    const responsible = referrals.map((row) => treatmentResponsibility(stateOf(row))).find((t) => t.holder === 'BUA');
    return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'buaFacts', what: 'whether the child is known to BUA', info }, {
      knownToBua: r !== null,
      latestReferralStatus: referrals.at(-1)?.status ?? null,
      holdsTreatmentResponsibility: responsible !== undefined,
      treatmentResponsibilitySince: responsible?.since ?? null,
      openActions: open,
    });
  },
};
