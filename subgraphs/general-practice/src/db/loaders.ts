import { inKeyOrder } from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import { findHistoryByLetterIds, findLettersByIds, findRepliesByLetterIds } from './letters.ts';
import { findOpenActionSourcesByChildIds, type GeneralPracticeOpenActionSources } from './open-actions.ts';
import type { LetterRow, LetterStatusRow, PracticeRow, ReplyRow } from './schema.ts';
import { findChildrenByIds, findPracticesByYdernumre, type ChildRecord, type GeneralPracticeDb } from './repository.ts';

/** The DataLoaders of one request: one statement per kind of look-up, whatever the number of keys. */
export function createLoaders(db: GeneralPracticeDb) {
  return {
    practice: new DataLoader<string, PracticeRow | null>(async (ydernumre) =>
      inKeyOrder(ydernumre, await findPracticesByYdernumre(db, ydernumre), (p) => p.ydernummer),
    ),
    child: new DataLoader<string, ChildRecord | null>(async (ids) =>
      inKeyOrder(ids, await findChildrenByIds(db, ids), (c) => c.id),
    ),
    letter: new DataLoader<string, LetterRow | null>(async (ids) =>
      inKeyOrder(ids, await findLettersByIds(db, ids), (l) => l.id),
    ),
    /** Each letter's status history, oldest first. */
    letterHistory: new DataLoader<string, LetterStatusRow[]>(async (ids) => {
      const rows = await findHistoryByLetterIds(db, ids);
      return ids.map((id) => rows.filter((r) => r.letterId === id));
    }),
    /** The latest reply to each letter. */
    letterReply: new DataLoader<string, ReplyRow | null>(async (ids) => {
      const rows = await findRepliesByLetterIds(db, ids);
      return ids.map((id) => rows.filter((r) => r.letterId === id).at(-1) ?? null);
    }),
    /** What the open-action rules read about a child, for a whole request's children in one statement. */
    openActionSources: new DataLoader<string, GeneralPracticeOpenActionSources | null>(async (ids) =>
      inKeyOrder(ids, await findOpenActionSourcesByChildIds(db, ids), (s) => s.childId),
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
