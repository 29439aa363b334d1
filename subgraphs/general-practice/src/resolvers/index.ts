import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { Practice, practiceQueries } from './practice.ts';

export const resolvers: Resolvers = {
  Query: { ...practiceQueries },
  Practice,
  Child,
};
