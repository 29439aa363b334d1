import { badUserInput, forbidden, parseIsoDate, type Principal } from '@pathway-graph/shared';
import type { Context } from '../context.ts';
import { evaluationRows } from '../db/evaluation.ts';
import type { ScreeningTrack } from '../db/schema.ts';
import { SUPPRESSION_RULE, suppressEvaluation, type PublishedEvaluationRow } from './suppression.ts';

/**
 * The evaluation of the effort, for those who evaluate it: the region's analysts (every municipality, and the region
 * totals) and a municipality's own analysts (their municipality's rows). Aggregates only, small counts withheld over
 * the whole table before any row is left out, so a municipality's view is a part of a safe table.
 */

/** Whose rows the reader may see: every municipality's (null), one municipality's, or none (refused). */
export function evaluationScope(principal: Principal): { municipalityCode: number | null } {
  if (principal.roles.includes('ANALYST') && principal.sector === 'REGION') return { municipalityCode: null };
  if (principal.roles.includes('ANALYST') && principal.sector === 'MUNICIPALITY') return { municipalityCode: Number(principal.organisation) };
  throw forbidden(
    "The evaluation of the screening effort is for the region's analysts and for each municipality's analysts (their own municipality); " +
      'clinical staff see their own children and worklists instead.',
    { rule: 'ANALYSTS_ONLY' },
  );
}

const MAX_PERIOD_YEARS = 10;

export async function screeningEvaluation(ctx: Context, args: { from: string; to: string; track?: ScreeningTrack | null }) {
  const scope = evaluationScope(ctx.principal);
  const from = parseIsoDate(args.from, 'from');
  const to = parseIsoDate(args.to, 'to');
  if (to < from) throw badUserInput(`to (${to}) is before from (${from}); the period runs from its first day to its last.`, { field: 'to' });
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_PERIOD_YEARS) {
    throw badUserInput(`The period is longer than ${MAX_PERIOD_YEARS} years; evaluate a shorter one.`, { field: 'to' });
  }
  const rows = await evaluationRows(ctx.db, { from, to, track: args.track ?? null });
  const published = suppressEvaluation(
    rows.map((r) => ({
      track: r.track,
      municipalityCode: r.municipalityCode,
      counts: {
        childrenRegistered: r.registered,
        childrenScreened: r.screened,
        childrenScreenedPositive: r.positive,
        childrenWithActionPlan: r.planned,
        childrenImprovedOnRescreening: r.improved,
      },
      medianDaysToActionPlan: r.medianDays,
    })),
  );
  const visible: PublishedEvaluationRow[] =
    scope.municipalityCode === null ? published : published.filter((r) => r.municipalityCode === scope.municipalityCode);
  return { from, to, rows: visible, suppressionRule: SUPPRESSION_RULE };
}
