import { childGuard, guardedFacts, selectsFact } from '@pathway-graph/shared';
import { guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import { activeMemberships, type ChildRecord } from '../db/repository.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { ChildResolvers, PathwayResolvers } from '../generated/resolvers-types.ts';
import type { ChildModel } from '../models.ts';
import * as openActions from '../open-actions/service.ts';
import { screeningPathwayEvents } from '../pathway/events.ts';
import * as plans from '../plans/service.ts';
import * as screenings from '../screenings/service.ts';
import * as tracks from '../tracks/service.ts';
import { consents } from './consent.ts';

const { record } = childGuard<ChildRecord, Context>((ctx, id) => ctx.loaders.child.load(id), guardOf);

/**
 * The screening tracks' facts for the pathway subgraph, the same under `Child.screeningFacts` and
 * `Pathway.screeningFacts`; open actions and events are looked up only when the pathway selects them.
 */
async function screeningFacts(c: ChildModel, ctx: Context, info: GraphQLResolveInfo) {
  const [r, events] = await Promise.all([record(c, ctx), selectsFact(info, 'events') ? screeningPathwayEvents(ctx, c.id) : []]);
  // Only when asked for: the pathway's views that need no open actions cost no look-up of them.
  const open = r && selectsFact(info, 'openActions') ? await openActions.openActionsOfChild(ctx, c.id) : [];
  return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'screeningFacts', what: "the child's screening-track membership", info }, {
    tracks: activeMemberships(r).map((t) => t.track),
    events,
    openActions: open,
  });
}

/** The child's pathway as the screening tracks contribute to it: only their facts, keyed by the child's pseudonym. */
export const Pathway: PathwayResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  screeningFacts: (p, _, ctx, info) => screeningFacts(p, ctx, info),
};

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
  screeningFacts: (c, _, ctx, info) => screeningFacts(c, ctx, info),
};

