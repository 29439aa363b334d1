import {
  assertGln,
  assertMunicipalityCode,
  assertYdernummer,
  decodeCursor,
  notFound,
  pageSize,
  toConnection,
} from '@pathway-graph/shared';
import { findPracticeByLocationNumber, listPractices } from '../db/repository.ts';
import type { PracticeResolvers, QueryResolvers } from '../generated/resolvers-types.ts';

export const practiceQueries: Pick<QueryResolvers, 'practices' | 'practice' | 'practiceByLocationNumber'> = {
  practices: async (_, { municipalityCode, first, after }, { db }) => {
    const code = municipalityCode == null ? undefined : assertMunicipalityCode(municipalityCode);
    const size = pageSize(first);
    const rows = await listPractices(db, code, size + 1, decodeCursor(after));
    return toConnection(rows, size, (p) => p.ydernummer, (p) => p);
  },
  practice: async (_, args, { loaders }) => {
    const ydernummer = assertYdernummer(args.ydernummer);
    const row = await loaders.practice.load(ydernummer);
    if (!row) {
      throw notFound(
        `No practice has ydernummer ${ydernummer}; list the practices (optionally of one municipality) to find the right one.`,
        { field: 'ydernummer' },
      );
    }
    return row;
  },
  practiceByLocationNumber: async (_, { locationNumber }, { db }) => {
    const gln = assertGln(locationNumber);
    const row = await findPracticeByLocationNumber(db, gln);
    if (!row) {
      throw notFound(`No practice has location number ${gln}; list the practices to find the right one.`, {
        field: 'locationNumber',
      });
    }
    return row;
  },
};

export const Practice: PracticeResolvers = {
  __resolveReference: ({ ydernummer }, { loaders }) => loaders.practice.load(ydernummer),
  municipality: (p) => ({ code: p.municipalityCode }),
};
