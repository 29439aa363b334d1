import type {
  MutationResolvers,
  QueryResolvers,
  ScoreBandResolvers,
  ScreeningFlagResolvers,
  ScreeningResultResolvers,
  ScreeningScoreResolvers,
  ScreeningTrendResolvers,
  TrendChangeResolvers,
  TrendPointResolvers,
} from '../generated/resolvers-types.ts';
import { toQuestionnaireResponse } from '../instruments/index.ts';
import * as plans from '../plans/service.ts';
import * as screenings from '../screenings/service.ts';
import { textOf, upperInformant } from './labels.ts';

export const recordScreening: MutationResolvers['recordScreening'] = (_, { input }, ctx) => screenings.recordScreening(ctx, input);
export const recordedScreenings: QueryResolvers['recordedScreenings'] = (_, args, ctx) => screenings.recordedScreenings(ctx, args);

// Every ScreeningResult reaching these resolvers has passed the access guard (screenings/service.ts).
export const ScreeningResult: ScreeningResultResolvers = {
  child: (r) => ({ id: r.childId }),
  instrumentName: (r, _, ctx) => ctx.setup.registry.instrument(r.instrumentId)?.shortName ?? r.instrumentId,
  informant: (r) => upperInformant(r.informant),
  answers: (r) => screenings.toEngineResult(r).answers,
  scores: (r) => screenings.toEngineResult(r).scores,
  flags: (r) => screenings.toEngineResult(r).flags,
  thresholds: (r) => screenings.toEngineResult(r).thresholds.map((t) => ({ ...t })),
  recordedBy: (r) => ({ sector: r.recordedBySector, organisation: r.recordedByOrganisation, name: r.recordedByName }),
  actionPlan: (r, _, ctx) => plans.planOfResult(ctx, r),
  actionPlanDueOn: async (r, _, ctx) => (r.positive && !(await ctx.loaders.planOfResult.load(r.id)) ? plans.dueOnOf(ctx, r) : null),
  questionnaireResponse: (r, { language }, ctx) =>
    JSON.stringify(
      toQuestionnaireResponse(ctx.setup.registry, screenings.toEngineResult(r), { canonicalBase: ctx.setup.fhirBaseUrl, language: language === 'EN' ? 'en' : 'da' }),
    ),
};

export const ScreeningScore: ScreeningScoreResolvers = {
  label: (s) => textOf(s.label),
  missingReason: (s) => s.missing?.reason ?? null,
};

export const ScoreBand: ScoreBandResolvers = {
  label: (b) => textOf(b.label),
};

export const ScreeningFlag: ScreeningFlagResolvers = {
  label: (f) => textOf(f.label),
};

export const ScreeningTrend: ScreeningTrendResolvers = {
  informant: (t) => upperInformant(t.informant),
  label: (t) => textOf(t.label),
  higherIsBetter: (t) => t.direction === 'higher-is-better',
};

export const TrendPoint: TrendPointResolvers = {
  screeningResultId: (p) => p.resultId!,
};

export const TrendChange: TrendChangeResolvers = {
  direction: (c) => (c.direction === null ? null : (c.direction.toUpperCase() as 'IMPROVED' | 'WORSENED' | 'UNCHANGED')),
};
