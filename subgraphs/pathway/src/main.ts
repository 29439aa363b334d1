import {
  ACCESS_LOG_SUBGRAPH_NAMES,
  byName,
  closeOnSignals,
  createLogger,
  createTokenVerifier,
  loadGatewayConfig,
  loadSubgraphConfig,
  tokenVerifierOptions,
} from '@pathway-graph/shared';
import { startPathwaySubgraph } from './subgraph.ts';

const config = loadSubgraphConfig('pathway');
// The sector subgraphs' URLs are the gateway's settings (<PREFIX>_URL); the pathway subgraph reads the same ones.
const { subgraphUrls } = loadGatewayConfig();
const log = createLogger('pathway', config.logLevel);
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
const sectorUrls = byName(ACCESS_LOG_SUBGRAPH_NAMES, (name) => subgraphUrls[name]);
const service = await startPathwaySubgraph({ ...config, log, verifier, sectorUrls });
closeOnSignals(log, () => [service]);
