/**
 * Prometheus metrics (prom-client), one registry per service: `npm start` runs every service in one process, and
 * each service's /metrics shows its own. Every label value is bounded and free of personal data: operation names pass
 * through labels.ts, everything else is a subgraph name, a message kind, a status or an error code.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OperationNames } from './labels.ts';

/** Request and statement latencies: milliseconds to tens of seconds. */
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The outbox as one destination has it, at scrape time. */
export interface OutboxBacklog {
  destination: string;
  pending: number;
  /** Seconds since the oldest message still waiting to be delivered was queued; 0 when none waits. */
  oldestPendingSeconds: number;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operationNames = new OperationNames();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'operation' | 'outcome'>;
  readonly subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  readonly statementDuration: Histogram<'outcome'>;
  readonly deliveryAttempts: Counter<'destination' | 'kind' | 'outcome'>;
  readonly deliveryFailures: Counter<'destination' | 'kind' | 'reason'>;
  readonly accessLogWrites: Counter<'action'>;
  /** Set by the service's messaging, if it sends any; read at every scrape. */
  outboxBacklog: (() => Promise<OutboxBacklog[]>) | undefined;

  constructor(readonly service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'pathway_' });
    this.requests = new Counter({
      name: 'pathway_graphql_requests_total',
      help: 'GraphQL operations served, by operation name and outcome (ok, or the code of the first error)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: 'pathway_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.subgraphFetchDuration = new Histogram({
      name: 'pathway_gateway_subgraph_fetch_duration_seconds',
      help: 'Time for one fetch from a subgraph, at the gateway, by subgraph and outcome (ok, http_<status>, network)',
      labelNames: ['subgraph', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.statementDuration = new Histogram({
      name: 'pathway_db_statement_duration_seconds',
      help: "SQL statements sent to this subgraph's database and their latency (the _count is the number of statements)",
      labelNames: ['outcome'],
      buckets: SECONDS,
      registers,
    });
    this.deliveryAttempts = new Counter({
      name: 'pathway_message_delivery_attempts_total',
      help: 'Attempts to deliver an outbox message, by destination, kind and outcome (delivered, retry, refused)',
      labelNames: ['destination', 'kind', 'outcome'],
      registers,
    });
    this.deliveryFailures = new Counter({
      name: 'pathway_message_delivery_failures_total',
      help: 'Messages that became FAILED, by destination, kind and reason (refused by the receiver, attempts exhausted)',
      labelNames: ['destination', 'kind', 'reason'],
      registers,
    });
    this.accessLogWrites = new Counter({
      name: 'pathway_access_log_writes_total',
      help: 'Access-log entries appended, by action',
      labelNames: ['action'],
      registers,
    });
    const backlog = async () => (this.outboxBacklog ? this.outboxBacklog().catch(() => []) : []);
    new Gauge({
      name: 'pathway_outbox_pending_messages',
      help: 'Outbox messages waiting to be delivered, by destination',
      labelNames: ['destination'],
      registers,
      async collect() {
        this.reset();
        for (const b of await backlog()) this.set({ destination: b.destination }, b.pending);
      },
    });
    new Gauge({
      name: 'pathway_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox message still waiting to be delivered, by destination',
      labelNames: ['destination'],
      registers,
      async collect() {
        this.reset();
        for (const b of await backlog()) this.set({ destination: b.destination }, b.oldestPendingSeconds);
      },
    });
  }
}

const services = new Map<string, ServiceMetrics>();

/** The metrics of one service of this process (created on first use). */
export function metricsOf(service: string): ServiceMetrics {
  let metrics = services.get(service);
  if (!metrics) {
    metrics = new ServiceMetrics(service);
    services.set(service, metrics);
  }
  return metrics;
}

/** Who may scrape: set once per process from the configuration (shared/src/config.ts). */
export interface MetricsAccess {
  /** Scrapers must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Without a token, production serves no metrics (a service port may be public); elsewhere they are open. */
  production: boolean;
}

let access: MetricsAccess = { production: false };

export function configureMetrics(settings: MetricsAccess): void {
  access = settings;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `GET /metrics` of one service, in the Prometheus text format, as configured. */
export function metricsEndpoint(service: string): RequestHandler {
  return (req, res, next) => {
    const { token, production } = access;
    if (!token && production) return next();
    if (token && !tokenMatches(req.headers.authorization, token)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return void res.status(401).type('text/plain').send('401: /metrics needs the bearer token configured in METRICS_TOKEN\n');
    }
    const { registry } = metricsOf(service);
    registry.metrics().then(
      (text) => void res.type(registry.contentType).send(text),
      (error: unknown) => next(error),
    );
  };
}
