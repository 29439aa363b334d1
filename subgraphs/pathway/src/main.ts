import { closeOnSignals, createLogger, loadSubgraphConfig } from '@pathway-graph/shared';
import { startPathwaySubgraph } from './subgraph.ts';

const config = loadSubgraphConfig('pathway');
const log = createLogger('pathway', config.logLevel);
const service = await startPathwaySubgraph({ ...config, log });
closeOnSignals(log, () => [service]);
