import { closeOnSignals, createLogger, loadSubgraphConfig } from '@pathway-graph/shared';
import { startGeneralPracticeSubgraph } from './subgraph.ts';

// Runs the general-practice subgraph alone, as PLO's IT provider would: its own port and database.
const config = loadSubgraphConfig('general-practice');
const log = createLogger('general-practice', config.logLevel);
const service = await startGeneralPracticeSubgraph({ ...config, log });
closeOnSignals(log, () => [service]);
