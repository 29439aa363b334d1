import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinoHttp } from 'pino-http';
import type { Principal, Purpose } from '../auth/principal.ts';
import { PURPOSES } from '../auth/principal.ts';
import type { TokenVerifier } from '../auth/tokens.ts';
import { requestScope } from '../db/database.ts';
import { portVariable } from '../config.ts';
import { badUserInput, ErrorCode } from '../errors.ts';
import { describeErrorForLog, type Logger } from './logger.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';
import { portProblem, StartupError } from './startup.ts';
import { metricsEndpoint, observabilityPlugin, traceRequests } from '../observability/index.ts';

/** The header a caller states the purpose of its request in; every reader of a child's data has one. */
export const PURPOSE_HEADER = 'x-purpose-of-use';
export const DEFAULT_PURPOSE: Purpose = 'CARE_COORDINATION';

/** What every resolver context starts from, in every service: who asks, why, and under which request id. */
export interface RequestBase {
  requestId: string;
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
}

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
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  let connections = 0;
  httpServer.on('connection', () => {
    connections += 1;
  });

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      // Only the path: a GET request's query string may carry GraphQL variables, which may carry a CPR number.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    }),
  );

  app.use(traceRequests(options.name));
  // Everything a request causes, down to its SQL statements, runs inside the request scope.
  app.use((_req, _res, next) => requestScope.run(true, next));

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
    introspection: true,
    // Shutdown is ours (closeOnSignals): Apollo's own handler would race it and leave the databases open.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin<TContext>(options.name),
      ...(options.plugins ?? []),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = String(req.id);
        // Refused here, before any resolver runs: `_entities` is guarded exactly like every other field.
        const principal = await options.verifier.verify(req.headers.authorization);
        const base: RequestBase = {
          requestId,
          log: req.log.child({ actor: principal.subject, sector: principal.sector }),
          principal,
          purpose: purposeFrom(req.headers[PURPOSE_HEADER]),
          authorization: req.headers.authorization ?? '',
        };
        return options.context(base, req);
      },
    }),
  );

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

/** Stops the services on SIGINT/SIGTERM, in reverse order of start, then exits. */
export function closeOnSignals(log: Logger, services: () => RunningService[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    for (const service of [...services()].reverse()) await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
