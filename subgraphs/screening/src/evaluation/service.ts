import { forbidden, parseIsoDate, REGION_MIDTJYLLAND_MUNICIPALITIES, type Principal } from '@pathway-graph/shared';
import { periodForRange } from '@pathway-graph/shared/statistics/index';
import type { Context } from '../context.ts';
import { evaluationLeafCounts } from '../db/evaluation.ts';
import { screeningTrack, type ScreeningTrack } from '../db/schema.ts';
import { evaluationRows, protectEvaluation, SUPPRESSION_RULE, type PublishedEvaluationRow } from './cube.ts';

/**
 * The evaluation of the effort, for those who evaluate it: the region's analysts (every municipality, and the region
 * totals) and a municipality's own analysts (their municipality's rows). Aggregates only, protected by the shared
 * statistics engine over the whole table (every municipality, cluster and the region, every track and stage) before
 * any row is left out, so a municipality's view and a one-track query are parts of the same safe table.
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

export async function screeningEvaluation(ctx: Context, args: { from: string; to: string; track?: ScreeningTrack | null }) {
  const scope = evaluationScope(ctx.principal);
  const from = parseIsoDate(args.from, 'from');
  const to = parseIsoDate(args.to, 'to');
  // Whole calendar periods only: two evaluations of ranges a few days apart could be subtracted (statistics README).
  periodForRange(from, to);
  // The whole cube is counted and protected whatever the track asked for, so one track's rows are the same cells as
  // in the evaluation of every track.
  const rows = await evaluationLeafCounts(ctx.db, {
    from,
    to,
    track: null,
    municipalityCodes: REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code),
  });
  const tracks = args.track ? [args.track] : [...screeningTrack.enumValues];
  const published = evaluationRows(protectEvaluation(rows), tracks);
  const visible: PublishedEvaluationRow[] =
    scope.municipalityCode === null ? published : published.filter((r) => r.municipalityCode === scope.municipalityCode);
  return { from, to, rows: visible, suppressionRule: SUPPRESSION_RULE };
}
