import { closeOnSignals, createLogger, createTokenVerifier, loadSubgraphConfig, tokenVerifierOptions } from '@pathway-graph/shared';
import { startMunicipalitySubgraph } from './subgraph.ts';

// Runs the municipality subgraph alone, as a municipality's IT team would: its own port and database.
const config = loadSubgraphConfig('municipality');
const log = createLogger('municipality', config.logLevel);
const verifier = createTokenVerifier(await tokenVerifierOptions(config));
const service = await startMunicipalitySubgraph({ ...config, log, verifier });
closeOnSignals(log, () => [service]);
