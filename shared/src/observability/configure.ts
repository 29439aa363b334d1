import type { CommonConfig } from '../config.ts';
import { configureMetrics } from './metrics.ts';
import { startTracing } from './tracing.ts';

/**
 * The operators' settings of one process: who may scrape /metrics (METRICS_TOKEN; without it, open outside
 * production and off in production) and where traces go (OTEL_EXPORTER_OTLP_ENDPOINT; without it, none).
 */
export function configureObservability(serviceName: string, config: Pick<CommonConfig, 'nodeEnv' | 'observability'>): { shutdown(): Promise<void> } | undefined {
  configureMetrics({ token: config.observability.metricsToken, production: config.nodeEnv === 'production' });
  return startTracing(serviceName, config.observability.otlpEndpoint);
}
