import { closeOnSignals, createLogger, createTokenVerifier, loadSubgraphConfig, tokenVerifierOptions } from '@pathway-graph/shared';
import { startScreeningSubgraph } from './subgraph.ts';

// Runs the screening subgraph alone, as the team running early detection would: its own port and database.
const config = loadSubgraphConfig('screening');
const log = createLogger('screening', config.logLevel);
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
const service = await startScreeningSubgraph({ ...config, log, verifier });
closeOnSignals(log, () => [service]);
