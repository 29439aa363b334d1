import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { metricsOf } from './metrics.ts';
import { tracerOf } from './tracing.ts';

/** The part of Apollo's fetcher the gateway's data sources use: (url, init with a plain header object). */
type Fetch<R extends { status: number }> = (url: string, init?: { headers?: Record<string, string> } & Record<string, unknown>) => Promise<R>;

/**
 * Times each fetch the gateway makes from `subgraph` into its metrics and traces it as a client span whose
 * `traceparent` goes along with the request, so the subgraph's spans join the same trace.
 */
export function observedSubgraphFetch<R extends { status: number }>(subgraph: string, fetch: Fetch<R>, service = 'gateway'): Fetch<R> {
  const tracer = tracerOf(service);
  const histogram = metricsOf(service).subgraphFetchDuration;
  return async (url, init) => {
    const span = tracer.startSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'pathway.subgraph': subgraph } });
    const active = trace.setSpan(context.active(), span);
    const headers: Record<string, string> = { ...init?.headers };
    propagation.inject(active, headers);
    const started = performance.now();
    let outcome = 'network';
    try {
      const response = await context.with(active, () => fetch(url, { ...init, headers }));
      outcome = response.status >= 200 && response.status < 300 ? 'ok' : `http_${response.status}`;
      span.setAttribute('http.response.status_code', response.status);
      return response;
    } finally {
      histogram.observe({ subgraph, outcome }, (performance.now() - started) / 1000);
      if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      span.end();
    }
  };
}

/** Observes the fetches of an Apollo data source (`source.fetcher`), keeping the fetcher it was made with. */
export function observeSubgraphFetches<S extends { fetcher: Fetch<{ status: number }> }>(subgraph: string, source: S): S {
  source.fetcher = observedSubgraphFetch(subgraph, source.fetcher.bind(source));
  return source;
}
