import { coordinationService } from '@pathway-graph/shared/sector/coordination/service';
import { guardOf, municipalityOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import { accessLog, consents, contactPersonEvents, networkMeetings } from '../db/schema.ts';

/**
 * The municipality's coordinating contact person per child and the network meetings it held (agreement 6.1; the
 * shared service BUA runs too). A child is the residence municipality's: the guard refuses another municipality.
 */
export const coordination = coordinationService<Context>({
  sector: 'MUNICIPALITY',
  tables: { contactPersonEvents, networkMeetings, consents, accessLog },
  ownership: municipalityOwnership,
  findChild: async (ctx, childId) => {
    const record = await ctx.loaders.child.load(childId);
    return record ? guardOf(childId, record) : null;
  },
});
