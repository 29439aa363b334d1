import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientWentAway, requestScope } from '@pathway-graph/shared';
import { parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { SubgraphDataSource, subgraphAgent, type GatewayContext } from './subgraph-calls.ts';

/**
 * The gateway's calls to a subgraph have a time limit (SUBGRAPH_TIMEOUT_MS) and end with the request they serve: a
 * subgraph that does not answer costs the client only its own fields, reported with the reason, and the call is
 * abandoned, so the subgraph sees its client go and stops working for nobody.
 */

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A subgraph that takes every request and never answers; resolves each request's end (the caller went away). */
async function silentSubgraph(): Promise<{ url: string; received: Promise<IncomingMessage>; abandoned: Promise<void> }> {
  let onRequest!: (req: IncomingMessage) => void;
  const received = new Promise<IncomingMessage>((resolve) => (onRequest = resolve));
  const abandoned = received.then((req) => new Promise<void>((resolve) => req.socket.once('close', () => resolve())));
  server = createServer((req) => onRequest(req));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received, abandoned };
}

const CONTEXT: GatewayContext = { requestId: 'test-request', purpose: 'CARE', authorization: 'Bearer test' } as unknown as GatewayContext;

function options(query: string): GraphQLDataSourceProcessOptions<GatewayContext> {
  // What the gateway's executor hands a data source for a client's operation; only these fields are read.
  return {
    // GraphQLDataSourceRequestKind.INCOMING_OPERATION (a const enum the package does not export as a value).
    kind: 'incoming operation',
    request: { query, variables: {}, http: { method: 'POST', url: '', headers: new Headers() } },
    incomingRequestContext: { context: CONTEXT },
    context: CONTEXT,
    document: parse(query),
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('a subgraph call of the gateway', () => {
  it('is abandoned after SUBGRAPH_TIMEOUT_MS: the subgraph’s fields are null with an error naming it and the limit', async () => {
    const subgraph = await silentSubgraph();
    const settings = { timeoutMs: 300, idleTimeoutMs: 1_000 };
    const source = new SubgraphDataSource('bua', subgraph.url, settings, subgraphAgent(settings), new Set());
    const answer = await source.process(options('{ buaChild(id: "x") { id } }'));
    await subgraph.received;
    expect(answer.data).toEqual({ buaChild: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.message).toMatch(/^The bua subgraph did not answer within 300 ms \(SUBGRAPH_TIMEOUT_MS\)/);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'bua', reason: 'timeout' });
    // The call was given up, not left waiting: the subgraph sees its connection closed.
    await subgraph.abandoned;
  });

  it('is abandoned at once when the request it serves is over (its client went away), long before its time limit', async () => {
    const subgraph = await silentSubgraph();
    const settings = { timeoutMs: 60_000, idleTimeoutMs: 1_000 };
    const source = new SubgraphDataSource('bua', subgraph.url, settings, subgraphAgent(settings), new Set());
    const stop = new AbortController();
    const scope = { requestId: 'test-request', callerRequestId: undefined, signal: stop.signal, graphql: undefined };
    const answer = requestScope.run(scope, () => source.process(options('{ buaChild(id: "x") { id } }')));
    await subgraph.received;
    stop.abort(clientWentAway());
    await subgraph.abandoned;
    const { data, errors } = await answer;
    expect(data).toEqual({ buaChild: null });
    expect(errors![0]!.extensions).toMatchObject({ code: 'CLIENT_CLOSED_REQUEST', serviceName: 'bua' });
  });
});
