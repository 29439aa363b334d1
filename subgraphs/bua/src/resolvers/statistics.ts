import type { QueryResolvers } from '../generated/resolvers-types.ts';
import * as statistics from '../statistics/service.ts';

export const statisticsQueries: Pick<QueryResolvers, 'buaReferralStatistics' | 'buaAssessmentStatistics' | 'buaAdvisoryStatistics'> = {
  buaReferralStatistics: (_, { query }, ctx) => statistics.referralStatistics(ctx, query),
  buaAssessmentStatistics: (_, { query }, ctx) => statistics.assessmentStatistics(ctx, query),
  buaAdvisoryStatistics: (_, { query }, ctx) => statistics.advisoryStatistics(ctx, query),
};
