import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinoHttp } from 'pino-http';
import type { Principal, Purpose } from '../auth/principal.ts';
import { PURPOSES } from '../auth/principal.ts';
import type { TokenVerifier } from '../auth/tokens.ts';
import { portVariable } from '../config.ts';
import { badUserInput, ErrorCode } from '../errors.ts';
import { inputTextPlugin } from './inputs.ts';
import { documentLimitRules, operationLimitsPlugin, tokenLimitOf } from './limits.ts';
import { describeErrorForLog, type Logger } from './logger.ts';
import { CALLER_REQUEST_ID_HEADER, headerValue, ownRequestId, REQUEST_ID_HEADER, requestIdProblem } from './request-id.ts';
import { clientWentAway, requestScope, requestTimedOut, type RequestScope } from './request-scope.ts';
import { DEFAULT_HTTP_SETTINGS, DEFAULT_SHUTDOWN_GRACE_MS, type HttpSettings } from './settings.ts';
import { portProblem, StartupError } from './startup.ts';
import { metricsEndpoint, observabilityPlugin, stopTracing, traceRequests } from '../observability/index.ts';

/** The header a caller states the purpose of its request in; every reader of a child's data has one. */
export const PURPOSE_HEADER = 'x-purpose-of-use';
export const DEFAULT_PURPOSE: Purpose = 'CARE_COORDINATION';

/** What every resolver context starts from, in every service: who asks, why, and under which request id. */
export interface RequestBase {
  requestId: string;
  /** The id the caller chose (x-request-id at the gateway), kept beside ours; undefined when it sent none. */
  callerRequestId?: string | undefined;
  log: Logger;
  /** The verified caller. Every service verifies the token itself, the gateway and each subgraph alike. */
  principal: Principal;
  purpose: Purpose;
  /** The raw `Authorization` header, passed on by the gateway. */
  authorization: string;
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  log: Logger;
  /** Either a schema (subgraphs) or a gateway instance. */
  apollo: { schema: GraphQLSchema } | { gateway: NonNullable<ConstructorParameters<typeof ApolloServer>[0]['gateway']> };
  context: (base: RequestBase, req: Request) => Promise<TContext>;
  /** Verifies the bearer token of every GraphQL request; health and readiness stay open. */
  verifier: TokenVerifier;
  /** Readiness checks: resolve when the service can take traffic, throw otherwise. */
  ready: () => Promise<void>;
  /** Extra routes mounted before GraphQL, e.g. a message endpoint. */
  routes?: (app: Express) => void;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Called after the HTTP server has drained, to release databases and workers. */
  onClose?: () => Promise<void>;
  /** Limits, timeouts, introspection; the defaults when not given (tests that do not care). */
  http?: HttpSettings;
  /**
   * Whose request id a request carries. `own` (the gateway): always one of its own, the caller's x-request-id kept
   * beside it; `passed-on` (a subgraph): the x-request-id it is given (the gateway's), else one of its own, with the
   * caller's arriving in x-caller-request-id.
   */
  requestIds?: 'own' | 'passed-on';
  /** Browser origins allowed to call this service (CORS); none by default, and then no CORS headers at all. */
  corsOrigins?: readonly string[];
  /**
   * The Content-Security-Policy per route, by path prefix (the longest matching one applies); every other response
   * gets API_CONTENT_SECURITY_POLICY. A page served later (e.g. a GraphQL IDE at /graphql) adds its own here.
   */
  contentSecurityPolicy?: Record<string, ContentSecurityPolicyDirectives>;
  /**
   * The level of the line logged for each answered request (refused ones are `warn`, failed ones `error`); by default
   * `info` where requests come from clients (`requestIds: 'own'`, the gateway) and `debug` behind it (the subgraphs).
   */
  requestLogLevel?: 'info' | 'debug';
}

/** The default level of a service's answered-request lines: see `HttpServiceOptions.requestLogLevel`. */
export function requestLogLevelOf(requestIds: HttpServiceOptions<BaseContext>['requestIds']): 'info' | 'debug' {
  return requestIds === 'own' ? 'info' : 'debug';
}

export type ContentSecurityPolicyDirectives = Record<string, Iterable<string> | null>;

/** An API answers JSON only: nothing it serves may load, run or be framed. */
export const API_CONTENT_SECURITY_POLICY: ContentSecurityPolicyDirectives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export interface RunningService {
  name: string;
  port: number;
  url: string;
  /** TCP connections accepted so far; shows whether callers reuse connections (keep-alive). */
  connectionsAccepted(): number;
  close(): Promise<void>;
}

const ownCodes = new Set<string>(Object.values(ErrorCode));

/**
 * Starts one service: GraphQL at /graphql, liveness at /health, readiness at /ready, a request id on every
 * request and response, JSON access logs without personal data, and a graceful shutdown that drains requests.
 */
export async function startHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningService> {
  const { log } = options;
  const settings = options.http ?? DEFAULT_HTTP_SETTINGS;
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  httpServer.keepAliveTimeout = settings.keepAliveTimeoutMs;
  // Node closes a connection that has not sent its headers within headersTimeout; it must outlast the keep-alive.
  httpServer.headersTimeout = settings.keepAliveTimeoutMs + 1000;
  let connections = 0;
  httpServer.on('connection', () => {
    connections += 1;
  });

  app.use(securityHeaders(options.contentSecurityPolicy ?? {}));
  if (options.corsOrigins?.length) app.use(corsFor(options.corsOrigins));

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = requestIdsOf(req.headers, options.requestIds ?? 'passed-on').requestId;
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      // Only the path: a GET request's query string may carry GraphQL variables, which may carry a CPR number.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
      // The completion line says what the request was and how GraphQL answered it, not only the HTTP status.
      customProps: (_req, res) => {
        const graphql = ((res as Response).locals?.['scope'] as RequestScope | undefined)?.graphql;
        return graphql ? { operation: graphql.operationName ?? '(anonymous)', errorCodes: graphql.errorCodes } : {};
      },
      // A subgraph's answered requests repeat what the gateway's line already says, once per subgraph fetch: they are
      // debug lines there, so the default level costs one line per request. Refusals and failures stay visible.
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : (options.requestLogLevel ?? requestLogLevelOf(options.requestIds)),
      customSuccessMessage: (_req, res) => {
        const graphql = ((res as Response).locals?.['scope'] as RequestScope | undefined)?.graphql;
        return res.statusCode >= 400 ? 'request refused' : graphql?.errorCodes.length ? 'request completed with errors' : 'request completed';
      },
    }),
  );

  app.use(traceRequests(options.name));
  // Everything a request causes, down to its SQL statements, runs inside the request scope: its ids go on every log
  // line, and its signal stops the work when the client goes away or REQUEST_TIMEOUT_MS passes.
  app.use(requestScopeMiddleware(options.requestIds ?? 'passed-on', settings.requestTimeoutMs));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (req, res) => {
    try {
      await options.ready();
      res.json({ status: 'ready', service: options.name });
    } catch (error) {
      req.log.warn({ err: describeErrorForLog(error) }, 'not ready');
      res.status(503).json({ status: 'unavailable', service: options.name });
    }
  });
  app.get('/metrics', metricsEndpoint(options.name));
  options.routes?.(app);

  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    logger: apolloLogger(log),
    // Off in production unless GRAPHQL_INTROSPECTION says otherwise (a staging environment): the schema is published
    // as SDL in the repository, not served to whoever asks.
    introspection: settings.introspection,
    // "Did you mean …?" in validation errors lets anyone map a schema without introspection.
    hideSchemaDetailsFromClientErrors: settings.production,
    validationRules: documentLimitRules(settings.limits),
    // Counted while lexing: a huge document is refused before it is parsed whole.
    parseOptions: { maxTokens: settings.limits.tokens },
    // Shutdown is ours (closeOnSignals): Apollo's own handler would race it and leave the databases open.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // On close: no new connections, idle keep-alive ones closed at once, in-flight requests answered until the
      // grace period ends, then every connection is closed, so a service under load still stops in bounded time.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: settings.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin<TContext>(options.name),
      operationLimitsPlugin<TContext>(settings.limits),
      inputTextPlugin<TContext>(),
      completionLogPlugin<TContext>(),
      ...(options.plugins ?? []),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      // Armor's limits are validation errors, which Apollo files under its own validation code; the limit's own code
      // tells a client which limit and what to do.
      if (formatted.extensions?.['limit'] && formatted.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED') {
        return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.OPERATION_LIMIT_EXCEEDED } };
      }
      const overTokens = formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' ? tokenLimitOf(formatted.message, settings.limits.tokens) : undefined;
      if (overTokens) return { message: overTokens.message, extensions: { ...overTokens.extensions, http: undefined } };
      const code = String(formatted.extensions?.['code'] ?? '');
      // Apollo's own validation and parse codes, and ours, are meant for clients; anything else is a bug whose
      // message may quote data, so the client gets a reference and the log gets the (sanitised) detail.
      if (ownCodes.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
      if (code.startsWith('GRAPHQL_') || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE') {
        return formatted;
      }
      if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.extensions?.['serviceName']) return formatted;
      log.error({ err: describeErrorForLog(unwrap(error)), path: formatted.path }, 'unexpected error');
      return {
        message: 'Internal error. Quote the request id (x-request-id response header) when reporting it.',
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    },
  });
  await apollo.start();

  app.use(
    '/graphql',
    jsonBodiesOnly,
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const scope = res.locals['scope'] as RequestScope;
        const requestId = scope.requestId;
        // Refused here, before any resolver runs: `_entities` is guarded exactly like every other field.
        const principal = await options.verifier.verify(req.headers.authorization);
        const base: RequestBase = {
          requestId,
          callerRequestId: scope.callerRequestId,
          log: req.log.child({ actor: principal.subject, sector: principal.sector }),
          principal,
          purpose: purposeFrom(req.headers[PURPOSE_HEADER]),
          authorization: req.headers.authorization ?? '',
        };
        return options.context(base, req);
      },
    }),
  );

  // Whatever no route answered, and every error a route passed on, is answered as JSON in the GraphQL shape.
  app.use(notFound);
  app.use(errorAnswer(log));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
    });
  } catch (error) {
    // Nothing will serve: release what the service opened (its database, its workers) before saying why.
    await apollo.stop().catch(() => {});
    await options.onClose?.().catch(() => {});
    throw listenFailure(options.name, options.port, error);
  }
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port }, `${options.name} listening`);

  let closing: Promise<void> | undefined;
  return {
    name: options.name,
    port,
    url: `http://localhost:${port}/graphql`,
    connectionsAccepted: () => connections,
    close: () => {
      closing ??= (async () => {
        await apollo.stop();
        await options.onClose?.();
        log.info(`${options.name} stopped`);
      })();
      return closing;
    },
  };
}

/** The largest request body a GraphQL endpoint reads. */
const MAX_BODY = '1mb';

/** A GraphQL-shaped JSON error answer, as every service gives for anything that is not a GraphQL result. */
export function sendError(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
}

/** The request ids of a request, as `requestIds` says whose they are; problems with the client's ids are returned. */
function requestIdsOf(
  headers: Record<string, string | string[] | undefined>,
  mode: 'own' | 'passed-on',
): { requestId: string; callerRequestId: string | undefined; problem?: { header: string; problem: string } } {
  const given = headerValue(headers[REQUEST_ID_HEADER]);
  const caller = mode === 'own' ? given : headerValue(headers[CALLER_REQUEST_ID_HEADER]);
  const passedOn = mode === 'passed-on' ? given : undefined;
  const problemWith = (header: string, value: string | undefined) => {
    const problem = value === undefined ? undefined : requestIdProblem(value);
    return problem ? { header, problem } : undefined;
  };
  const problem = problemWith(REQUEST_ID_HEADER, given) ?? (mode === 'passed-on' ? problemWith(CALLER_REQUEST_ID_HEADER, caller) : undefined);
  return {
    requestId: passedOn !== undefined && !problem ? passedOn : ownRequestId(),
    callerRequestId: caller !== undefined && !problem ? caller : undefined,
    ...(problem ? { problem } : {}),
  };
}

/**
 * Opens the request scope. A client-chosen id that could carry personal data into the logs is refused (400); the
 * scope's signal is aborted when the client goes away before its answer, or when the request outlasts `timeoutMs`.
 */
function requestScopeMiddleware(mode: 'own' | 'passed-on', timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const ids = requestIdsOf(req.headers, mode);
    const controller = new AbortController();
    const scope: RequestScope = { requestId: String(req.id), callerRequestId: ids.callerRequestId, signal: controller.signal, graphql: undefined };
    res.locals['scope'] = scope;
    // The caller finds its own id again beside ours, which is the one to quote when reporting a problem.
    if (ids.callerRequestId) res.setHeader(CALLER_REQUEST_ID_HEADER, ids.callerRequestId);
    if (ids.problem) {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, `The ${ids.problem.header} header ${ids.problem.problem}; send another id, or none.`, {
        header: ids.problem.header,
      });
      return;
    }
    const timer = setTimeout(() => controller.abort(requestTimedOut(timeoutMs)), timeoutMs);
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) controller.abort(clientWentAway());
    });
    requestScope.run(scope, next);
  };
}

/** Records what GraphQL made of the request (its operation and error codes) for the completion log line. */
function completionLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const scope = requestScope.getStore();
      if (scope) scope.graphql = { operationName: request.operationName ?? null, errorCodes: [] };
      return {
        async didResolveOperation({ operationName }) {
          if (scope?.graphql) scope.graphql.operationName = operationName;
        },
        async didEncounterErrors({ errors }) {
          if (!scope?.graphql) return;
          const codes = errors.map((e) => String(e.extensions['code'] ?? (e.originalError as { extensions?: { code?: unknown } } | undefined)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          scope.graphql.errorCodes = [...new Set([...scope.graphql.errorCodes, ...codes])];
        },
      };
    },
  };
}

/** Helmet's headers on every response, with the Content-Security-Policy of the route. */
function securityHeaders(perRoute: Record<string, ContentSecurityPolicyDirectives>): RequestHandler {
  const common = helmet({ contentSecurityPolicy: false });
  const policy = (directives: ContentSecurityPolicyDirectives) => helmet.contentSecurityPolicy({ useDefaults: false, directives });
  const routes = Object.entries(perRoute)
    .sort(([a], [b]) => b.length - a.length)
    .map(([prefix, directives]) => [prefix, policy(directives)] as const);
  const fallback = policy(API_CONTENT_SECURITY_POLICY);
  return (req, res, next) => {
    common(req, res, (error?: unknown) => {
      if (error) return next(error);
      const route = routes.find(([prefix]) => req.path.startsWith(prefix));
      return (route?.[1] ?? fallback)(req, res, next);
    });
  };
}

/**
 * CORS for the listed origins only: a browser app on one of them can call (its preflight is answered), any other
 * origin gets no CORS header at all, so its browser refuses to hand it the answer.
 */
function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'x-purpose-of-use', REQUEST_ID_HEADER, 'apollo-require-preflight'],
    exposedHeaders: [REQUEST_ID_HEADER, CALLER_REQUEST_ID_HEADER],
    maxAge: 600,
  });
  return (req, res, next) => {
    // Answers differ by Origin, so caches must keep them apart.
    res.vary('Origin');
    if (typeof req.headers.origin === 'string' && allowed.has(req.headers.origin)) return handler(req, res, next);
    return next();
  };
}

/** A POST to a GraphQL endpoint must be JSON; anything else is refused before it is read. */
const jsonBodiesOnly: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is(['application/json', 'application/*+json'])) return next();
  sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'A GraphQL request is sent as JSON: set Content-Type: application/json.');
};

const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.path.slice(0, 100)}; GraphQL answers at /graphql.`);
};

/**
 * Every error a route passed on, as JSON with the right status: a body that is no JSON (400), too large (413) or in
 * an encoding we do not read (415), and anything else as an internal error with a reference. Never an HTML page,
 * never a stack trace, in any mode.
 */
function errorAnswer(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    switch (type) {
      case 'entity.parse.failed':
        return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON; send a JSON object such as {"query": "{ __typename }"}.');
      case 'entity.too.large':
        // The rest of the body is never read: the connection closes after the answer, so the client is not left
        // sending into a socket nobody reads.
        res.setHeader('connection', 'close');
        return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY}; send less at once.`);
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON without a content encoding.');
      default:
        if (typeof status === 'number' && status >= 400 && status < 500) {
          return sendError(res, status, 'BAD_REQUEST', 'The request could not be read; send a JSON body with Content-Type: application/json.');
        }
        req.log?.error({ err: describeErrorForLog(error) }, 'unexpected error');
        if (!req.log) log.error({ err: describeErrorForLog(error) }, 'unexpected error');
        return sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error. Quote the request id (x-request-id response header) when reporting it.');
    }
  };
}

/** A port that cannot be listened on, as a line naming the setting and what to do. */
function listenFailure(service: string, port: number, error: unknown): unknown {
  const problem = portProblem(service, port, error);
  return problem ? new StartupError(problem, portVariable(service)) : error;
}

/**
 * Apollo logs unexpected errors with their full message, and a failed query's message lists its parameters (which
 * may be a CPR number or a name): they are withheld before anything reaches the log.
 */
export function apolloLogger(log: Logger) {
  const clean = (args: unknown[]) => args.map((a) => String(a).replace(/params: [\s\S]*/, 'params: [withheld]')).join(' ');
  return {
    debug: (...args: unknown[]) => log.debug(clean(args)),
    info: (...args: unknown[]) => log.info(clean(args)),
    warn: (...args: unknown[]) => log.warn(clean(args)),
    error: (...args: unknown[]) => log.error(clean(args)),
  };
}

function purposeFrom(header: string | string[] | undefined): Purpose {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return DEFAULT_PURPOSE;
  if ((PURPOSES as readonly string[]).includes(value)) return value as Purpose;
  throw withHttpStatus(
    badUserInput(`${PURPOSE_HEADER} must be one of ${PURPOSES.join(', ')}; got "${value.slice(0, 40)}".`, { header: PURPOSE_HEADER }),
    400,
  );
}

function withHttpStatus<T extends { extensions: Record<string, unknown> }>(error: T, status: number): T {
  (error.extensions as Record<string, unknown>)['http'] = { status };
  return error;
}

function unwrap(error: unknown): unknown {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  return original ?? error;
}

/**
 * Stops the services on SIGINT/SIGTERM in the order given (the gateway before the subgraphs it calls, so its
 * in-flight requests can still be answered), flushes the traces, then exits. Each service drains its in-flight
 * requests for at most its grace period; should closing hang anyway (a database that does not answer), the process
 * exits with 1 once `deadlineMs` has passed.
 */
export function closeOnSignals(log: Logger, services: () => RunningService[], deadlineMs = DEFAULT_SHUTDOWN_GRACE_MS + 5_000): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error({ deadlineMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    for (const service of services()) await service.close();
    // The spans of the last requests are still in the exporter's batch.
    await stopTracing().catch((error: unknown) => log.warn({ err: describeErrorForLog(error) }, 'traces could not be flushed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
