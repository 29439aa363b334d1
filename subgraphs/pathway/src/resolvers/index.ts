import {
  ageOn,
  assertChildPseudonym,
  assertMayReadAccessLog,
  childPseudonym,
  forbidden,
  hasClinicalRole,
  pageSize,
  parseCpr,
} from '@pathway-graph/shared';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { ageBandOn } from '../rules/age-band.ts';
import { involvedSectors } from '../rules/involved-sectors.ts';
import { mergeAccessLogPages } from '../rules/merge-access-log.ts';

export const resolvers: Resolvers = {
  Query: {
    child: (_, { id }) => ({ id: assertChildPseudonym(id, 'id') }),
    childByCpr: (_, { cpr }, { pseudonymSecret, principal }) => {
      // Turning a CPR number into the child's pseudonym is a look-up of a person: for professionals only.
      if (!hasClinicalRole(principal)) {
        throw forbidden('Only professionals working with children can look a child up by CPR number; analysts see aggregates only.');
      }
      return { id: childPseudonym(parseCpr(cpr).normalized, pseudonymSecret) };
    },
    childAccessLog: async (_, { childId, first, before }, { principal, sectors }) => {
      assertMayReadAccessLog(principal);
      const size = pageSize(first);
      const pages = await sectors.accessLogPages({ childId: assertChildPseudonym(childId, 'childId'), first: size, before: before ?? null });
      return mergeAccessLogPages(pages, size);
    },
  },
  Child: {
    // The representation already carries the `@requires` fields the gateway fetched from their owners, under the
    // caller's own token: a field the caller may not see arrives as null and counts as unknown here.
    __resolveReference: (child) => child,
    age: (c, _, { today }) => (c.birthDate ? ageOn(c.birthDate, today) : null),
    ageBand: (c, _, { today }) => (c.birthDate ? ageBandOn(c.birthDate, today) : null),
    involvedSectors: (c) => involvedSectors(c),
  },
};
