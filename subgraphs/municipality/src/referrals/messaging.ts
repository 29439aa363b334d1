import { MUNICIPALITY_INBOXES, type MessageHandlers } from '@pathway-graph/shared';
import { referralDelivery, referrerMessageHandlers } from '@pathway-graph/shared/sector/referrer/messaging';
import { treatmentResponsibility } from '@pathway-graph/shared/domain/referral/index';
import { referralState } from '@pathway-graph/shared/sector/referrer/model';
import { findReferralsByChildIds } from '@pathway-graph/shared/sector/referrer/repository';
import { transitionPlanService } from '@pathway-graph/shared/sector/transition/service';
import { guardOf, municipalityOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import type { MunicipalityDb } from '../db/repository.ts';
import { accessLog, consents, transitionPlans } from '../db/schema.ts';
import { disclosureToBua } from '../interventions/service.ts';
import { outbox } from '../letters/messaging.ts';
import { referrerTables } from './service.ts';

/** The transition plan at 18, made by the municipality when BUA does not hold treatment responsibility. */
export const transition = transitionPlanService<Context>({
  sector: 'MUNICIPALITY',
  tables: { transitionPlans, consents, accessLog },
  ownership: municipalityOwnership,
  outbox,
  findChild: async (ctx, childId) => {
    const record = await ctx.loaders.child.load(childId);
    return record ? { ...guardOf(childId, record), birthDate: record.birthDate } : null;
  },
  // As far as BUA's status messages told the municipality (its own referrals and those it is a party to).
  buaHoldsTreatmentResponsibility: async (ctx, child) =>
    (await findReferralsByChildIds(ctx.db, referrerTables, [child.id])).some((row) => treatmentResponsibility(referralState(row)).holder === 'BUA'),
  // The same rule as for interventions: BUA is told while it holds an active referral and a consent allows it.
  sharesWithOther: async (tx, ctx, child) => (await disclosureToBua(tx as unknown as MunicipalityDb, ctx, child)).send,
});

/** What BUA (and the GP, for the joint decision) sends the municipality about referrals and transition plans. */
export const referralHandlers = (pseudonymSecret: string): Omit<MessageHandlers<'municipality', MunicipalityDb>, 'correspondence-letter' | 'relative-registration' | 'reply-acknowledgement'> => ({
  ...referrerMessageHandlers({
    sector: 'MUNICIPALITY',
    tables: referrerTables,
    pseudonymSecret,
    knowsOrganisation: async (_tx, code) => MUNICIPALITY_INBOXES.some((m) => String(m.code) === code),
  }),
  'transition-plan': transition.receive,
});

export const referralDeliveryHooks = referralDelivery(referrerTables);
