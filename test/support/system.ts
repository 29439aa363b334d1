import { byName, SECTOR_SUBGRAPH_NAMES, SUBGRAPH_NAMES } from '@pathway-graph/shared';
import { startSystem, type RunningSystem, type SystemOptions } from '@pathway-graph/scripts/launcher/system';
import type { Backend } from './databases.ts';
import { as, testVerifier } from './auth.ts';
import { TEST_PSEUDONYM_SECRET } from './databases.ts';
import { postGraphQL, type GraphQLResponse } from './graphql.ts';

export { postGraphQL, type GraphQLResponse };

export interface TestSystem {
  system: RunningSystem;
  gatewayUrl: string;
  /** Posts an operation to the gateway over HTTP, as a front end would, with exactly the given headers. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The same, signed in as a demo user (e.g. `caseworker-751`), optionally stating a purpose of use. */
  queryAs<T = Record<string, unknown>>(user: string, query: string, variables?: Record<string, unknown>, purpose?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Starts every subgraph and the gateway in-process on free ports, on a fresh database of `backend`. */
export async function startTestSystem(
  backend: Backend,
  options: {
    seedDemoData?: boolean;
    today?: string | (() => string);
    /** Limits, timeouts and introspection of every service (hardening tests make them small). */
    http?: SystemOptions['http'];
    /** The gateway's subgraph calls and CORS origins. */
    gateway?: SystemOptions['gateway'];
    /** BUA's advisory service: its description deadline, and in tests its clock and known names. */
    advisory?: SystemOptions['advisory'];
    /** The screening subgraph's deployment settings (band tables and schemes, thresholds), as its configuration gives them. */
    screening?: SystemOptions['screening'];
    /** The GraphiQL IDE at the gateway (browser tests). */
    ide?: SystemOptions['ide'];
    /** Every service's log lines, at this level, to this stream (tests that read the logs). */
    log?: { level: string; destination: NonNullable<SystemOptions['logDestination']> };
    /** The sectors' message keys (tests that post to a message endpoint themselves); fresh ones when not given. */
    keyring?: NonNullable<SystemOptions['messaging']['keyring']>;
  } = {},
): Promise<TestSystem> {
  const { targets, dispose } = await backend.create(SECTOR_SUBGRAPH_NAMES.length, { migrated: true });
  const system = await startSystem({
    ports: { gateway: 0, ...byName(SUBGRAPH_NAMES, () => 0) },
    databases: byName(SECTOR_SUBGRAPH_NAMES, (_, i) => targets[i]!),
    pseudonymSecret: TEST_PSEUDONYM_SECRET,
    seedDemoData: options.seedDemoData ?? true,
    logLevel: options.log?.level ?? process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ...(options.log ? { logDestination: options.log.destination } : {}),
    verifier: await testVerifier(),
    // The product's poll: a queued message wakes its sender's worker at once, and a retry when it falls due, so a
    // shorter poll would only burn CPU (at 25 ms it was half a core per idle system, a statement per poll per sector).
    messaging: { workerPollMs: 250, ...(options.keyring ? { keyring: options.keyring } : {}) },
    ...(options.ide ? { ide: options.ide } : {}),
    ...(options.http ? { http: options.http } : {}),
    ...(options.gateway ? { gateway: options.gateway } : {}),
    ...(options.advisory ? { advisory: options.advisory } : {}),
    ...(options.screening ? { screening: options.screening } : {}),
    ...(options.today ? { today: typeof options.today === 'function' ? options.today : () => options.today as string } : {}),
  });
  const gatewayUrl = `http://localhost:${system.gateway.port}/graphql`;
  return {
    system,
    gatewayUrl,
    query: (query, variables, headers) => postGraphQL(gatewayUrl, query, variables, headers),
    queryAs: async (user, query, variables, purpose) => postGraphQL(gatewayUrl, query, variables, await as(user, purpose)),
    close: async () => {
      await system.close();
      await dispose();
    },
  };
}

