import type { ChildRecord } from '../db/repository.ts';
import type { ChildResolvers } from '../generated/resolvers-types.ts';
import type { Context } from '../context.ts';
import type { ChildModel } from '../models.ts';

function record(child: ChildModel, { loaders }: Context): Promise<ChildRecord | null> | ChildRecord | null {
  return child.record !== undefined ? child.record : loaders.child.load(child.id);
}

export const Child: ChildResolvers = {
  // Always an object, also for a child this municipality does not know: the gateway then gets nulls and
  // `knownToMunicipality: false` rather than an error.
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  birthDate: async (c, _, ctx) => (await record(c, ctx))?.birthDate ?? null,
  residenceMunicipality: async (c, _, ctx) => {
    const r = await record(c, ctx);
    return r ? ctx.loaders.municipality.load(r.residenceMunicipalityCode) : null;
  },
  knownToMunicipality: async (c, _, ctx) => (await record(c, ctx))?.knownToMunicipality ?? false,
  synthetic: async (c, _, ctx) => (await record(c, ctx))?.synthetic ?? false,
};
