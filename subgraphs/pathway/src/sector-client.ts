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
import type { SectorKey } from './rules/merge-worklist.ts';

/** The subgraphs keeping a part of a child's access log (the registry says which, and under which root field). */
export type SectorSubgraph = AccessLogSubgraphName;

type Entry = Omit<AccessLogRow, 'actorRoles'> & { actorRoles: string[]; source: string };

export interface SectorClient {
  accessLogPages(args: { childId: string; first: number; before: string | null }): Promise<SourcePage<Entry>[]>;
  /** Each sector's keys of the caller's organisation's worklist (all of them), with the filter only that sector knows. */
  ownedOpenActionKeys(filters: Partial<Record<SectorSubgraph, Record<string, unknown>>>): Promise<[SectorSubgraph, SectorKey[]][]>;
  /** The actions the caller's organisation owns for these children, from each sector named. */
  ownedOpenActions(childIdsBySector: Partial<Record<SectorSubgraph, string[]>>): Promise<[SectorSubgraph, OwnedActions[]][]>;
}

/** One open action as the sectors' `OpenActionFact` gives it. */
export interface OpenActionFromSector {
  kind: string;
  subjectId: string;
  ownerSector: string;
  ownerOrganisation: string;
  dueOn: string;
  overdue: boolean;
}
export interface OwnedActions {
  childId: string;
  actions: OpenActionFromSector[];
}

/** The prefix of each sector's worklist fields (`municipalityOwnedOpenActionKeys`, ...). */
const WORKLIST_FIELD_PREFIX: Record<SectorSubgraph, string> = {
  municipality: 'municipality',
  'general-practice': 'generalPractice',
  bua: 'bua',
  screening: 'screening',
};

/** The variables each sector's keys field declares, by name and GraphQL type. */
const KEY_FILTERS: Record<SectorSubgraph, Record<string, string>> = {
  municipality: { department: 'ReceivingDepartment', assignee: 'String' },
  'general-practice': {},
  bua: { referralStatus: 'ReferralStatus' },
  screening: {},
};

/**
 * Calls each sector subgraph directly, with the caller's own token, purpose and request id: every sector checks the
 * caller itself, and nothing reaches the pathway subgraph that the caller could not have asked the sector for.
 */
export function sectorClient(urls: Record<SectorSubgraph, string>, base: RequestBase): SectorClient {
  async function post<T>(sector: SectorSubgraph, query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await fetch(urls[sector], {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: base.authorization,
        [REQUEST_ID_HEADER]: base.requestId,
        [PURPOSE_HEADER]: base.purpose,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    const error = body.errors?.[0];
    if (error || !body.data) {
      // The sector's own refusal (e.g. FORBIDDEN) is the answer; anything else says which sector failed.
      throw new GraphQLError(error?.message ?? `The ${sector} subgraph did not answer.`, {
        extensions: { ...(error?.extensions ?? {}), code: error?.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR', serviceName: sector },
      });
    }
    return body.data;
  }

  return {
    async accessLogPages({ childId, first, before }) {
      return Promise.all(
        // The registry's list, not the keys of `urls`: a caller handing over every subgraph's URL (the gateway's
        // settings) must not make this subgraph call itself.
        ACCESS_LOG_SUBGRAPH_NAMES.map(async (sector) => {
          const field = accessLogField(sector);
          const data = await post<{ page: SourcePage<Entry> }>(
            sector,
            `query MergedAccessLog($childId: ID!, $first: Int!, $before: ID) { page: ${field}(childId: $childId, first: $first, before: $before) {
                entries { id at action source actorSubject actorName actorSector actorOrganisation actorRoles childId operation parts purpose requestId }
                nextBefore } }`,
            { childId, first, before },
          );
          return data.page;
        }),
      );
    },
    async ownedOpenActionKeys(filters) {
      return Promise.all(
        ACCESS_LOG_SUBGRAPH_NAMES.map(async (sector): Promise<[SectorSubgraph, SectorKey[]]> => {
          const declared = KEY_FILTERS[sector];
          const given = Object.entries(filters[sector] ?? {}).filter(([name, value]) => name in declared && value !== null && value !== undefined);
          const params = given.map(([name]) => `$${name}: ${declared[name]}`).join(', ');
          const args = given.map(([name]) => `${name}: $${name}`).join(', ');
          const data = await post<{ keys: SectorKey[] }>(
            sector,
            `query WorklistKeys${params ? `(${params})` : ''} { keys: ${WORKLIST_FIELD_PREFIX[sector]}OwnedOpenActionKeys${args ? `(${args})` : ''} { childId earliestDueOn } }`,
            Object.fromEntries(given),
          );
          return [sector, data.keys];
        }),
      );
    },
    async ownedOpenActions(childIdsBySector) {
      const asked = ACCESS_LOG_SUBGRAPH_NAMES.filter((sector) => (childIdsBySector[sector] ?? []).length > 0);
      return Promise.all(
        asked.map(async (sector): Promise<[SectorSubgraph, OwnedActions[]]> => {
          const data = await post<{ owned: OwnedActions[] }>(
            sector,
            `query WorklistActions($childIds: [ID!]!) { owned: ${WORKLIST_FIELD_PREFIX[sector]}OwnedOpenActions(childIds: $childIds) {
                childId actions { kind subjectId ownerSector ownerOrganisation dueOn overdue } } }`,
            { childIds: childIdsBySector[sector] },
          );
          return [sector, data.owned];
        }),
      );
    },
  };
}
