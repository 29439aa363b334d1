import { coordinationService } from '@pathway-graph/shared/sector/coordination/service';
import { buaOwnership, guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import { accessLog, consents, contactPersonEvents, networkMeetings } from '../db/schema.ts';

/** BUA's coordinating contact person per child and the network meetings it held (agreement 6.1; shared service). */
export const coordination = coordinationService<Context>({
  sector: 'BUA',
  tables: { contactPersonEvents, networkMeetings, consents, accessLog },
  ownership: buaOwnership,
  // A child BUA knows: a patient, e.g. registered by a referral.
  findChild: async (ctx, childId) => {
    const record = await ctx.loaders.child.load(childId);
    return record ? guardOf(childId, record) : null;
  },
});
