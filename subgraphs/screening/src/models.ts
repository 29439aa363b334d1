import type { AccessLogRow } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the record (with its track memberships) when the parent
 * already loaded it (`undefined` means "not loaded yet", `null` means "not known to screening").
 */
export interface ChildModel {
  id: string;
  record?: ChildRecord | null;
}

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = AccessLogRow & { source: string };
