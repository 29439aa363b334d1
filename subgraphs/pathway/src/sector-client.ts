import {
  ACCESS_LOG_SUBGRAPH_NAMES,
  accessLogField,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  type AccessLogRow,
  type AccessLogSubgraphName,
  type RequestBase,
} from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import type { SourcePage } from './rules/merge-access-log.ts';

/** The subgraphs keeping a part of a child's access log (the registry says which, and under which root field). */
export type SectorSubgraph = AccessLogSubgraphName;

type Entry = Omit<AccessLogRow, 'actorRoles'> & { actorRoles: string[]; source: string };

export interface SectorClient {
  accessLogPages(args: { childId: string; first: number; before: string | null }): Promise<SourcePage<Entry>[]>;
}

/**
 * Calls each sector subgraph directly, with the caller's own token, purpose and request id: every sector checks the
 * caller itself, and nothing reaches the pathway subgraph that the caller could not have asked the sector for.
 */
export function sectorClient(urls: Record<SectorSubgraph, string>, base: RequestBase): SectorClient {
  return {
    async accessLogPages({ childId, first, before }) {
      return Promise.all(
        // The registry's list, not the keys of `urls`: a caller handing over every subgraph's URL (the gateway's
        // settings) must not make this subgraph call itself.
        ACCESS_LOG_SUBGRAPH_NAMES.map(async (sector) => {
          const field = accessLogField(sector);
          const res = await fetch(urls[sector], {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: base.authorization,
              [REQUEST_ID_HEADER]: base.requestId,
              [PURPOSE_HEADER]: base.purpose,
            },
            body: JSON.stringify({
              query: `query MergedAccessLog($childId: ID!, $first: Int!, $before: ID) { page: ${field}(childId: $childId, first: $first, before: $before) {
                entries { id at action source actorSubject actorName actorSector actorOrganisation actorRoles childId operation parts purpose requestId }
                nextBefore } }`,
              variables: { childId, first, before },
            }),
          });
          const body = (await res.json()) as { data?: { page: SourcePage<Entry> } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
          const error = body.errors?.[0];
          if (error || !body.data) {
            // The sector's own refusal (e.g. FORBIDDEN) is the answer; anything else says which sector failed.
            throw new GraphQLError(error?.message ?? `The ${sector} subgraph did not answer.`, {
              extensions: { ...(error?.extensions ?? {}), code: error?.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR', serviceName: sector },
            });
          }
          return body.data.page;
        }),
      );
    },
  };
}
