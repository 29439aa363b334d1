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

function options(query: string, overallCachePolicy?: { restrict(hint: unknown): void }): GraphQLDataSourceProcessOptions<GatewayContext> {
  // What the gateway's executor hands a data source for a client's operation; only these fields are read.
  return {
    // GraphQLDataSourceRequestKind.INCOMING_OPERATION (a const enum the package does not export as a value).
    kind: 'incoming operation',
    request: { query, variables: {}, http: { method: 'POST', url: '', headers: new Headers() } },
    incomingRequestContext: { context: CONTEXT, ...(overallCachePolicy ? { overallCachePolicy } : {}) },
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

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A subgraph that answers each request with `answer(n)` (n counts from 1), or drops its connection when that is 'reset'. */
async function answeringSubgraph(answer: (n: number) => { status: number; headers?: Record<string, string>; body: string } | 'reset'): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      const reply = answer(received.length);
      // The connection closes before any answer, as when the subgraph closes an idle keep-alive connection.
      if (reply === 'reset') return void req.socket.destroy();
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received };
}

describe('what a subgraph call sends and gives back', () => {
  const settings = { timeoutMs: 5_000, idleTimeoutMs: 1_000 };

  it('sends the operation as JSON with the request id, purpose and token, and gives the answer and its cache hint', async () => {
    const subgraph = await answeringSubgraph(() => ({ status: 200, headers: { 'cache-control': 'private, max-age=60' }, body: '{"data":{"buaChild":{"id":"x"}}}' }));
    const source = new SubgraphDataSource('bua', subgraph.url, settings, subgraphAgent(settings), new Set());
    const hints: unknown[] = [];
    const query = '{ buaChild(id: "x") { id } }';
    const answer = await source.process(options(query, { restrict: (hint) => hints.push(hint) }));
    expect(answer.data).toEqual({ buaChild: { id: 'x' } });
    expect(answer.errors).toBeUndefined();
    expect(hints).toEqual([{ maxAge: 60, scope: 'PRIVATE' }]);
    expect(subgraph.received).toHaveLength(1);
    const [call] = subgraph.received;
    expect(JSON.parse(call!.body)).toEqual({ query, variables: {} });
    expect(call!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-request-id': 'test-request',
      'x-purpose-of-use': 'CARE',
      authorization: 'Bearer test',
    });
  });

  it('passes on a subgraph’s refusal of the whole operation (HTTP 400 with a GraphQL error), naming the subgraph', async () => {
    const refusal = { errors: [{ message: 'The operation nests 30 levels deep', extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } }] };
    const subgraph = await answeringSubgraph(() => ({ status: 400, body: JSON.stringify(refusal) }));
    const source = new SubgraphDataSource('bua', subgraph.url, settings, subgraphAgent(settings), new Set());
    const answer = await source.process(options('{ buaChild(id: "x") { id } }'));
    expect(answer.data).toEqual({ buaChild: null });
    expect(answer.errors).toEqual([
      { message: 'The operation nests 30 levels deep', path: ['buaChild'], extensions: { code: 'OPERATION_LIMIT_EXCEEDED', serviceName: 'bua' } },
    ]);
  });

  it('sends a query once more when its connection was reset before an answer', async () => {
    const subgraph = await answeringSubgraph((n) => (n === 1 ? 'reset' : { status: 200, body: '{"data":{"buaChild":{"id":"x"}}}' }));
    const source = new SubgraphDataSource('bua', subgraph.url, settings, subgraphAgent(settings), new Set());
    const answer = await source.process(options('query { buaChild(id: "x") { id } }'));
    expect(answer.data).toEqual({ buaChild: { id: 'x' } });
    expect(subgraph.received).toHaveLength(2);
  });

  it('never sends a mutation twice: a reset connection leaves its fields null, with the subgraph named as unreachable', async () => {
    const subgraph = await answeringSubgraph((n) => (n === 1 ? 'reset' : { status: 200, body: '{"data":{"sendLetter":{"id":"x"}}}' }));
    const source = new SubgraphDataSource('bua', subgraph.url, settings, subgraphAgent(settings), new Set());
    const answer = await source.process(options('mutation { sendLetter(id: "x") { id } }'));
    expect(subgraph.received).toHaveLength(1);
    expect(answer.data).toEqual({ sendLetter: null });
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'bua', reason: 'unreachable' });
  });
});
