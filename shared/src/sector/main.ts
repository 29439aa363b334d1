import { createTokenVerifier, type TokenVerifier } from '../auth/tokens.ts';
import { loadSubgraphConfig, tokenVerifierOptions, type SubgraphConfig } from '../config.ts';
import type { SectorSubgraphName } from '../registry.ts';
import type { RunningService } from '../server/http.ts';
import { createLogger, type Logger } from '../server/logger.ts';
import { assertPortsFree, runService } from '../server/startup.ts';

type SectorStart = (options: SubgraphConfig & { log: Logger; verifier: TokenVerifier }) => Promise<RunningService>;

/**
 * What a sector subgraph's main.ts does, the same in every sector: read its settings, check its port and that its
 * PostgreSQL server (if it has one) can be used, then load and start the subgraph (`load` imports it only then, so a
 * wrong setting or an unreachable database is reported within a second), verify tokens with the configured keys,
 * stop on SIGINT/SIGTERM. A setting a person must fix ends it with one line.
 */
export function runSectorSubgraph(name: SectorSubgraphName, load: () => Promise<SectorStart>): Promise<void> {
  return runService(name, async () => {
    const config = loadSubgraphConfig(name);
    await assertPortsFree([{ service: name, port: config.port }]);
    await (await import('../db/reachable.ts')).assertDatabaseReachable(config.database);
    const log = createLogger(name, config.logLevel);
    // Which data directory (and so which development key) a service uses is the first thing to compare when a
    // token from `npm run token` is refused.
    log.info({ dataDir: config.dataDir, database: config.database.kind }, `${name} starting`);
    const verifier = createTokenVerifier(await tokenVerifierOptions(config));
    (await import('../observability/configure.ts')).configureObservability(name, config);
    const start = await load();
    const service = await start({ ...config, log, verifier });
    const { closeOnSignals } = await import('../server/http.ts');
    closeOnSignals(log, () => [service]);
  });
}
