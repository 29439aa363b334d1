import { childGuard, guardedFacts, selectsFact } from '@pathway-graph/shared';
import * as openActions from '../open-actions/service.ts';
import type { ChildRecord } from '../db/repository.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { ChildResolvers, PathwayResolvers } from '../generated/resolvers-types.ts';
import type { ChildModel } from '../models.ts';
import { generalPracticePathwayEvents } from '../referrals/pathway.ts';

import { guardOf } from '../access.ts';
import { coordination } from '../coordination/service.ts';
import type { Context } from '../context.ts';
import { consents } from './consent.ts';

const { record, guarded } = childGuard<ChildRecord, Context>((ctx, id) => ctx.loaders.child.load(id), guardOf);

/**
 * General practice's facts for the pathway subgraph, the same under `Child.generalPracticeFacts` and
 * `Pathway.generalPracticeFacts`; open actions, events and the contact person are looked up only when the pathway selects them.
 */
async function generalPracticeFacts(c: ChildModel, ctx: Context, info: GraphQLResolveInfo) {
  const [r, open, events, contactPerson] = await Promise.all([
    record(c, ctx),
    selectsFact(info, 'openActions') ? openActions.openActionsOfChild(ctx, c.id) : [],
    selectsFact(info, 'events') ? generalPracticePathwayEvents(ctx, c.id) : [],
    selectsFact(info, 'coordinatingContactPerson') ? coordination.contactPersonFact(ctx, c.id) : null,
  ]);
  return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'generalPracticeFacts', what: 'the practice the child is listed with', info }, {
    ydernummer: r?.listedPractice ?? null,
    openActions: open,
    events,
    coordinatingContactPerson: contactPerson,
  });
}

/** The child's pathway as general practice contributes to it: only its facts, keyed by the child's pseudonym. */
export const Pathway: PathwayResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  generalPracticeFacts: (p, _, ctx, info) => generalPracticeFacts(p, ctx, info),
};

export const Child: ChildResolvers = {
  // Always an object, also for a child general practice does not know: the gateway then gets
  // `listedPractice: null` rather than an error. The fields are guarded one by one, so a refused field does not take
  // the rest of the answer with it.
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  listedPractice: async (c, _, ctx) => {
    const r = await guarded(c, ctx, 'listedPractice', 'the practice the child is listed with');
    // The practice itself is reference data: once the listing may be seen, so may the practice's name and numbers.
    return r?.listedPractice ? ctx.loaders.practice.load(r.listedPractice) : null;
  },
  generalPracticeConsents: async (c, _, ctx) => consents.list(ctx, guardOf(c.id, await record(c, ctx))),
  // For the pathway subgraph's @requires only (hidden from clients): guarded and logged like `listedPractice`, but a
  // refusal comes back as `withheld`, not as an error about fields the client never selected.
  generalPracticeFacts: (c, _, ctx, info) => generalPracticeFacts(c, ctx, info),
};
