/**
 * The benchmark's subgraph process: every subgraph of the registry, as `npm start` runs them (its configuration:
 * DATA_DIR or DATABASE_URL, LOG_LEVEL), on free ports. The system's own gateway starts too but stays idle; the
 * benchmark runs each gateway in its own process so that their CPU is measured apart. Prints one line
 * `BENCH_READY {"ports":{...}}` on stdout when every subgraph answers.
 */
import { createTokenVerifier } from '@pathway-graph/shared/auth/tokens';
import { loadSystemConfig, tokenVerifierOptions } from '@pathway-graph/shared/config';
import { byName, SECTOR_SUBGRAPH_NAMES, SUBGRAPH_NAMES } from '@pathway-graph/shared/registry';
import { startSystem } from '@pathway-graph/scripts/launcher/system';
import { keyringOf } from '@pathway-graph/shared';

const started = Date.now();
const { gateway: gatewayConfig, subgraphs: configs } = loadSystemConfig();
const system = await startSystem({
  ports: { gateway: 0, ...byName(SUBGRAPH_NAMES, () => 0) },
  databases: byName(SECTOR_SUBGRAPH_NAMES, (name) => configs[name].database),
  pseudonymSecret: gatewayConfig.pseudonymSecret,
  seedDemoData: true,
  logLevel: gatewayConfig.logLevel,
  verifier: createTokenVerifier(await tokenVerifierOptions(gatewayConfig)),
  messaging: { keyring: keyringOf(Object.values(configs)), workerPollMs: 250 },
});
process.stdout.write(
  `BENCH_READY ${JSON.stringify({ ports: byName(SUBGRAPH_NAMES, (name) => system.subgraphs[name].port), seconds: (Date.now() - started) / 1000 })}\n`,
);
process.on('SIGTERM', () => void system.close().finally(() => process.exit(0)));
