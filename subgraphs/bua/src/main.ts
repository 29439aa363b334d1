import { closeOnSignals, createLogger, createTokenVerifier, loadSubgraphConfig, tokenVerifierOptions } from '@pathway-graph/shared';
import { startBuaSubgraph } from './subgraph.ts';

// Runs the BUA subgraph alone, as the region's psychiatry IT team would: its own port and database.
const config = loadSubgraphConfig('bua');
const log = createLogger('bua', config.logLevel);
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
const service = await startBuaSubgraph({ ...config, log, verifier });
closeOnSignals(log, () => [service]);
