import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { outcomeLabel } from './labels.ts';
import { metricsOf } from './metrics.ts';

/**
 * Counts and times every GraphQL operation of a service by operation name and outcome, and names the request's
 * server span after the operation (labels.ts decides which names may be shown).
 */
export function observabilityPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  const metrics = metricsOf(service);
  return {
    async requestDidStart() {
      const started = performance.now();
      const span = trace.getActiveSpan();
      return {
        async willSendResponse({ request, operationName, response }) {
          const operation = metrics.operationNames.label(operationName ?? request.operationName);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = outcomeLabel(errors);
          metrics.requests.inc({ operation, outcome });
          metrics.requestDuration.observe({ operation, outcome }, (performance.now() - started) / 1000);
          span?.setAttribute('graphql.operation.name', operation);
          span?.setAttribute('pathway.outcome', outcome);
        },
      };
    },
  };
}
