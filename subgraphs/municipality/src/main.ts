import { closeOnSignals, createLogger, loadSubgraphConfig } from '@pathway-graph/shared';
import { startMunicipalitySubgraph } from './subgraph.ts';

// Runs the municipality subgraph alone, as a municipality's IT team would: its own port and database.
const config = loadSubgraphConfig('municipality');
const log = createLogger('municipality', config.logLevel);
const service = await startMunicipalitySubgraph({ ...config, log });
closeOnSignals(log, () => [service]);
