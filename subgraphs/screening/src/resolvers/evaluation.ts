import type { QueryResolvers, ScreeningEvaluationRowResolvers } from '../generated/resolvers-types.ts';
import * as evaluation from '../evaluation/service.ts';
import type { WithheldValue } from '../evaluation/cube.ts';

export const screeningEvaluation: QueryResolvers['screeningEvaluation'] = (_, args, ctx) => evaluation.screeningEvaluation(ctx, args);

const MEASURE = {
  childrenRegistered: 'CHILDREN_REGISTERED',
  childrenScreened: 'CHILDREN_SCREENED',
  childrenScreenedPositive: 'CHILDREN_SCREENED_POSITIVE',
  childrenWithActionPlan: 'CHILDREN_WITH_ACTION_PLAN',
  medianDaysToActionPlan: 'MEDIAN_DAYS_TO_ACTION_PLAN',
  childrenImprovedOnRescreening: 'CHILDREN_IMPROVED_ON_RESCREENING',
} as const satisfies Record<WithheldValue, string>;

export const ScreeningEvaluationRow: ScreeningEvaluationRowResolvers = {
  track: (r) => r.track as 'RECOGNISED_MENTAL_PROBLEMS' | 'CHRONIC_SOMATIC_ILLNESS' | 'RELATIVE_OF_MENTALLY_ILL',
  municipality: (r) => (r.municipalityCode === null ? null : { code: r.municipalityCode }),
  childrenRegistered: (r) => r.counts.childrenRegistered,
  childrenScreened: (r) => r.counts.childrenScreened,
  childrenScreenedPositive: (r) => r.counts.childrenScreenedPositive,
  childrenWithActionPlan: (r) => r.counts.childrenWithActionPlan,
  childrenImprovedOnRescreening: (r) => r.counts.childrenImprovedOnRescreening,
  withheld: (r) => r.withheld.map((w) => MEASURE[w]),
};
