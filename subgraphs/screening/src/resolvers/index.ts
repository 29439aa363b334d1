import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';

export const resolvers: Resolvers = {
  Child,
};
