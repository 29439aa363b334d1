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
import { Agent, fetch as undiciFetch } from 'undici';

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

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    // Apollo's own health check calls without a context.
    if (!('requestId' in context)) return;
    // Every subgraph checks the caller itself, and one request can be followed across all services' logs.
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.callerRequestId) request.http?.headers.set(CALLER_REQUEST_ID_HEADER, context.callerRequestId);
    request.http?.headers.set(PURPOSE_HEADER, context.purpose);
    request.http?.headers.set('authorization', context.authorization);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // Only a client's operation has a path to report on; the gateway's own health checks fail as they are.
      if (!('incomingRequestContext' in options)) throw error;
      const failure = this.describeFailure(error);
      const document = options.document ?? (options.request.query ? parse(options.request.query) : undefined);
      if (!document) throw error;
      return failedFetch(document, options.request.variables, failure, this.hidden);
    }
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
 */
function subgraphFetcher(agent: Agent, settings: SubgraphCallSettings) {
  // The data source's Fetcher type is node-fetch's; undici's fetch takes and returns the same shapes at run time.
  type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];
  const fetcher = async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    const idempotent = body !== undefined && !/^\{"query":"\s*mutation\b/.test(body);
    for (let attempt = 0; ; attempt += 1) {
      const request = currentRequest()?.signal;
      const signal = request ? AbortSignal.any([request, AbortSignal.timeout(settings.timeoutMs)]) : AbortSignal.timeout(settings.timeoutMs);
      try {
        return await undiciFetch(url, { ...init, body, dispatcher: agent, signal });
      } catch (error) {
        const reset = RESET_CODES.has(causeCode(error) ?? '');
        if (attempt === 0 && idempotent && reset && !signal.aborted) continue;
        throw error;
      }
    }
  };
  return fetcher as unknown as Fetcher;
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
