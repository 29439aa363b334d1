/**
 * One sector subgraph under test, started alone on a fresh database of the suite's backend, and the few things its
 * tests do with it: ask it a GraphQL operation as someone (with a request id of its own, so the access-log entries
 * of exactly that request can be read back), resolve children as the gateway does (`_entities`), and read its
 * access log and consents straight from its tables.
 *
 *   const bua = subgraphHarness(backend, { start: startBuaSubgraph, tables: { consents, accessLog }, user: 'bua-clinician' });
 *   it('...', async () => { const res = await bua.children([id], 'knownToBua'); ... await bua.loggedFor(res.requestId) });
 *
 * The subgraph starts in the suite's beforeAll and stops in its afterAll; use the harness inside tests and hooks.
 */
import {
  createLogger,
  type AccessLogRow,
  type AnyDatabase,
  type ConsentRow,
  type Principal,
  type RunningSectorSubgraph,
  type SectorSubgraphOptions,
  type SectorTables,
} from '@pathway-graph/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { as, testVerifier } from './auth.ts';
import { TEST_PSEUDONYM_SECRET, type Backend } from './databases.ts';
import { postGraphQL, type GraphQLResponse } from './graphql.ts';

/** Whoever a request is made as: a demo user's name (`gp-107510`) or a principal made for the test. */
export type Who = string | Principal;

export interface RequestOptions {
  /** The purpose of use stated in `x-purpose-of-use`; the subgraph's default (care coordination) when omitted. */
  purpose?: string;
}

export type Answer<T> = GraphQLResponse<T> & { requestId: string };

export interface SubgraphHarness<S extends RunningSectorSubgraph<Record<string, unknown>>> {
  /** The running subgraph: its URL, its database, and what its start function returned beside them. */
  readonly subgraph: S;
  readonly url: string;
  /** The subgraph's database, for fixtures and for reading back what a request stored. */
  readonly db: S['database']['db'];
  /** A GraphQL operation as `who` (the harness's default user unless told), under a request id of its own. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, who?: Who, options?: RequestOptions): Promise<Answer<T>>;
  /** Resolves children by id as the gateway does (`_entities` on Child), selecting `selection` of each. */
  children<T = Record<string, unknown>>(ids: readonly string[], selection: string, who?: Who, options?: RequestOptions): Promise<Answer<{ _entities: T[] }>>;
  /** A POST with exactly the given headers (no token unless given): what an unauthenticated caller sends. */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** The access-log entries one request wrote. */
  loggedFor(requestId: string): Promise<AccessLogRow[]>;
  /** Every access-log entry about a child, or every entry of the log. */
  accessLog(childId?: string): Promise<AccessLogRow[]>;
  /** The consents the subgraph holds for a child. */
  consentsOf(childId: string): Promise<ConsentRow[]>;
}

export interface HarnessOptions<S> {
  /** The subgraph's start function, e.g. `startBuaSubgraph`. */
  start(options: SectorSubgraphOptions): Promise<S>;
  /** Its consents and access-log tables (the subgraph's `src/db/schema.ts`). */
  tables: SectorTables;
  /** Whom requests are made as unless a test says otherwise. */
  user: Who;
  /** "Today" for the subgraph (ages, consents' validity); the real date when omitted. */
  today?: string | (() => string);
  /** Start options beyond the common ones (e.g. messaging). */
  options?: Partial<SectorSubgraphOptions> & Record<string, unknown>;
}

let requests = 0;

/** Starts the subgraph once for the enclosing suite (beforeAll) and stops it afterwards (afterAll). */
export function subgraphHarness<S extends RunningSectorSubgraph<Record<string, unknown>>>(backend: Backend, options: HarnessOptions<S>): SubgraphHarness<S> {
  let started: { subgraph: S; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    started = await startSubgraphAlone(backend, options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const running = (): S => {
    if (!started) throw new Error('The subgraph runs only inside the tests and hooks of the suite that made the harness.');
    return started.subgraph;
  };
  return harnessOf(running, options);
}

/**
 * Starts the subgraph on a database of its own, outside any suite's hooks (a test that needs an empty database,
 * e.g. to seed it); the caller closes it.
 */
export async function startSubgraphAlone<S extends RunningSectorSubgraph<Record<string, unknown>>>(
  backend: Backend,
  options: Pick<HarnessOptions<S>, 'start' | 'today' | 'options'>,
): Promise<{ subgraph: S; close(): Promise<void> }> {
  const created = await backend.create(1, { migrated: true });
  try {
    const today = options.today;
    const subgraph = await options.start({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('subgraph-under-test', process.env['TEST_LOG_LEVEL'] ?? 'silent'),
      verifier: await testVerifier(),
      ...(today === undefined ? {} : { today: typeof today === 'function' ? today : () => today }),
      ...options.options,
    });
    return {
      subgraph,
      close: async () => {
        await subgraph.close();
        await created.dispose();
      },
    };
  } catch (error) {
    await created.dispose();
    throw error;
  }
}

/** The harness's operations on a running subgraph (also for one started with `startSubgraphAlone`). */
export function harnessOf<S extends RunningSectorSubgraph<Record<string, unknown>>>(
  running: () => S,
  { tables, user }: Pick<HarnessOptions<S>, 'tables' | 'user'>,
): SubgraphHarness<S> {
  // The log and consent tables are the shared definitions, the same in every sector's schema.
  const db = () => running().database.db as AnyDatabase<Record<string, unknown>>;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, who: Who = user, options: RequestOptions = {}): Promise<Answer<T>> => {
    const requestId = `harness-${process.pid}-${String(++requests).padStart(5, '0')}`;
    const res = await postGraphQL<T>(running().url, query, variables, { ...(await as(who, options.purpose)), 'x-request-id': requestId });
    return Object.assign(res, { requestId });
  };
  return {
    get subgraph() {
      return running();
    },
    get url() {
      return running().url;
    },
    get db() {
      return running().database.db;
    },
    gql,
    children: <T>(ids: readonly string[], selection: string, who?: Who, options?: RequestOptions) =>
      gql<{ _entities: T[] }>(
        `query ChildEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Child { ${selection} } } }`,
        { r: ids.map((id) => ({ __typename: 'Child', id })) },
        who,
        options,
      ),
    post: (query, variables = {}, headers = {}) =>
      fetch(running().url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) }),
    loggedFor: (requestId) => db().select().from(tables.accessLog).where(eq(tables.accessLog.requestId, requestId)),
    accessLog: (childId) =>
      childId === undefined ? db().select().from(tables.accessLog) : db().select().from(tables.accessLog).where(eq(tables.accessLog.childId, childId)),
    consentsOf: (childId) => db().select().from(tables.consents).where(eq(tables.consents.childId, childId)),
  };
}
