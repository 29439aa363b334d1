import {
  byDueDate,
  consentLapsesAt18,
  medicationAgreementAwaitingAcceptance,
  networkMeetingActionsOverdue,
  outcomeNotCommunicated,
  referralAwaitingVisitation,
  transitionPlanMissing,
  type OpenAction,
} from '@pathway-graph/shared/domain/open-actions/index';
import { BUA_SOR_CODE, treatmentResponsibility, type ReferralStatus } from '@pathway-graph/shared/domain/referral/index';
import { birthDatesTurning18Within } from '@pathway-graph/shared/domain/coordination/index';
import { birthDatesOfLapsingConsents } from '@pathway-graph/shared/sector/open-actions/birth-dates';
import { sectorOpenActions } from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findOpenActionSourcesByChildIds, findOpenActionSourcesOwnedBy, type BuaOpenActionSources, type BuaReferralSource } from '../db/open-actions.ts';
import { statusDisclosure, type StatusParty } from '../referrals/rules/consent.ts';

/**
 * The open actions BUA holds for a child, whoever owns them (shared/src/domain/open-actions for the rules and due
 * dates): referrals awaiting visitation and outcomes not yet communicated to those BUA may tell (BUA's), the GP's medication proposals
 * awaiting BUA's answer (a proposal of BUA's is the GP's to report: the owner's copy is the one its answer changes
 * first, so the action ends the moment the owner answers), a missing transition plan for a young person with an open referral (BUA's while it holds
 * treatment responsibility, else the municipality's), the overdue actions of BUA's network meetings, and the custody
 * holders' consents BUA keeps that lapse at 18 while a referral is open. BUA is one department: its SOR code owns them.
 */
/** The sectors BUA may not tell of the referral today (the same rule its status messages follow). */
function untellable(s: BuaOpenActionSources, r: BuaReferralSource, today: string): StatusParty[] {
  if (s.birthDate === null) return [];
  // Withdrawn consents are not among the sources, so the instant a withdrawal takes effect does not matter here.
  return statusDisclosure({ ...r, birthDate: s.birthDate }, s.heldConsents, { today, now: new Date(`${today}T12:00:00Z`) }).notTold.map((n) => n.party);
}

export function openActionsOf(s: BuaOpenActionSources, today: string, bua: string = BUA_SOR_CODE): OpenAction[] {
  const latest = s.referrals.at(-1);
  const responsible = s.referrals.some((r) => treatmentResponsibility(r).holder === 'BUA');
  const actions = [
    ...s.referrals.flatMap((r) => [referralAwaitingVisitation(r, bua, today), outcomeNotCommunicated(r, bua, today, untellable(s, r, today))]),
    ...s.medicationAgreements.map((a) => medicationAgreementAwaitingAcceptance(a, bua, today)),
    latest && s.birthDate !== null
      ? transitionPlanMissing(
          { subjectId: latest.id, birthDate: s.birthDate, active: true, hasPlan: s.hasTransitionPlan, buaHoldsTreatmentResponsibility: responsible },
          { bua, municipality: String(latest.municipalityCode) },
          today,
        )
      : null,
    ...s.meetings.flatMap((m) => networkMeetingActionsOverdue(m, today)),
    ...(s.birthDate === null ? [] : s.consents.map((c) => consentLapsesAt18(c, { birthDate: s.birthDate!, activePathway: latest !== undefined }, 'BUA', today))),
  ];
  return actions.filter((a): a is OpenAction => a !== null).sort(byDueDate);
}

export const { openActionsOfChild, ownedOpenActionKeys, ownedOpenActions } = sectorOpenActions<Context, BuaOpenActionSources, { referralStatus?: ReferralStatus | null }>({
  ofChild: (ctx, childId) => ctx.loaders.openActionSources.load(childId),
  ownedBy: (ctx, f) => {
    const today = ctx.access.today;
    const transition = birthDatesTurning18Within(today);
    return findOpenActionSourcesOwnedBy(
      ctx.db,
      {
        owner: { sector: ctx.principal.sector, organisation: ctx.principal.organisation },
        today,
        transitionBornIn: { after: transition.bornAfter, onOrBefore: transition.bornOnOrBefore },
        consentBornIn: birthDatesOfLapsingConsents(today),
        referralStatus: f.referralStatus ?? null,
      },
      BUA_SOR_CODE,
    );
  },
  ofChildren: (ctx, childIds) => findOpenActionSourcesByChildIds(ctx.db, childIds),
  actionsOf: (ctx, s) => openActionsOf(s, ctx.access.today),
});
