import { closeOnSignals, createLogger, loadGatewayConfig } from '@pathway-graph/shared';
import { startGateway } from './gateway.ts';

// Runs the gateway alone, in front of subgraphs that run elsewhere (<PREFIX>_URL).
const config = loadGatewayConfig();
const log = createLogger('gateway', config.logLevel);
const gateway = await startGateway({ ...config, log });
closeOnSignals(log, () => [gateway]);
