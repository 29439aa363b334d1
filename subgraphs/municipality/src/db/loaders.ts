import { inKeyOrder } from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import type { LetterEventRow, MunicipalityRow } from './schema.ts';
import { findEventsByLetterIds, findRepliesByLetterIds, type ReplyRecord } from './letters.ts';
import { findOpenActionSourcesByChildIds, type MunicipalityOpenActionSources } from './open-actions.ts';
import {
  childCountsByMunicipality,
  findChildrenByIds,
  findMunicipalitiesByCodes,
  type ChildRecord,
  type MunicipalityDb,
} from './repository.ts';
import { findInterventionsByChildIds } from './interventions.ts';
import type { MunicipalInterventionRow } from './schema.ts';

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: MunicipalityDb) {
  return {
    municipality: new DataLoader<number, MunicipalityRow | null>(async (codes) =>
      inKeyOrder(codes, await findMunicipalitiesByCodes(db, codes), (m) => m.code),
    ),
    child: new DataLoader<string, ChildRecord | null>(async (ids) =>
      inKeyOrder(ids, await findChildrenByIds(db, ids), (c) => c.id),
    ),
    /** Counts for many municipalities in one statement; a municipality without children counts zero. */
    childCounts: new DataLoader<number, { registered: number; withOpenCase: number }>(async (codes) => {
      const rows = inKeyOrder(codes, await childCountsByMunicipality(db, codes), (r) => r.municipalityCode);
      return rows.map((r) => r ?? { registered: 0, withOpenCase: 0 });
    }),
    /** A letter's history, for a whole page of letters in one statement. */
    letterEvents: new DataLoader<string, LetterEventRow[]>(async (ids) => {
      const rows = await findEventsByLetterIds(db, ids);
      return ids.map((id) => rows.filter((r) => r.letterId === id));
    }),
    letterReply: new DataLoader<string, ReplyRecord | null>(async (ids) =>
      inKeyOrder(ids, await findRepliesByLetterIds(db, ids), (r) => r.letterId),
    ),
    /** What the open-action rules read about a child, for a whole request's children in one statement. */
    openActionSources: new DataLoader<string, MunicipalityOpenActionSources | null>(async (ids) =>
      inKeyOrder(ids, await findOpenActionSourcesByChildIds(db, ids), (s) => s.childId),
    ),
    /** The municipality's interventions of a page of children, in one statement. */
    interventionsOfChild: new DataLoader<string, MunicipalInterventionRow[]>(async (ids) => {
      const rows = await findInterventionsByChildIds(db, ids);
      return ids.map((id) => rows.filter((r) => r.childId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
