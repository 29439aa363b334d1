// The start-up modules only, not the shared index: the settings, ports and databases are checked before anything is loaded.
import { loadOrCreateDevSigningKey } from '@pathway-graph/shared/auth/keys';
import { createTokenVerifier } from '@pathway-graph/shared/auth/tokens';
import { loadSystemConfig, tokenVerifierOptions } from '@pathway-graph/shared/config';
import { byName, SECTOR_SUBGRAPH_NAMES, SUBGRAPH_NAMES } from '@pathway-graph/shared/registry';
import { createLogger } from '@pathway-graph/shared/server/logger';
import { assertPortsFree, runService } from '@pathway-graph/shared/server/startup';

/**
 * `npm start`: the whole system in one process on the embedded default (PGlite under DATA_DIR, shared by the
 * sector subgraphs, each in its own schema), with synthetic demo data seeded on first start.
 */
await runService('pathway-graph', async () => {
  const started = Date.now();
  const { gateway: gatewayConfig, subgraphs: configs } = loadSystemConfig();
  await assertPortsFree([
    { service: 'gateway', port: gatewayConfig.port },
    ...SUBGRAPH_NAMES.map((name) => ({ service: name, port: configs[name].port })),
  ]);
  // Every sector's database server before the system is loaded.
  await (await import('@pathway-graph/shared/db/reachable')).assertDatabasesReachable(SECTOR_SUBGRAPH_NAMES.map((name) => configs[name].database));
  const log = createLogger('system', gatewayConfig.logLevel);
  const verifier = createTokenVerifier(await tokenVerifierOptions(gatewayConfig));
  const developmentJwks = gatewayConfig.auth.jwksUrl ? undefined : (await loadOrCreateDevSigningKey(gatewayConfig.dataDir)).publicJwks;

  (await import('@pathway-graph/shared/observability/configure')).configureObservability('pathway-graph', gatewayConfig);
  const { ideFromConfig } = await import('@pathway-graph/gateway/ide/configure');
  const ide = await ideFromConfig(gatewayConfig);
  const { startSystem } = await import('./system.ts');
  const { keyringOf } = await import('@pathway-graph/shared');
  const system = await startSystem({
    ports: { gateway: gatewayConfig.port, ...byName(SUBGRAPH_NAMES, (name) => configs[name].port) },
    databases: byName(SECTOR_SUBGRAPH_NAMES, (name) => configs[name].database),
    pseudonymSecret: gatewayConfig.pseudonymSecret,
    seedDemoData: gatewayConfig.seedDemoData,
    logLevel: gatewayConfig.logLevel,
    verifier,
    ...(developmentJwks ? { developmentJwks } : {}),
    ...(ide ? { ide } : {}),
    http: gatewayConfig.http,
    gateway: { subgraphCalls: gatewayConfig.subgraphCalls, corsOrigins: gatewayConfig.corsOrigins },
    // Each sender's own key pair, as its configuration has it (generated into DATA_DIR outside production).
    messaging: { keyring: keyringOf(Object.values(configs)), workerPollMs: configs['general-practice'].messaging?.workerPollMs ?? 250 },
    ...(configs.bua.advisory ? { advisory: configs.bua.advisory } : {}),
    ...(configs.screening.screening ? { screening: configs.screening.screening } : {}),
  });
  const { childPseudonym, closeOnSignals } = await import('@pathway-graph/shared');
  const { DEMO_CHILDREN } = await import('@pathway-graph/shared/demo/demo-data');
  closeOnSignals(log, () => [system.gateway, ...Object.values(system.subgraphs)]);

  const url = `http://localhost:${system.gateway.port}/graphql`;
  // The first synthetic child: known to every sector, and its family consented to sharing for care coordination.
  // Addressed by pseudonym: a CPR number, even a synthetic one, is never printed.
  const example = JSON.stringify({
    query:
      'query($id: ID!) { child(id: $id) { id birthDate knownToMunicipality listedPractice { name } knownToBua screeningTracks { track } ageBand involvedSectors } }',
    variables: { id: childPseudonym(DEMO_CHILDREN[0]!.cpr, gatewayConfig.pseudonymSecret) },
  });
  process.stdout.write(`
pathway-graph is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s; demo data is synthetic).

  Gateway:   ${url}${ide ? `\n  IDE:       http://localhost:${system.gateway.port}/ (GraphiQL${ide.issueDemoToken ? ', with a demo-user picker' : ''})` : ''}
  Subgraphs: ${Object.values(system.subgraphs)
    .map((s) => `${s.name} :${s.port}`)
    .join(', ')}
  Data:      ${gatewayConfig.dataDir}

Every request needs a token. Get one for a demo user (\`npm run token -- --list\` lists them all):
  TOKEN=$(npm run -s token -- caseworker-751)

Then try:
  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '${example}'

`);
});
