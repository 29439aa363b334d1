import { coordinationService } from '@pathway-graph/shared/sector/coordination/service';
import { generalPracticeOwnership, guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import { accessLog, consents, contactPersonEvents, networkMeetings } from '../db/schema.ts';

/**
 * The practice's coordinating contact person per child (agreement 6.1; the shared service BUA runs too). A child is
 * its listed practice's: the guard refuses every other practice, and a child listed nowhere has no practice to record.
 */
export const coordination = coordinationService<Context>({
  sector: 'GENERAL_PRACTICE',
  tables: { contactPersonEvents, networkMeetings, consents, accessLog },
  ownership: generalPracticeOwnership,
  findChild: async (ctx, childId) => {
    const record = await ctx.loaders.child.load(childId);
    return record?.listedPractice ? guardOf(childId, record) : null;
  },
});
