import { consentService, readAccessLog } from '@pathway-graph/shared';
import { guardOf, screeningOwnership } from '../access.ts';
import { accessLog, consents as consentTable } from '../db/schema.ts';
import type { ConsentResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import type { Context } from '../context.ts';

export const consents = consentService<Context>({
  tables: { consents: consentTable, accessLog },
  ownership: screeningOwnership,
  recordsSector: true,
  findChild: async (ctx, childId) => {
    const record = await ctx.loaders.child.load(childId);
    return record ? guardOf(childId, record) : null;
  },
});

export const consentMutations: MutationResolvers = {
  recordScreeningConsent: (_, { input }, ctx) => consents.record(ctx, input),
  withdrawScreeningConsent: (_, { id }, ctx) => consents.withdraw(ctx, id),
};

export const Consent: ConsentResolvers = {
  active: async (row, _, ctx) => consents.isActive(ctx, row, (await ctx.loaders.child.load(row.childId))?.birthDate ?? null),
};

export const accessLogQueries: Pick<QueryResolvers, 'screeningAccessLog'> = {
  screeningAccessLog: (_, args, ctx) => readAccessLog(ctx.db, { consents: consentTable, accessLog }, 'screening', ctx.principal, args),
};
