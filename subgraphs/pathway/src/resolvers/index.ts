import { ageOn, assertChildPseudonym, childPseudonym, parseCpr } from '@pathway-graph/shared';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { ageBandOn } from '../rules/age-band.ts';
import { involvedSectors } from '../rules/involved-sectors.ts';

export const resolvers: Resolvers = {
  Query: {
    child: (_, { id }) => ({ id: assertChildPseudonym(id, 'id') }),
    childByCpr: (_, { cpr }, { pseudonymSecret }) => ({ id: childPseudonym(parseCpr(cpr).normalized, pseudonymSecret) }),
  },
  Child: {
    // The representation already carries the `@requires` fields the gateway fetched from their owners.
    __resolveReference: (child) => child,
    age: (c, _, { today }) => (c.birthDate ? ageOn(c.birthDate, today) : null),
    ageBand: (c, _, { today }) => (c.birthDate ? ageBandOn(c.birthDate, today) : null),
    involvedSectors: (c) => involvedSectors(c),
  },
};
