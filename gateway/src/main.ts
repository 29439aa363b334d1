// The start-up modules only, not the shared index: the settings are checked before the gateway is loaded.
import { loadOrCreateDevSigningKey } from '@pathway-graph/shared/auth/keys';
import { createTokenVerifier } from '@pathway-graph/shared/auth/tokens';
import { loadGatewayConfig, tokenVerifierOptions } from '@pathway-graph/shared/config';
import { createLogger } from '@pathway-graph/shared/server/logger';
import { assertPortsFree, runService } from '@pathway-graph/shared/server/startup';

// Runs the gateway alone, in front of subgraphs that run elsewhere (<PREFIX>_URL).
await runService('gateway', async () => {
  const config = loadGatewayConfig();
  await assertPortsFree([{ service: 'gateway', port: config.port }]);
  const log = createLogger('gateway', config.logLevel);
  log.info({ dataDir: config.dataDir }, 'gateway starting');
  const verifier = createTokenVerifier(await tokenVerifierOptions(config));
  // Without an identity provider (development, docker compose) the gateway publishes the development key's public half.
  const developmentJwks = config.auth.jwksUrl ? undefined : (await loadOrCreateDevSigningKey(config.dataDir)).publicJwks;
  (await import('@pathway-graph/shared/observability/configure')).configureObservability('gateway', config);
  const { ideFromConfig } = await import('./ide/configure.ts');
  const ide = await ideFromConfig(config);
  const { startGateway } = await import('./gateway.ts');
  const { ide: _ideSetting, ...settings } = config;
  const gateway = await startGateway({ ...settings, log, verifier, ...(developmentJwks ? { developmentJwks } : {}), ...(ide ? { ide } : {}) });
  const { closeOnSignals } = await import('@pathway-graph/shared');
  closeOnSignals(log, () => [gateway]);
});
