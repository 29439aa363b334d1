import { childGuard, guardedFacts, selectsFact } from '@pathway-graph/shared';
import { guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import { activeMemberships, type ChildRecord } from '../db/repository.ts';
import type { ChildResolvers } from '../generated/resolvers-types.ts';
import * as openActions from '../open-actions/service.ts';
import * as plans from '../plans/service.ts';
import * as screenings from '../screenings/service.ts';
import * as tracks from '../tracks/service.ts';
import { consents } from './consent.ts';

const { record } = childGuard<ChildRecord, Context>((ctx, id) => ctx.loaders.child.load(id), guardOf);

export const Child: ChildResolvers = {
  // Always an object, also for a child screening does not know: the gateway then gets no tracks rather than an
  // error. Whether a child is in a risk group is itself screening's data, so the tracks are guarded for unknown
  // children too (a refusal only for known ones would give the answer away).
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  screeningTracks: (c, _, ctx) => tracks.childMemberships(ctx, c, 'active'),
  trackMemberships: (c, _, ctx) => tracks.childMemberships(ctx, c, 'all'),
  screenings: (c, args, ctx) => screenings.childScreenings(ctx, c.id, args),
  screeningTrends: (c, args, ctx) => screenings.childTrends(ctx, c.id, args),
  actionPlans: (c, _, ctx) => plans.childPlans(ctx, c.id),
  screeningConsents: async (c, _, ctx) => consents.list(ctx, guardOf(c.id, await record(c, ctx))),
  // For the pathway subgraph's @requires only (hidden from clients): guarded and logged like `screeningTracks`, for
  // unknown children too, but a refusal comes back as `withheld`, not as an error about fields never selected.
  screeningFacts: async (c, _, ctx, info) => {
    const r = await record(c, ctx);
    // Only when asked for: the pathway's views that need no open actions cost no look-up of them.
    const open = r && selectsFact(info, 'openActions') ? await openActions.openActionsOfChild(ctx, c.id) : [];
    return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'screeningFacts', what: "the child's screening-track membership", info }, {
      tracks: activeMemberships(r).map((t) => t.track),
      openActions: open,
    });
  },
};

