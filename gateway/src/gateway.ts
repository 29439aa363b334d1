import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  createLogger,
  observeSubgraphFetches,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  type TokenVerifier,
  startHttpService,
  type Logger,
  type RequestBase,
  type RunningService,
  type SubgraphName,
} from '@pathway-graph/shared';
import type { JSONWebKeySet } from 'jose';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from './compose.ts';
import { mountIde, type IdeOptions } from './ide/index.ts';

export type GatewayContext = RequestBase;

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
}

/**
 * Passes the caller's credentials and the request id on to every subgraph, so each subgraph can check the caller
 * itself and one request can be followed across all services' logs.
 */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    // Apollo's own health check calls without a context.
    if (!('requestId' in context)) return;
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(PURPOSE_HEADER, context.purpose);
    request.http?.headers.set('authorization', context.authorization);
  }
}

/**
 * Starts the gateway on the static, committed supergraph (no runtime introspection), routing each subgraph to its
 * configured URL.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = options.log ?? createLogger('gateway');
  const supergraphSdl = options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`The supergraph names a subgraph "${name}" with no configured URL.`);
      return observeSubgraphFetches(name, new ForwardingDataSource({ url }));
    },
    logger: log,
  });
  return startHttpService<GatewayContext>({
    name: 'gateway',
    port: options.port,
    log,
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
