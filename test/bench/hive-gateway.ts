/**
 * Hive Gateway in front of the project's subgraphs, for the side-by-side benchmark: the committed supergraph, the
 * JavaScript query planner or (BENCH_PLANNER=rust) the Rust one from @graphql-hive/router-runtime, the caller's
 * token, purpose and request id passed on to every subgraph, the token verified first with the project's own
 * verifier (the same work the project's gateway does), and in-flight request merging off, inbound and outbound.
 * Prints `{"port":N}` on stdout once it listens.
 */
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { createTokenVerifier } from '@pathway-graph/shared/auth/tokens';
import { loadGatewayConfig, tokenVerifierOptions } from '@pathway-graph/shared/config';
import { SUBGRAPHS, SUBGRAPH_NAMES } from '@pathway-graph/shared/registry';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const planner = process.env['BENCH_PLANNER'] === 'rust' ? 'rust' : 'js';
const config = loadGatewayConfig();
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
const sdl = readFileSync(fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url)), 'utf8');

// The supergraph names subgraphs in upper snake case (GENERAL_PRACTICE); the configured URLs are by registry name.
const byGraphName = new Map(SUBGRAPH_NAMES.map((name) => [name.toUpperCase().replace(/-/g, '_'), config.subgraphUrls[name]]));
const withUrls = sdl.replace(/(@join__graph\(name: "([^"]+)", url: ")[^"]*(")/g, (_, head: string, name: string, tail: string) => {
  const url = byGraphName.get(name.toUpperCase().replace(/-/g, '_'));
  if (!url) throw new Error(`no URL for subgraph ${name} (known: ${Object.keys(SUBGRAPHS).join(', ')})`);
  return `${head}${url}${tail}`;
});

const verifyToken: GatewayPlugin = {
  async onRequest({ request, endResponse, fetchAPI }) {
    if (!new URL(request.url).pathname.endsWith('/graphql')) return;
    try {
      await verifier.verify(request.headers.get('authorization') ?? undefined);
    } catch (error) {
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
  },
};

const unifiedGraphHandler = planner === 'rust' ? (await import('@graphql-hive/router-runtime')).unifiedGraphHandler : undefined;
const forwarded = ['authorization', 'x-purpose-of-use', 'x-request-id'];
const gateway = createGatewayRuntime({
  supergraph: () => withUrls,
  ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
  logging: false,
  // Hive's own planning errors are worded in the answer, not masked: the comparison test names the one it has.
  maskedErrors: false,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  inboundInflightRequestDeduplication: false,
  // Hive Gateway merges identical in-flight subgraph requests by default; every gateway of the benchmark runs without.
  transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => Object.fromEntries(forwarded.flatMap((h) => (request.headers.get(h) ? [[h, request.headers.get(h)!]] : []))),
  },
  plugins: () => [verifyToken],
});

const server = createServer(gateway);
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, planner })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
});
