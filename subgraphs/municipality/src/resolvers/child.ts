import { childGuard, guardedFacts, selectsFact } from '@pathway-graph/shared';
import * as openActions from '../open-actions/service.ts';
import type { ChildRecord } from '../db/repository.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { ChildResolvers, PathwayResolvers } from '../generated/resolvers-types.ts';
import type { ChildModel } from '../models.ts';
import { municipalityPathwayEvents } from '../referrals/pathway.ts';

import { guardOf } from '../access.ts';
import { coordination } from '../coordination/service.ts';
import type { Context } from '../context.ts';
import { consents } from './consent.ts';

const { record, guarded } = childGuard<ChildRecord, Context>((ctx, id) => ctx.loaders.child.load(id), guardOf);

/**
 * The municipality's facts for the pathway subgraph, the same under `Child.municipalityFacts` and
 * `Pathway.municipalityFacts`; open actions, events and the contact person are looked up only when the pathway selects them.
 */
async function municipalityFacts(c: ChildModel, ctx: Context, info: GraphQLResolveInfo) {
  const [r, open, events, contactPerson] = await Promise.all([
    record(c, ctx),
    selectsFact(info, 'openActions') ? openActions.openActionsOfChild(ctx, c.id) : [],
    selectsFact(info, 'events') ? municipalityPathwayEvents(ctx, c.id) : [],
    selectsFact(info, 'coordinatingContactPerson') ? coordination.contactPersonFact(ctx, c.id) : null,
  ]);
  return guardedFacts(ctx.access, guardOf(c.id, r), { field: 'municipalityFacts', what: 'the date of birth and whether the child has a municipal case', info }, {
    birthDate: r?.birthDate ?? null,
    knownToMunicipality: r?.knownToMunicipality ?? false,
    openActions: open,
    events,
    coordinatingContactPerson: contactPerson,
  });
}

/** The child's pathway as the municipality contributes to it: only its facts, keyed by the child's pseudonym. */
export const Pathway: PathwayResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  municipalityFacts: (p, _, ctx, info) => municipalityFacts(p, ctx, info),
};

export const Child: ChildResolvers = {
  // Always an object, also for a child this municipality does not know: the gateway then gets nulls rather than an
  // error. The fields are guarded one by one, so a refused field does not take the rest of the answer with it.
  __resolveReference: async ({ id }, ctx) => ({ id, record: await ctx.loaders.child.load(id) }),
  birthDate: async (c, _, ctx) => (await guarded(c, ctx, 'birthDate', 'the date of birth'))?.birthDate ?? null,
  residenceMunicipality: async (c, _, ctx) => {
    const r = await guarded(c, ctx, 'residenceMunicipality', 'the residence municipality');
    return r ? ctx.loaders.municipality.load(r.residenceMunicipalityCode) : null;
  },
  knownToMunicipality: async (c, _, ctx) =>
    (await guarded(c, ctx, 'knownToMunicipality', 'whether the child has a municipal case'))?.knownToMunicipality ?? false,
  // Guarded too: whether there is a record to be synthetic tells whether the municipality knows the child.
  synthetic: async (c, _, ctx) => (await guarded(c, ctx, 'synthetic', 'whether the record is synthetic demo data'))?.synthetic ?? null,
  municipalityConsents: async (c, _, ctx) => consents.list(ctx, guardOf(c.id, await record(c, ctx))),
  // For the pathway subgraph's @requires only (hidden from clients): guarded and logged like the fields above, but a
  // refusal comes back as `withheld`, not as an error about fields the client never selected.
  municipalityFacts: (c, _, ctx, info) => municipalityFacts(c, ctx, info),
};
