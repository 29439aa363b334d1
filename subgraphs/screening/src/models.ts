import type { TrackMembershipRecord } from './db/repository.ts';

/**
 * A child as passed between resolvers: the pseudonym, plus the track memberships when the parent already loaded
 * them (`undefined` means "not loaded yet").
 */
export interface ChildModel {
  id: string;
  trackMemberships?: TrackMembershipRecord[];
}

export type { ConsentRow as ConsentModel } from '@pathway-graph/shared';
export type AccessLogEntryModel = import('@pathway-graph/shared').AccessLogRow & { source: string };
