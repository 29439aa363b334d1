import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { generalPracticeLetterStatistics as letters } from '../statistics/service.ts';

export const generalPracticeLetterStatistics: QueryResolvers['generalPracticeLetterStatistics'] = (_, { query }, ctx) => letters(ctx, query);
