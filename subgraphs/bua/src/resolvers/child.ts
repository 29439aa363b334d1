import { childGuard, guardedFacts, selectsFact } from '@pathway-graph/shared';
import type { ChildRecord } from '../db/repository.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { ChildResolvers, PathwayResolvers } from '../generated/resolvers-types.ts';
import type { ChildModel } from '../models.ts';
import { coordination } from '../referrals/coordination.ts';
import { buaPathwayEvents } from '../referrals/pathway.ts';
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

/**
 * BUA's facts for the pathway subgraph, the same under `Child.buaFacts` and `Pathway.buaFacts`. Each costly fact is
 * looked up only when the pathway selects it (`selectsFact`), one statement per kind for all children of the request.
 */
async function buaFacts(c: ChildModel, ctx: Context, info: GraphQLResolveInfo) {
  const wantsReferrals = ['latestReferralStatus', 'holdsTreatmentResponsibility', 'treatmentResponsibilitySince'].some((f) => selectsFact(info, f));
  const [r, referrals, open, events, contactPerson] = await Promise.all([
    record(c, ctx),
    wantsReferrals ? ctx.loaders.referralsOfChild.load(c.id) : [],
    selectsFact(info, 'openActions') ? openActions.openActionsOfChild(ctx, c.id) : [],
    selectsFact(info, 'events') ? buaPathwayEvents(ctx, c.id) : [],
    selectsFact(info, 'coordinatingContactPerson') ? coordination.contactPersonFact(ctx, c.id) : null,
  ]);
  const responsible = referrals.map((row) => treatmentResponsibility(stateOf(row))).find((t) => t.holder === 'BUA');
  return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'buaFacts', what: 'whether the child is known to BUA', info }, {
    knownToBua: r !== null,
    latestReferralStatus: referrals.at(-1)?.status ?? null,
    holdsTreatmentResponsibility: responsible !== undefined,
    treatmentResponsibilitySince: responsible?.since ?? null,
    openActions: open,
    events,
    coordinatingContactPerson: contactPerson,
  });
}

/** The child's pathway as BUA contributes to it: only its facts, keyed by the child's pseudonym. */
export const Pathway: PathwayResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  buaFacts: (p, _, ctx, info) => buaFacts(p, ctx, info),
};

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
  buaFacts: (c, _, ctx, info) => buaFacts(c, ctx, info),
};
