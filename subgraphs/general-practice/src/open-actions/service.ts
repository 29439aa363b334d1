import {
  byDueDate,
  consentLapsesAt18,
  medicationAgreementAwaitingAcceptance,
  networkMeetingActionsOverdue,
  noAssessmentCourseNotAgreed,
  type OpenAction,
} from '@pathway-graph/shared/domain/open-actions/index';
import { BUA_SOR_CODE } from '@pathway-graph/shared/domain/referral/index';
import { birthDatesOfLapsingConsents } from '@pathway-graph/shared/sector/open-actions/birth-dates';
import { sectorOpenActions } from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findOpenActionSourcesByChildIds, findOpenActionSourcesOwnedBy, type GeneralPracticeOpenActionSources } from '../db/open-actions.ts';

/**
 * The open actions general practice holds for a child, whoever owns them (shared/src/domain/open-actions for the
 * rules and due dates): the practice's own part of the joint decision after no need for assessment, its answer to
 * BUA's medication proposals (its own copy of the agreement is the one its answer changes first), the overdue
 * actions of the network meetings it recorded, the custody holders' consents it keeps that lapse at 18 while a
 * referral to BUA is active. A letter's overdue reply is not among them: the municipality owes it and reports it.
 */
export function openActionsOf(s: GeneralPracticeOpenActionSources, today: string): OpenAction[] {
  const activePathway = s.referrals.some((r) => r.status !== 'CLOSED');
  const actions = [
    ...s.referrals.map((r) =>
      noAssessmentCourseNotAgreed({ referralId: r.id, visitation: r.visitation, partsRecordedBy: r.partsRecordedBy }, { sector: 'GENERAL_PRACTICE', organisation: r.organisation }, today),
    ),
    ...s.medicationAgreements.map((a) => medicationAgreementAwaitingAcceptance(a, BUA_SOR_CODE, today)),
    ...s.meetings.flatMap((m) => networkMeetingActionsOverdue(m, today)),
    ...(s.birthDate === null ? [] : s.consents.map((c) => consentLapsesAt18(c, { birthDate: s.birthDate!, activePathway }, 'GENERAL_PRACTICE', today))),
  ];
  return actions.filter((a): a is OpenAction => a !== null).sort(byDueDate);
}

export const { openActionsOfChild, ownedOpenActionKeys, ownedOpenActions } = sectorOpenActions<Context, GeneralPracticeOpenActionSources, void>({
  ofChild: (ctx, childId) => ctx.loaders.openActionSources.load(childId),
  ownedBy: (ctx) => {
    const today = ctx.access.today;
    const owner = { sector: ctx.principal.sector, organisation: ctx.principal.organisation };
    return findOpenActionSourcesOwnedBy(ctx.db, { owner, today, bornIn: birthDatesOfLapsingConsents(today) });
  },
  ofChildren: (ctx, childIds) => findOpenActionSourcesByChildIds(ctx.db, childIds),
  actionsOf: (ctx, s) => openActionsOf(s, ctx.access.today),
});
