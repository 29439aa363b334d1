import {
  closeOnSignals,
  createLogger,
  createTokenVerifier,
  loadGatewayConfig,
  loadOrCreateDevSigningKey,
  tokenVerifierOptions,
} from '@pathway-graph/shared';
import { startGateway } from './gateway.ts';

// Runs the gateway alone, in front of subgraphs that run elsewhere (<PREFIX>_URL).
const config = loadGatewayConfig();
const log = createLogger('gateway', config.logLevel);
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
// Without an identity provider (development, docker compose) the gateway publishes the development key's public half.
const developmentJwks = config.auth.jwksUrl ? undefined : (await loadOrCreateDevSigningKey(config.dataDir)).publicJwks;
const gateway = await startGateway({ ...config, log, verifier, ...(developmentJwks ? { developmentJwks } : {}) });
closeOnSignals(log, () => [gateway]);
