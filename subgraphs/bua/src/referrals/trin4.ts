import { medicationAgreementService } from '@pathway-graph/shared/sector/medication/service';
import { transitionPlanService } from '@pathway-graph/shared/sector/transition/service';
import { buaOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import { openReferralMunicipality } from '../db/referrals.ts';
import type { BuaDb } from '../db/repository.ts';
import { accessLog, consents, medicationAgreements, transitionPlans } from '../db/schema.ts';
import { outbox } from './messaging.ts';
import { referralGuard } from './service.ts';

const sectorTables = { consents, accessLog };

/** Trin 4 on BUA's side: the medication agreements with the child's GP (the same service runs in general practice). */
export const medication = medicationAgreementService<Context>({
  party: 'BUA',
  tables: { medicationAgreements, ...sectorTables },
  outbox,
  findReferral: async (ctx, referralId) => {
    const row = await ctx.loaders.referral.load(referralId.toLowerCase());
    if (!row) return null;
    return { childId: row.childId, ydernummer: row.ydernummer, guard: referralGuard(row), treatmentDecided: row.visitationDecision === 'ASSESSMENT' };
  },
  guardOf: async (_ctx, row) => ({ id: row.childId, known: true, birthDate: null, ownerOrganisation: null }),
});

/** The transition plan at 18, made by BUA while it holds treatment responsibility (the municipality runs the same). */
export const transition = transitionPlanService<Context>({
  sector: 'BUA',
  tables: { transitionPlans, ...sectorTables },
  ownership: buaOwnership,
  outbox,
  findChild: async (ctx, childId) => {
    const rows = await ctx.loaders.referralsOfChild.load(childId);
    const first = rows[0];
    return first ? { ...referralGuard(first), birthDate: first.birthDate } : null;
  },
  // The municipality of the open referral is told, the referral's consents covering the pathway's coordination.
  sharesWithOther: async (tx, _ctx, child) => (await openReferralMunicipality(tx as unknown as BuaDb, child.id)) !== null,
});
