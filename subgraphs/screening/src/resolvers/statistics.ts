import type { QueryResolvers } from '../generated/resolvers-types.ts';
import * as statistics from '../statistics/service.ts';

export const screeningStatistics: QueryResolvers['screeningStatistics'] = (_, { query }, ctx) => statistics.screeningStatistics(ctx, query);
