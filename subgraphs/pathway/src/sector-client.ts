import {
  ACCESS_LOG_SUBGRAPH_NAMES,
  accessLogField,
  CALLER_REQUEST_ID_HEADER,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  type AccessLogRow,
  type AccessLogSubgraphName,
  currentRequest,
  describeErrorForLog,
  ErrorCode,
  observedSubgraphFetch,
  throwIfRequestStopped,
  type RequestBase,
} from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import type { SourceAnswer, SourcePage } from './rules/merge-access-log.ts';
import type { SectorKey } from './rules/merge-worklist.ts';

/** The subgraphs keeping a part of a child's access log (the registry says which, and under which root field). */
export type SectorSubgraph = AccessLogSubgraphName;

type Entry = Omit<AccessLogRow, 'actorRoles'> & { actorRoles: string[]; source: string };

export interface SectorClient {
  /** Every sector's page, or null for a sector that could not be reached; a sector's refusal is thrown. */
  accessLogPages(args: { childId: string; first: number; before: string | null }): Promise<SourceAnswer<Entry>[]>;
  /**
   * Each sector's keys of the caller's organisation's worklist (all of them), with the filter only that sector knows;
   * null for a sector that could not be reached. A sector's refusal is thrown.
   */
  ownedOpenActionKeys(filters: Partial<Record<SectorSubgraph, Record<string, unknown>>>): Promise<[SectorSubgraph, SectorKey[] | null][]>;
  /** The actions the caller's organisation owns for these children, from each sector named; null as above. */
  ownedOpenActions(childIdsBySector: Partial<Record<SectorSubgraph, string[]>>): Promise<[SectorSubgraph, OwnedActions[] | null][]>;
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
 * `fetch` as a client span of the pathway subgraph, its `traceparent` sent along (so the sector's spans join the
 * caller's trace), timed into the subgraph-fetch metrics.
 */
const tracedFetches = new Map<SectorSubgraph, ReturnType<typeof observedSubgraphFetch<Response>>>();
function tracedFetch(sector: SectorSubgraph) {
  let traced = tracedFetches.get(sector);
  if (!traced) tracedFetches.set(sector, (traced = observedSubgraphFetch(sector, (url, init) => fetch(url, init as RequestInit), 'pathway')));
  return traced;
}

/**
 * A sector that has not answered after this long is reported missing, well before the request's own timeout
 * (REQUEST_TIMEOUT_MS, 30 s by default) would fail the whole merged log.
 */
export const SECTOR_CALL_TIMEOUT_MS = 10_000;

/** Stops a sector call when the caller goes away, the request times out, or the sector takes too long. */
function signalFor(request: AbortSignal | undefined): AbortSignal {
  const own = AbortSignal.timeout(SECTOR_CALL_TIMEOUT_MS);
  return request ? AbortSignal.any([request, own]) : own;
}

/** Codes a sector answers a caller with on purpose: the answer, not a fault of the sector. */
const REFUSALS = new Set<string>([ErrorCode.BAD_USER_INPUT, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.CONSENT_REQUIRED, ErrorCode.NOT_FOUND]);

/**
 * Calls each sector subgraph directly, with the caller's own token, purpose and request ids: every sector checks the
 * caller itself, and nothing reaches the pathway subgraph that the caller could not have asked the sector for.
 */
export function sectorClient(urls: Record<SectorSubgraph, string>, base: RequestBase): SectorClient {
  const headers = () => ({
    'content-type': 'application/json',
    authorization: base.authorization,
    [REQUEST_ID_HEADER]: base.requestId,
    ...(base.callerRequestId ? { [CALLER_REQUEST_ID_HEADER]: base.callerRequestId } : {}),
    [PURPOSE_HEADER]: base.purpose,
  });

  /**
   * One sector's answer, for the merged reads (access log, worklist): null when it is down or answers with a fault of
   * its own (then it is named as missing); its refusal of the caller (e.g. FORBIDDEN) is thrown, the answer to the
   * whole request.
   */
  async function answerOf<T>(sector: SectorSubgraph, query: string, variables: Record<string, unknown>, what: string): Promise<T | null> {
    let body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    try {
      const res = await tracedFetch(sector)(urls[sector], {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ query, variables }),
        signal: signalFor(currentRequest()?.signal),
      });
      body = (await res.json()) as typeof body;
    } catch (error) {
      // The caller went away or ran out of time: stop here rather than report the sectors as missing.
      throwIfRequestStopped();
      base.log.warn({ sector, err: describeErrorForLog(error) }, `a sector did not answer for ${what}`);
      return null;
    }
    const error = body.errors?.[0];
    const code = typeof error?.extensions?.['code'] === 'string' ? (error.extensions['code'] as string) : undefined;
    if (error && code && REFUSALS.has(code)) {
      throw new GraphQLError(error.message, { extensions: { ...(error.extensions ?? {}), code, serviceName: sector } });
    }
    if (error || !body.data) {
      base.log.warn({ sector, code: code ?? null }, `a sector failed to answer for ${what}`);
      return null;
    }
    return body.data;
  }

  /** The sector's page of the child's access log, or null (see `answerOf`). */
  async function pageOf(sector: SectorSubgraph, variables: { childId: string; first: number; before: string | null }): Promise<SourcePage<Entry> | null> {
    const field = accessLogField(sector);
    const data = await answerOf<{ page: SourcePage<Entry> }>(
      sector,
      `query MergedAccessLog($childId: ID!, $first: Int!, $before: ID) { page: ${field}(childId: $childId, first: $first, before: $before) {
            entries { id at action source actorSubject actorName actorSector actorOrganisation actorRoles childId operation parts purpose requestId callerRequestId }
            nextBefore } }`,
      variables,
      'the merged access log',
    );
    return data?.page ?? null;
  }

  return {
    async accessLogPages(variables) {
      return Promise.all(
        // The registry's list, not the keys of `urls`: a caller handing over every subgraph's URL (the gateway's
        // settings) must not make this subgraph call itself.
        ACCESS_LOG_SUBGRAPH_NAMES.map(async (sector) => ({ source: sector, page: await pageOf(sector, variables) })),
      );
    },
    async ownedOpenActionKeys(filters) {
      return Promise.all(
        ACCESS_LOG_SUBGRAPH_NAMES.map(async (sector): Promise<[SectorSubgraph, SectorKey[] | null]> => {
          const declared = KEY_FILTERS[sector];
          const given = Object.entries(filters[sector] ?? {}).filter(([name, value]) => name in declared && value !== null && value !== undefined);
          const params = given.map(([name]) => `$${name}: ${declared[name]}`).join(', ');
          const args = given.map(([name]) => `${name}: $${name}`).join(', ');
          const data = await answerOf<{ keys: SectorKey[] }>(
            sector,
            `query WorklistKeys${params ? `(${params})` : ''} { keys: ${WORKLIST_FIELD_PREFIX[sector]}OwnedOpenActionKeys${args ? `(${args})` : ''} { childId earliestDueOn } }`,
            Object.fromEntries(given),
            'a worklist',
          );
          return [sector, data?.keys ?? null];
        }),
      );
    },
    async ownedOpenActions(childIdsBySector) {
      const asked = ACCESS_LOG_SUBGRAPH_NAMES.filter((sector) => (childIdsBySector[sector] ?? []).length > 0);
      return Promise.all(
        asked.map(async (sector): Promise<[SectorSubgraph, OwnedActions[] | null]> => {
          const data = await answerOf<{ owned: OwnedActions[] }>(
            sector,
            `query WorklistActions($childIds: [ID!]!) { owned: ${WORKLIST_FIELD_PREFIX[sector]}OwnedOpenActions(childIds: $childIds) {
                childId actions { kind subjectId ownerSector ownerOrganisation dueOn overdue } } }`,
            { childIds: childIdsBySector[sector] },
            'a worklist',
          );
          return [sector, data?.owned ?? null];
        }),
      );
    },
  };
}
