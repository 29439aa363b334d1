import {
  byDueDate,
  consentLapsesAt18,
  letterReplyOverdue,
  networkMeetingActionsOverdue,
  noAssessmentCourseNotAgreed,
  transitionPlanMissing,
  type OpenAction,
} from '@pathway-graph/shared/domain/open-actions/index';
import { birthDatesTurning18Within } from '@pathway-graph/shared/domain/coordination/index';
import { BUA_SOR_CODE } from '@pathway-graph/shared/domain/referral/index';
import { birthDatesOfLapsingConsents } from '@pathway-graph/shared/sector/open-actions/birth-dates';
import { sectorOpenActions } from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findOpenActionSourcesByChildIds, findOpenActionSourcesOwnedBy, type LetterSource, type MunicipalityOpenActionSources } from '../db/open-actions.ts';

/**
 * The open actions the municipality holds for a child, whoever owns them (shared/src/domain/open-actions for the
 * rules and due dates): its letters not answered by their deadline, its own part of the joint decision after no need
 * for assessment, the overdue actions of the network meetings it recorded, the custody holders' consents it keeps that
 * lapse at 18 while its case with the child is open (or a referral to BUA is), and a missing transition plan for a
 * young person with an open case and no open referral at BUA (with one, BUA reports it, owned by the municipality
 * unless BUA holds treatment responsibility: one sector per action).
 */
export function openActionsOf(s: MunicipalityOpenActionSources, today: string): OpenAction[] {
  const referredToBua = s.referrals.some((r) => r.status !== 'CLOSED');
  const activePathway = s.openCase || referredToBua;
  const actions = [
    s.openCaseId !== null && s.birthDate !== null && s.municipalityCode !== null && !referredToBua
      ? transitionPlanMissing(
          { subjectId: s.openCaseId, birthDate: s.birthDate, active: true, hasPlan: s.hasTransitionPlan, buaHoldsTreatmentResponsibility: false },
          { bua: BUA_SOR_CODE, municipality: String(s.municipalityCode) },
          today,
        )
      : null,
    ...s.letters.map((l) => letterReplyOverdue(l, today)),
    ...s.referrals.map((r) =>
      noAssessmentCourseNotAgreed({ referralId: r.id, visitation: r.visitation, partsRecordedBy: r.partsRecordedBy }, { sector: 'MUNICIPALITY', organisation: r.organisation }, today),
    ),
    ...s.meetings.flatMap((m) => networkMeetingActionsOverdue(m, today)),
    ...(s.birthDate === null ? [] : s.consents.map((c) => consentLapsesAt18(c, { birthDate: s.birthDate!, activePathway }, 'MUNICIPALITY', today))),
  ];
  return actions.filter((a): a is OpenAction => a !== null).sort(byDueDate);
}

/** The letters a department or assignee filter keeps (other kinds of action have neither). */
function matchesLetterFilter(s: MunicipalityOpenActionSources, f: WorklistFilter): (a: OpenAction) => boolean {
  if (!f.department && !f.assignee) return () => true;
  const letters = new Map<string, LetterSource>(s.letters.map((l) => [l.id, l]));
  return (a) => {
    const letter = a.kind === 'LETTER_REPLY_OVERDUE' ? letters.get(a.subjectId) : undefined;
    return letter !== undefined && (!f.department || letter.department === f.department) && (!f.assignee || letter.assigneeSubject === f.assignee);
  };
}

export interface WorklistFilter {
  department?: LetterSource['department'] | null;
  assignee?: string | null;
}

export const { openActionsOfChild, ownedOpenActionKeys, ownedOpenActions } = sectorOpenActions<Context, MunicipalityOpenActionSources, WorklistFilter>({
  ofChild: (ctx, childId) => ctx.loaders.openActionSources.load(childId),
  ownedBy: (ctx, f) => {
    const today = ctx.access.today;
    const transition = birthDatesTurning18Within(today);
    return findOpenActionSourcesOwnedBy(ctx.db, {
      owner: { sector: ctx.principal.sector, organisation: ctx.principal.organisation },
      today,
      bornIn: birthDatesOfLapsingConsents(today),
      transitionBornIn: { after: transition.bornAfter, onOrBefore: transition.bornOnOrBefore },
      department: f.department ?? null,
      assignee: f.assignee ?? null,
    });
  },
  ofChildren: (ctx, childIds) => findOpenActionSourcesByChildIds(ctx.db, childIds),
  actionsOf: (ctx, s) => openActionsOf(s, ctx.access.today),
  matches: matchesLetterFilter,
});
