/**
 * OpenTelemetry traces across the gateway and the subgraphs: a server span per request (continuing the caller's W3C
 * `traceparent`), a client span per subgraph fetch at the gateway (passing `traceparent` on) and per SQL statement
 * (its parameterised text, never the parameter values). Exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set; otherwise nothing is installed and every span is the API's no-op.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { RequestHandler } from 'express';

export const TRACER_PREFIX = 'pathway-graph/';

/** The tracer of one service; its instrumentation scope names the service (several may share a process). */
export function tracerOf(service: string): Tracer {
  return trace.getTracer(`${TRACER_PREFIX}${service}`);
}

let installed: BasicTracerProvider | undefined;

/**
 * Installs a tracer provider for this process with the given span processors, the W3C propagator and an
 * AsyncLocalStorage context. Tests pass an in-memory exporter's processor; `startTracing` an OTLP one.
 */
export function installTracing(serviceName: string, spanProcessors: SpanProcessor[]): { shutdown(): Promise<void> } {
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  installed = provider;
  return {
    shutdown: async () => {
      await provider.shutdown();
      if (installed === provider) {
        trace.disable();
        propagation.disable();
        context.disable();
        installed = undefined;
      }
    },
  };
}

/** Flushes and shuts down this process's tracer provider, if one is installed (on exit: the last batch is sent). */
export async function stopTracing(): Promise<void> {
  await installed?.shutdown();
}

/** Tracing as configured: OTLP/HTTP to `endpoint` (`/v1/traces` appended), or nothing at all. */
export function startTracing(serviceName: string, endpoint: string | undefined): { shutdown(): Promise<void> } | undefined {
  if (!endpoint) return undefined;
  const url = `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  return installTracing(serviceName, [new BatchSpanProcessor(new OTLPTraceExporter({ url }))]);
}

/** Probes and scrapes are not requests anyone follows. */
const UNTRACED = new Set(['/health', '/ready', '/metrics']);

/**
 * Express middleware: a server span per request, child of the caller's `traceparent` if it sent one. Only the path
 * is recorded: a GET request's query string may carry variables, and variables may carry a CPR number.
 */
export function traceRequests(service: string): RequestHandler {
  const tracer = tracerOf(service);
  return (req, res, next) => {
    if (UNTRACED.has(req.path)) return next();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      `${req.method} ${req.path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path, 'pathway.service': service } },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
