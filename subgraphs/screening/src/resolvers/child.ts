import { childGuard, guardedFacts } from '@pathway-graph/shared';
import type { ChildRecord } from '../db/repository.ts';
import type { ChildResolvers } from '../generated/resolvers-types.ts';
import { guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import { consents } from './consent.ts';

const { record, guarded } = childGuard<ChildRecord, Context>((ctx, id) => ctx.loaders.child.load(id), guardOf);

export const Child: ChildResolvers = {
  // Always an object, also for a child screening does not know: the gateway then gets no tracks rather than an
  // error. Whether a child is in a risk group is itself screening's data, so the tracks are guarded for unknown
  // children too (a refusal only for known ones would give the answer away).
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  screeningTracks: async (c, _, ctx) =>
    (await guarded(c, ctx, 'screeningTracks', "the child's screening-track membership"))?.tracks ?? [],
  screeningConsents: async (c, _, ctx) => consents.list(ctx, guardOf(c.id, await record(c, ctx))),
  // For the pathway subgraph's @requires only (hidden from clients): guarded and logged like `screeningTracks`, for
  // unknown children too, but a refusal comes back as `withheld`, not as an error about fields never selected.
  screeningFacts: async (c, _, ctx, info) => {
    const r = await record(c, ctx);
    return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'screeningFacts', what: "the child's screening-track membership", info }, {
      tracks: r?.tracks.map((t) => t.track) ?? [],
    });
  },
};
