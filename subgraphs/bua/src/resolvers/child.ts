import type { ChildRecord } from '../db/repository.ts';
import type { ChildResolvers } from '../generated/resolvers-types.ts';
import type { Context } from '../context.ts';
import type { ChildModel } from '../models.ts';

function record(child: ChildModel, { loaders }: Context): Promise<ChildRecord | null> | ChildRecord | null {
  return child.record !== undefined ? child.record : loaders.child.load(child.id);
}

export const Child: ChildResolvers = {
  // Always an object, also for a child BUA does not know: the gateway then gets `knownToBua: false` and a null
  // patient rather than an error.
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  knownToBua: async (c, _, ctx) => (await record(c, ctx)) !== null,
  buaPatient: (c, _, ctx) => record(c, ctx),
};
