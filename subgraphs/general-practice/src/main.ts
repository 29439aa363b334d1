import { closeOnSignals, createLogger, createTokenVerifier, loadSubgraphConfig, tokenVerifierOptions } from '@pathway-graph/shared';
import { startGeneralPracticeSubgraph } from './subgraph.ts';

// Runs the general-practice subgraph alone, as PLO's IT provider would: its own port and database.
const config = loadSubgraphConfig('general-practice');
const log = createLogger('general-practice', config.logLevel);
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
const service = await startGeneralPracticeSubgraph({ ...config, log, verifier });
closeOnSignals(log, () => [service]);
