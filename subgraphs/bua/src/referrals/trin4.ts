import { eighteenthBirthday, findConsentsByChildIds, forbidden, pageSize, toConsentRecord } from '@pathway-graph/shared';
import { birthDatesTurning18Within, missingTransitionPlanAction } from '@pathway-graph/shared/domain/coordination/index';
import { treatmentResponsibility } from '@pathway-graph/shared/domain/referral/index';
import { medicationAgreementService } from '@pathway-graph/shared/sector/medication/service';
import { transitionPlanService } from '@pathway-graph/shared/sector/transition/service';
import { buaOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import { findOpenReferralOfChild, listMissingTransitionPlans } from '../db/referrals.ts';
import type { BuaDb } from '../db/repository.ts';
import { accessLog, consents, medicationAgreements, transitionPlans } from '../db/schema.ts';
import { outbox } from './messaging.ts';
import { statusDisclosure } from './rules/consent.ts';
import { buaReferralModel, stateOf, type BuaReferralModel } from './model.ts';
import { BUA_REFERRAL_PART, referralGuard } from './service.ts';

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
  buaHoldsTreatmentResponsibility: async (ctx, child) =>
    (await ctx.loaders.referralsOfChild.load(child.id)).some((row) => treatmentResponsibility(stateOf(row)).holder === 'BUA'),
  // The municipality of the open referral is told on the same consents as the referral's course (statusDisclosure): a
  // custody holder's no longer counts once the young person is 18, which is when a transition plan is made.
  sharesWithOther: async (tx, ctx, child) => {
    const db = tx as unknown as BuaDb;
    const referral = await findOpenReferralOfChild(db, child.id);
    if (!referral) return false;
    const held = (await findConsentsByChildIds(db, sectorTables, [child.id])).map(toConsentRecord);
    return statusDisclosure(referral, held, { today: ctx.access.today, now: ctx.access.now }).tell.includes('MUNICIPALITY');
  },
});

export interface MissingTransitionPlanModel {
  child: { id: string };
  referral: BuaReferralModel;
  turns18On: string;
  dueOn: string;
  overdue: boolean;
}

/**
 * The missing transition plans that are BUA's open actions: young people under BUA's treatment responsibility who turn
 * 18 within six months and have no plan (the shared rule decides each one). BUA's own staff only: a list of children.
 */
export async function missingTransitionPlans(ctx: Context, first: number | null | undefined): Promise<MissingTransitionPlanModel[]> {
  if (!ctx.access.isOwnerSector) {
    throw forbidden("BUA's open actions are the department's own; other sectors see their own.", { rule: 'OWNER_SECTOR_ONLY' });
  }
  const rows = await listMissingTransitionPlans(ctx.db, birthDatesTurning18Within(ctx.access.today), pageSize(first), undefined);
  const models = await Promise.all(
    rows.map(async (row) => {
      await ctx.access.read(referralGuard(row), BUA_REFERRAL_PART, 'the referrals BUA received and their course');
      const action = missingTransitionPlanAction({
        birthDate: row.birthDate,
        today: ctx.access.today,
        activePathway: true,
        hasPlan: false,
        buaHoldsTreatmentResponsibility: treatmentResponsibility(stateOf(row)).holder === 'BUA',
      });
      return action === null || action.owner !== 'BUA'
        ? null
        : { child: { id: row.childId }, referral: buaReferralModel(row, ctx.access.now), turns18On: eighteenthBirthday(row.birthDate), dueOn: action.dueOn, overdue: action.overdue };
    }),
  );
  return models.filter((m) => m !== null);
}
