import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  CALLER_REQUEST_ID_HEADER,
  currentRequest,
  ErrorCode,
  PURPOSE_HEADER,
  REQUEST_ID_HEADER,
  type RequestBase,
  type SubgraphCallSettings,
} from '@pathway-graph/shared';
import { Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { STATUS_CODES } from 'node:http';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';

export type GatewayContext = RequestBase;
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * How the gateway calls a subgraph, and what it makes of a subgraph that does not answer.
 *
 * - Keep-alive: an idle connection is closed by the gateway after SUBGRAPH_IDLE_TIMEOUT_MS, shorter than the
 *   subgraphs' keep-alive timeout, so the gateway never sends a request down a socket the subgraph is closing (after
 *   an idle minute the first requests used to fail that way). Should the two still cross, a query (never a mutation)
 *   is sent once more on a fresh connection.
 * - Timeouts: a call is abandoned after SUBGRAPH_TIMEOUT_MS, and at once when the request it serves is over (its
 *   client went away, or REQUEST_TIMEOUT_MS passed), so the subgraph stops working for nobody too.
 * - A subgraph that is down, unreachable or too slow takes only its own fields with it: they are null, each with a
 *   SUBGRAPH_UNAVAILABLE error naming its path and the subgraph (`serviceName`), and everything the live subgraphs
 *   give comes back. Fields hidden from clients (the sectors' facts for the pathway subgraph) are null without an
 *   error of their own: the pathway's `withheld` then names that sector as UNAVAILABLE.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly settings: SubgraphCallSettings,
    agent: Agent,
    /** `Type.field` of every field clients cannot select (`@inaccessible` in the supergraph). */
    private readonly hidden: ReadonlySet<string>,
  ) {
    super({ url, fetcher: subgraphFetcher(agent, settings) });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await this.send(options);
    } catch (error) {
      // Only a client's operation has a path to report on; the gateway's own health checks fail as they are.
      if (!('incomingRequestContext' in options)) throw error;
      const failure = this.describeFailure(error);
      const document = options.document ?? (options.request.query ? parse(options.request.query) : undefined);
      if (!document) throw error;
      return failedFetch(document, options.request.variables, failure, this.hidden);
    }
  }

  /**
   * One call, as RemoteGraphQLDataSource.process makes it (the same headers, body, error for a non-2xx answer and
   * cache hint), with the headers as a plain object: it built a node-fetch Headers and a node-fetch Request for every
   * call, the Request only to hand to hooks this data source does not have. Persisted queries (`apq`) are not used.
   */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, http, ...rest } = options.request;
    if (!query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    // Headers the executor asks for (a federated trace); none in this project's set-up.
    for (const [name, value] of http?.headers ?? []) headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    headers['content-type'] = 'application/json';
    const { context } = options;
    // Apollo's own health check calls without a context.
    if ('requestId' in context) {
      // Every subgraph checks the caller itself, and one request can be followed across all services' logs.
      headers[REQUEST_ID_HEADER] = context.requestId;
      if (context.callerRequestId) headers[CALLER_REQUEST_ID_HEADER] = context.callerRequestId;
      headers[PURPOSE_HEADER] = context.purpose;
      headers['authorization'] = context.authorization;
    }
    const response = await this.fetcher(this.url, { method: 'POST', headers, body: JSON.stringify({ query, ...rest }) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    // The request's overall cache policy (Apollo types it `any`) is narrowed by every subgraph's Cache-Control.
    const policy = ('incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined) as { restrict?: (hint: CacheHint) => void } | undefined;
    if (this.honorSubgraphCacheControlHeader && typeof policy?.restrict === 'function') policy.restrict(cacheHintOf(response.headers.get('cache-control')));
    return { ...(body as GatewayGraphQLResponse), http: response };
  }

  /** What the client is told about a call that gave no GraphQL answer. */
  private describeFailure(error: unknown): GraphQLFormattedError {
    const stopped = currentRequest()?.signal;
    if (stopped?.aborted) {
      const reason = stopped.reason as { message?: string; extensions?: Record<string, unknown> };
      return { message: reason.message ?? 'The request was stopped.', extensions: { ...(reason.extensions ?? {}), serviceName: this.serviceName } };
    }
    // The subgraph answered with a GraphQL refusal of the whole request (e.g. over one of its limits): pass it on.
    const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body as { errors?: GraphQLFormattedError[] } | undefined;
    const refusal = Array.isArray(body?.errors) ? body.errors[0] : undefined;
    if (refusal?.message) {
      return { message: refusal.message, extensions: { ...(refusal.extensions ?? {}), serviceName: this.serviceName } };
    }
    const status = (error as { extensions?: { response?: { status?: unknown } } }).extensions?.response?.status;
    const timedOut = isTimeout(error);
    const why = timedOut
      ? `did not answer within ${this.settings.timeoutMs} ms (SUBGRAPH_TIMEOUT_MS)`
      : typeof status === 'number'
        ? `answered HTTP ${status} without a GraphQL result`
        : 'cannot be reached';
    return {
      message: `The ${this.serviceName} subgraph ${why}, so what it holds is missing from this answer; the rest is complete. Try again shortly; if it persists, report it quoting the request id (x-request-id response header).`,
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.serviceName, reason: timedOut ? 'timeout' : typeof status === 'number' ? 'bad-response' : 'unreachable' },
    };
  }
}

/** One keep-alive agent for all the gateway's subgraph calls. */
export function subgraphAgent(settings: SubgraphCallSettings): Agent {
  return new Agent({
    // The subgraph's `Keep-Alive: timeout=` hint is honoured too, but never beyond our own idle limit.
    keepAliveTimeout: settings.idleTimeoutMs,
    keepAliveMaxTimeout: settings.idleTimeoutMs,
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  });
}

/** The cache hint a subgraph's Cache-Control header gives, read as RemoteGraphQLDataSource reads it. */
interface CacheHint {
  maxAge: number;
  scope?: 'PRIVATE' | 'PUBLIC';
}

function cacheHintOf(header: string | null): CacheHint {
  const directives = new Map<string, string | true>();
  for (const part of header?.trim().split(/\s*,\s*/) ?? []) {
    const [name = '', value] = part.split(/\s*=\s*/, 2);
    directives.set(name, value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  const hint: CacheHint = { maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0 };
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  return hint;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const code = causeCode(error);
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === '23';
}

/**
 * The fetch the data source uses: undici on the keep-alive agent, abandoned after the call's time limit or when the
 * request is over, and a query (the gateway's plans send a query as `{"query":"query …` or `{"query":"{ …`) sent once
 * more when the connection was reset before an answer. A mutation is never sent twice.
 *
 * It is undici's `request`, not its `fetch`: the data source reads a status, one header and the JSON body, and
 * `fetch`'s WHATWG machinery around that (Request and Response objects, web streams, a signal per object) was the
 * largest part of the gateway's own CPU per subgraph call.
 */
function subgraphFetcher(agent: Agent, settings: SubgraphCallSettings) {
  // The data source's Fetcher type is a whole WHATWG fetch's; the data source and the fetch metrics read only what
  // SubgraphResponse gives (see there).
  type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];
  const fetcher = async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<SubgraphResponse> => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    const idempotent = body !== undefined && !/^\{"query":"\s*mutation\b/.test(body);
    for (let attempt = 0; ; attempt += 1) {
      const call = callSignal(currentRequest()?.signal, settings.timeoutMs);
      try {
        const response = await undiciRequest(url, { method: (init.method ?? 'POST') as Dispatcher.HttpMethod, headers: init.headers, body, dispatcher: agent, signal: call.signal });
        return subgraphResponse(url, response, call.done);
      } catch (error) {
        call.done();
        const reset = RESET_CODES.has(causeCode(error) ?? '');
        if (attempt === 0 && idempotent && reset && !call.signal.aborted) continue;
        throw error;
      }
    }
  };
  return fetcher as unknown as Fetcher;
}

/**
 * The signal of one call: aborted with the request's own reason when the request it serves is over, or with a
 * TimeoutError (as `AbortSignal.timeout` gives) after `timeoutMs`. `done` disarms both once the answer is read.
 */
function callSignal(request: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  if (request?.aborted) {
    controller.abort(request.reason);
    return { signal: controller.signal, done: () => {} };
  }
  const unfollow = request ? follow(request, controller) : undefined;
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs);
  // A pending call never keeps the process alive on its own (as with AbortSignal.timeout).
  timer.unref();
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      unfollow?.();
    },
  };
}

/** The calls in flight for each request; one abort listener per request, however many calls it makes at once. */
const callsOf = new WeakMap<AbortSignal, Set<AbortController>>();

/** Aborts `call` with the request's reason when the request is over; the returned function lets go of it. */
function follow(request: AbortSignal, call: AbortController): () => void {
  const calls = callsOf.get(request) ?? new Set<AbortController>();
  if (!callsOf.has(request)) {
    callsOf.set(request, calls);
    request.addEventListener('abort', () => calls.forEach((c) => c.abort(request.reason)), { once: true });
  }
  calls.add(call);
  return () => void calls.delete(call);
}

/**
 * What RemoteGraphQLDataSource and the fetch metrics read of a fetch response: `ok`, `status`, `statusText`, `url`,
 * `headers.get` (Content-Type, Cache-Control) and the body once, as JSON or text. The time limit covers the body too.
 */
interface SubgraphResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

function subgraphResponse(url: string, response: Dispatcher.ResponseData, done: () => void): SubgraphResponse {
  const { statusCode, headers, body } = response;
  return {
    ok: statusCode >= 200 && statusCode < 300,
    status: statusCode,
    statusText: response.statusText || (STATUS_CODES[statusCode] ?? ''),
    url,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    json: () => body.json().finally(done),
    text: () => body.text().finally(done),
  };
}

/** `Type.field` for every field, and `Type` for every type, that the supergraph hides from clients. */
export function hiddenFieldsOf(supergraphSdl: string): Set<string> {
  const hidden = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('name' in definition) || !definition.name || !('fields' in definition)) continue;
    const typeName = definition.name.value;
    const typeHidden = definition.directives?.some((d) => d.name.value === 'inaccessible');
    for (const field of definition.fields ?? []) {
      if (typeHidden || field.directives?.some((d) => d.name.value === 'inaccessible')) hidden.add(`${typeName}.${field.name.value}`);
    }
  }
  return hidden;
}

/** The response names a selection set asks for at its own level, per type condition ('' for no condition). */
function responseNames(selectionSet: SelectionSetNode): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  const add = (type: string, name: string) => byType.set(type, [...(byType.get(type) ?? []), name]);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) add('', selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      for (const inner of selection.selectionSet.selections) {
        if (inner.kind === Kind.FIELD) add(selection.typeCondition?.name.value ?? '', inner.alias?.value ?? inner.name.value);
      }
    }
  }
  return byType;
}

/**
 * The answer of a call that failed: every field it would have filled is null, and each field a client can see gets
 * the failure as its error, at its own path, so the gateway merges the live subgraphs' data around it.
 */
export function failedFetch(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  failure: GraphQLFormattedError,
  hidden: ReadonlySet<string>,
): GatewayGraphQLResponse {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return { errors: [failure] };
  const errors: GraphQLFormattedError[] = [];
  const root = operation.selectionSet.selections[0];
  const entities = root?.kind === Kind.FIELD && root.name.value === '_entities' ? root : undefined;
  if (entities?.selectionSet) {
    const representations = Array.isArray(variables?.['representations']) ? (variables['representations'] as { __typename?: unknown }[]) : [];
    const names = responseNames(entities.selectionSet);
    const data = representations.map((representation, index) => {
      const typename = typeof representation?.__typename === 'string' ? representation.__typename : '';
      const fields = [...(names.get('') ?? []), ...(names.get(typename) ?? [])].filter((f) => f !== '__typename');
      for (const field of fields) if (!hidden.has(`${typename}.${field}`)) errors.push({ ...failure, path: ['_entities', index, field] });
      return { __typename: typename, ...Object.fromEntries(fields.map((f) => [f, null])) };
    });
    // Nothing a client selected came from here: the pathway's `withheld` says the sector is UNAVAILABLE.
    return errors.length ? { data: { _entities: data }, errors } : { data: { _entities: data } };
  }
  const rootType = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const fields = (responseNames(operation.selectionSet).get('') ?? []).filter((f) => f !== '__typename');
  for (const field of fields) if (!hidden.has(`${rootType}.${field}`)) errors.push({ ...failure, path: [field] });
  return { data: Object.fromEntries(fields.map((f) => [f, null])), errors: errors.length ? errors : [failure] };
}
