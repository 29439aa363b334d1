import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { letterStatistics as letters } from '../letters/statistics.ts';

export const letterStatistics: QueryResolvers['letterStatistics'] = (_, { query }, ctx) => letters(ctx, query);
