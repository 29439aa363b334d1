import type { ChildResolvers } from '../generated/resolvers-types.ts';
import type { ChildModel } from '../models.ts';

export const Child: ChildResolvers = {
  // Nothing to load up front: each field batches its own look-up, so a reference that asks only for the tracks
  // costs one statement, and a child screening does not know still resolves (with no tracks) rather than failing.
  __resolveReference: ({ id }): ChildModel => ({ id }),
  screeningTracks: (c, _, { loaders }) => c.trackMemberships ?? loaders.trackMemberships.load(c.id),
};
