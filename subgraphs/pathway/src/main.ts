// The start-up modules only, not the shared index: the settings are checked before the subgraph is loaded.
import { createTokenVerifier } from '@pathway-graph/shared/auth/tokens';
import { loadPathwayConfig, tokenVerifierOptions } from '@pathway-graph/shared/config';
import { createLogger } from '@pathway-graph/shared/server/logger';
import { assertPortsFree, runService } from '@pathway-graph/shared/server/startup';

// Runs the stateless pathway subgraph alone, in front of the sectors it merges the access log from (<PREFIX>_URL).
await runService('pathway', async () => {
  const config = loadPathwayConfig();
  await assertPortsFree([{ service: 'pathway', port: config.port }]);
  const log = createLogger('pathway', config.logLevel);
  log.info({ dataDir: config.dataDir }, 'pathway starting');
  const verifier = createTokenVerifier(await tokenVerifierOptions(config));
  (await import('@pathway-graph/shared/observability/configure')).configureObservability('pathway', config);
  const { startPathwaySubgraph } = await import('./subgraph.ts');
  const service = await startPathwaySubgraph({ ...config, log, verifier });
  const { closeOnSignals } = await import('@pathway-graph/shared');
  closeOnSignals(log, () => [service]);
});
