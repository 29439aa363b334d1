import {
  suppressSmallCount,
  assertGln,
  assertMunicipalityCode,
  decodeCursor,
  notFound,
  pageSize,
  MAX_WORKLIST_PAGE_SIZE,
  toConnection,
} from '@pathway-graph/shared';
import { findMunicipalityByLocationNumber, listChildrenOfMunicipality, listMunicipalities } from '../db/repository.ts';
import { assertMayListChildren } from '../rules/children-list.ts';
import { assertMayReadChildStatistics } from '../rules/statistics-access.ts';
import type { MunicipalityResolvers, QueryResolvers } from '../generated/resolvers-types.ts';

export const municipalityQueries: Pick<QueryResolvers, 'municipalities' | 'municipality' | 'municipalityByLocationNumber'> = {
  municipalities: (_, __, { db }) => listMunicipalities(db),
  municipality: async (_, { code }, { loaders }) => {
    assertMunicipalityCode(code, 'code');
    const row = await loaders.municipality.load(code);
    if (!row) throw notFound(`Municipality ${code} is missing from the reference data; restart the subgraph to restore it.`);
    return row;
  },
  municipalityByLocationNumber: async (_, { locationNumber }, { db }) => {
    const gln = assertGln(locationNumber);
    const row = await findMunicipalityByLocationNumber(db, gln);
    if (!row) {
      throw notFound(`No municipal inbox has location number ${gln}; list the municipalities to find the right one.`, {
        field: 'locationNumber',
      });
    }
    return row;
  },
};

export const Municipality: MunicipalityResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.municipality.load(code),
  inbox: (m) => ({
    name: m.inboxName,
    locationNumber: m.inboxLocationNumber,
    receivingDepartment: m.receivingDepartment,
    replyDeadlineWorkingDays: m.replyDeadlineWorkingDays,
  }),
  children: async (m, { first, after }, { db, principal }) => {
    assertMayListChildren(principal, m.code);
    const size = pageSize(first, 50, MAX_WORKLIST_PAGE_SIZE);
    const rows = await listChildrenOfMunicipality(db, m.code, size + 1, decodeCursor(after));
    return toConnection(rows, size, (c) => c.id, (record) => ({ id: record.id, record }));
  },
  childStatistics: async (m, _, { loaders, principal }) => {
    assertMayReadChildStatistics(principal, m.code);
    const counts = await loaders.childCounts.load(m.code);
    return { registeredChildren: suppressSmallCount(counts.registered), childrenWithOpenCase: suppressSmallCount(counts.withOpenCase) };
  },
};
