import { closeOnSignals, createLogger, loadSubgraphConfig } from '@pathway-graph/shared';
import { startBuaSubgraph } from './subgraph.ts';

// Runs the BUA subgraph alone, as the region's psychiatry IT team would: its own port and database.
const config = loadSubgraphConfig('bua');
const log = createLogger('bua', config.logLevel);
const service = await startBuaSubgraph({ ...config, log });
closeOnSignals(log, () => [service]);
