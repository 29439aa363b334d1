import type { Resolvers } from '../generated/resolvers-types.ts';
import { Child } from './child.ts';
import { Municipality, municipalityQueries } from './municipality.ts';

export const resolvers: Resolvers = {
  Query: { ...municipalityQueries },
  Municipality,
  Child,
};
