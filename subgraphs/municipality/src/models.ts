import type { AccessLogRow } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the record when the parent query already loaded it
 * (`undefined` means "not loaded yet", `null` means "not known to this subgraph").
 */
export interface ChildModel {
  id: string;
  record?: ChildRecord | null;
}

export type { MunicipalityRow as MunicipalityModel } from './db/schema.ts';

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = AccessLogRow & { source: string };

export type { LetterRecord as InboxLetterModel } from './db/letters.ts';
export type { LetterEventRow as InboxLetterEventModel, LetterReplyRow as InboxLetterReplyModel } from './db/schema.ts';
