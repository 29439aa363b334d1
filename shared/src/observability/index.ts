/** Metrics, traces and what feeds them; see metrics.ts, tracing.ts and statements.ts. */
export * from './labels.ts';
export * from './metrics.ts';
export * from './plugin.ts';
export * from './statements.ts';
export * from './subgraph-fetch.ts';
export * from './tracing.ts';
