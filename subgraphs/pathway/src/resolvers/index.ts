import {
  assertChildPseudonym,
  assertMayLookUpChildByCpr,
  assertMayReadAccessLog,
  childPseudonym,
  pageSize,
  parseCpr,
} from '@pathway-graph/shared';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { ageBandFrom, ageFrom, involvedSectorsFrom, withheldFrom } from '../rules/derive.ts';
import { mergeAccessLogPages } from '../rules/merge-access-log.ts';
import { contactPersonsFrom, currentStepFrom, openActionsFrom, pathwayWithheldFrom, stepBasisFrom, timelineFrom, treatmentResponsibilityFrom } from '../rules/pathway.ts';
import { timelinePage } from '../rules/timeline.ts';
import { worklist } from '../worklist/service.ts';
import { statusReport } from '../status-report.ts';

export const resolvers: Resolvers = {
  Query: {
    child: (_, { id }) => ({ id: assertChildPseudonym(id, 'id') }),
    childByCpr: (_, { cpr }, { pseudonymSecret, principal }) => {
      assertMayLookUpChildByCpr(principal);
      return { id: childPseudonym(parseCpr(cpr).normalized, pseudonymSecret) };
    },
    childAccessLog: async (_, { childId, first, before }, { principal, sectors }) => {
      assertMayReadAccessLog(principal);
      const size = pageSize(first);
      const pages = await sectors.accessLogPages({ childId: assertChildPseudonym(childId, 'childId'), first: size, before: before ?? null });
      return mergeAccessLogPages(pages, size);
    },
    worklist: (_, args, ctx) => worklist(ctx, args),
    statusReport: (_, { from, to }, ctx) => statusReport(ctx, from, to),
  },
  Child: {
    // The representation carries the sectors' facts the gateway fetched for `@requires`, under the caller's own
    // token: each sector shared them or said why not (`withheld`), and the rules check them before using them.
    __resolveReference: (child) => child,
    age: (c, _, { today }) => ageFrom(c, today),
    ageBand: (c, _, { today }) => ageBandFrom(c, today),
    involvedSectors: (c) => involvedSectorsFrom(c),
    withheld: (c) => withheldFrom(c),
    // Only the key: each field of the pathway brings the sector facts it needs through the gateway (`@requires`).
    pathway: (c) => ({ id: c.id }),
  },
  Pathway: {
    __resolveReference: (p) => p,
    currentStep: (p) => currentStepFrom(p)?.step ?? null,
    stepBasis: (p) => stepBasisFrom(p),
    treatmentResponsibility: (p) => treatmentResponsibilityFrom(p),
    timeline: (p, { first, after }) => timelinePage(timelineFrom(p), first, after),
    contactPersons: (p) => contactPersonsFrom(p),
    openActions: (p) => openActionsFrom(p),
    withheld: (p) => pathwayWithheldFrom(p),
  },
};
