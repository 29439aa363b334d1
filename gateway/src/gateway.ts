import { ApolloGateway } from '@apollo/gateway';
import {
  createLogger,
  observeSubgraphFetches,
  DEFAULT_HTTP_SETTINGS,
  type TokenVerifier,
  startHttpService,
  type ContentSecurityPolicyDirectives,
  type HttpSettings,
  type Logger,
  type RunningService,
  type SubgraphCallSettings,
  type SubgraphName,
} from '@pathway-graph/shared';
import type { JSONWebKeySet } from 'jose';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from './compose.ts';
import { mountIde, type IdeOptions } from './ide/index.ts';
import { hiddenFieldsOf, subgraphAgent, SubgraphDataSource, type GatewayContext } from './subgraph-calls.ts';

export type { GatewayContext };

export interface GatewayOptions {
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  log?: Logger;
  /** Defaults to the committed gateway/supergraph.graphql. */
  supergraphSdl?: string;
  verifier: TokenVerifier;
  /**
   * The development signing key's public half, published at /.well-known/jwks.json so subgraphs running elsewhere
   * (docker compose) can verify development tokens. Never set in production, where the identity provider does this.
   */
  developmentJwks?: JSONWebKeySet;
  /** Serve the GraphiQL IDE (gateway/src/ide/); off unless given. */
  ide?: IdeOptions;
  /** Limits, timeouts, introspection (the defaults when not given). */
  http?: HttpSettings;
  /** How the subgraphs are called: time limit and keep-alive (defaults from `http`). */
  subgraphCalls?: SubgraphCallSettings;
  /** Browser origins allowed to call the gateway (CORS_ALLOWED_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** Content-Security-Policy per route prefix, for pages the gateway serves (e.g. a GraphQL IDE at /graphql). */
  contentSecurityPolicy?: Record<string, ContentSecurityPolicyDirectives>;
}

/**
 * Starts the gateway on the static, committed supergraph (no runtime introspection), routing each subgraph to its
 * configured URL.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = options.log ?? createLogger('gateway');
  const supergraphSdl = options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8');
  const http = options.http ?? DEFAULT_HTTP_SETTINGS;
  const calls = options.subgraphCalls ?? { timeoutMs: Math.floor(http.requestTimeoutMs * 0.9), idleTimeoutMs: Math.floor(http.keepAliveTimeoutMs / 2) };
  const agent = subgraphAgent(calls);
  const hidden = hiddenFieldsOf(supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`The supergraph names a subgraph "${name}" with no configured URL.`);
      return observeSubgraphFetches(name, new SubgraphDataSource(name, url, calls, agent, hidden));
    },
    logger: log,
  });
  return startHttpService<GatewayContext>({
    name: 'gateway',
    port: options.port,
    log,
    http,
    // The gateway's own id goes on every log line and in every access-log entry; the caller's is kept beside it.
    requestIds: 'own',
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.contentSecurityPolicy ? { contentSecurityPolicy: options.contentSecurityPolicy } : {}),
    onClose: () => agent.close(),
    apollo: { gateway },
    // The gateway refuses a missing or bad token before planning anything; each subgraph checks it again.
    verifier: options.verifier,
    context: async (base) => base,
    routes: (app) => {
      const jwks = options.developmentJwks;
      if (jwks) app.get('/.well-known/jwks.json', (_req, res) => void res.json(jwks));
      if (options.ide) mountIde(app, options.ide);
    },
    ready: () => checkSubgraphsReady(options.subgraphUrls),
  });
}

/** The gateway is ready when every subgraph answers its own readiness probe. */
async function checkSubgraphsReady(urls: Record<SubgraphName, string>): Promise<void> {
  const failures: string[] = [];
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const readyUrl = new URL('/ready', url);
      try {
        const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
        if (!res.ok) failures.push(name);
      } catch {
        failures.push(name);
      }
    }),
  );
  if (failures.length) throw new Error(`subgraphs not ready: ${failures.join(', ')}`);
}
