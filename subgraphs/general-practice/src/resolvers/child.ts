import type { ChildResolvers } from '../generated/resolvers-types.ts';

export const Child: ChildResolvers = {
  // Always an object, also for a child general practice does not know: the gateway then gets
  // `listedPractice: null` rather than an error.
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  listedPractice: async (c, _, { loaders }) => {
    const record = c.record !== undefined ? c.record : await loaders.child.load(c.id);
    return record?.listedPractice ? loaders.practice.load(record.listedPractice) : null;
  },
};
