import type { MessageHandlers, MessagingDb } from '@pathway-graph/shared';
import { medicationAgreementService } from '@pathway-graph/shared/sector/medication/service';
import { referralDelivery, referrerMessageHandlers } from '@pathway-graph/shared/sector/referrer/messaging';
import { findReferralsByIds } from '@pathway-graph/shared/sector/referrer/repository';
import type { Context } from '../context.ts';
import { findPracticesByYdernumre, type GeneralPracticeDb } from '../db/repository.ts';
import { accessLog, consents, medicationAgreements } from '../db/schema.ts';
import { outbox } from '../letters/messaging.ts';
import { referrerTables, referrals } from './service.ts';

const asDb = (tx: MessagingDb) => tx as unknown as GeneralPracticeDb;

/** Trin 4 on the GP's side: the medication agreements with BUA (the same service runs in BUA). */
export const medication = medicationAgreementService<Context>({
  party: 'GENERAL_PRACTICE',
  tables: { medicationAgreements, consents, accessLog },
  outbox,
  findReferral: async (ctx, referralId) => {
    const referral = await referrals.get(ctx, referralId).catch(() => null);
    if (!referral || referral.ydernummer !== ctx.access.principal.organisation) return null;
    return {
      childId: referral.child.id,
      ydernummer: referral.ydernummer,
      guard: { id: referral.child.id, known: true, birthDate: null, ownerOrganisation: referral.ydernummer },
      treatmentDecided: referral.visitation?.decision === 'ASSESSMENT',
    };
  },
  guardOf: async (_ctx, row) => ({ id: row.childId, known: true, birthDate: null, ownerOrganisation: row.ydernummer }),
});

/** What BUA (and the municipality, for the joint decision) sends general practice about referrals and Trin 4. */
export const referralHandlers = (pseudonymSecret: string): Omit<MessageHandlers<'general-practice', GeneralPracticeDb>, 'letter-receipt' | 'correspondence-reply' | 'letter-acknowledgement'> => ({
  ...referrerMessageHandlers({
    sector: 'GENERAL_PRACTICE',
    tables: referrerTables,
    pseudonymSecret,
    knowsOrganisation: async (tx, ydernummer) => (await findPracticesByYdernumre(asDb(tx), [ydernummer])).length > 0,
  }),
  ...medication.handlers({
    // The agreement continues a referral this practice holds (sent, or told of by BUA).
    knowsReferral: async (tx, referralId, ydernummer) =>
      (await findReferralsByIds(tx, referrerTables, [referralId])).some((r) => r.organisation === ydernummer),
  }),
});

export const referralDeliveryHooks = referralDelivery(referrerTables);
