import {
  ACCESS_LOG_SUBGRAPH_NAMES,
  byName,
  createLogger,
  generateMessagingKeyring,
  messageReceivers,
  messagingConfigFor,
  SECTOR_SUBGRAPH_NAMES,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type MessagingKeyring,
  type Database,
  type DatabaseTarget,
  type Logger,
  type RunningService,
  type SectorSubgraphName,
  type SubgraphName,
  type TokenVerifier,
} from '@pathway-graph/shared';
import type { JSONWebKeySet } from 'jose';
import { startBuaSubgraph } from '@pathway-graph/bua/subgraph';
import { startGeneralPracticeSubgraph } from '@pathway-graph/general-practice/subgraph';
import { startMunicipalitySubgraph } from '@pathway-graph/municipality/subgraph';
import { startPathwaySubgraph } from '@pathway-graph/pathway/subgraph';
import { startScreeningSubgraph } from '@pathway-graph/screening/subgraph';
import { startGateway, type GatewayOptions } from '@pathway-graph/gateway/gateway';

export type { SectorSubgraphName };

export interface SystemOptions {
  /** `0` everywhere picks free ports (tests); otherwise the given or default ports. */
  ports: { gateway: number } & Record<SubgraphName, number>;
  databases: Record<SectorSubgraphName, DatabaseTarget>;
  pseudonymSecret: string;
  seedDemoData: boolean;
  logLevel?: string;
  today?: () => string;
  /** One verifier for every service of the process; each still verifies every request itself. */
  verifier: TokenVerifier;
  developmentJwks?: JSONWebKeySet;
  /** The gateway's GraphiQL IDE; off unless given. */
  ide?: GatewayOptions['ide'];
  /**
   * Delivery between the sectors' message endpoints (letters, replies, receipts): every sender's key pair (fresh ones
   * when not given, as in the tests) and how often the workers poll. Which subgraph sends or receives follows from
   * the message contract.
   */
  messaging: { keyring?: MessagingKeyring; workerPollMs: number };
}

export interface RunningSystem {
  gateway: RunningService;
  subgraphs: Record<SubgraphName, RunningService>;
  databases: Record<SectorSubgraphName, Database<Record<string, unknown>>>;
  /** Stops a sector subgraph and starts it again on the same port and database (tests of delivery while it is down). */
  stopSubgraph(name: SectorSubgraphName): Promise<void>;
  startSubgraph(name: SectorSubgraphName): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole system in one process: every subgraph of the registry on its own port, then the gateway in front of them. Used
 * by `npm start` and by the end-to-end tests, which then exercise real HTTP between gateway and subgraphs.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const log = (name: string): Logger => createLogger(name, options.logLevel ?? 'info');
  const today = options.today ? { today: options.today } : {};
  const common = { pseudonymSecret: options.pseudonymSecret, seedDemoData: options.seedDemoData, verifier: options.verifier, ...today };
  // Filled in once the ports are known: the delivery workers read the endpoint when they send.
  const endpoints: Partial<Record<SubgraphName, string>> = {};
  const keyring = options.messaging.keyring ?? generateMessagingKeyring();
  const messagingOf = (name: SubgraphName) => messagingConfigFor(name, keyring, endpoints, options.messaging.workerPollMs);
  const starters = {
    municipality: (port: number) =>
      startMunicipalitySubgraph({ ...common, port, database: options.databases.municipality, log: log('municipality'), messaging: messagingOf('municipality') }),
    'general-practice': (port: number) =>
      startGeneralPracticeSubgraph({
        ...common,
        port,
        database: options.databases['general-practice'],
        log: log('general-practice'),
        messaging: messagingOf('general-practice'),
      }),
    bua: (port: number) => startBuaSubgraph({ ...common, port, database: options.databases.bua, log: log('bua') }),
    screening: (port: number) => startScreeningSubgraph({ ...common, port, database: options.databases.screening, log: log('screening') }),
  } satisfies Record<SectorSubgraphName, (port: number) => Promise<RunningService & { database: Database<Record<string, unknown>> }>>;
  const started = await Promise.all(SECTOR_SUBGRAPH_NAMES.map((name) => starters[name](options.ports[name])));
  const sectors = byName(SECTOR_SUBGRAPH_NAMES, (_, i) => started[i]!);
  const url = (service: RunningService) => `http://localhost:${service.port}/graphql`;
  for (const name of messageReceivers()) {
    if (name in sectors) endpoints[name] = `http://localhost:${sectors[name as SectorSubgraphName].port}/messages`;
  }
  // The pathway subgraph calls the sectors for the merged access log, so it starts once their ports are known.
  const pathway = await startPathwaySubgraph({
    port: options.ports.pathway,
    pseudonymSecret: options.pseudonymSecret,
    verifier: options.verifier,
    log: log('pathway'),
    sectorUrls: byName(ACCESS_LOG_SUBGRAPH_NAMES, (name) => url(sectors[name])),
    ...today,
  });
  const subgraphs: Record<SubgraphName, RunningService> = { ...sectors, pathway };
  const subgraphUrls = byName(SUBGRAPH_NAMES, (name) => url(subgraphs[name]));
  const gateway = await startGateway({
    port: options.ports.gateway,
    subgraphUrls,
    log: log('gateway'),
    verifier: options.verifier,
    ...(options.developmentJwks ? { developmentJwks: options.developmentJwks } : {}),
    ...(options.ide ? { ide: options.ide } : {}),
  });
  const databases: RunningSystem['databases'] = byName(SECTOR_SUBGRAPH_NAMES, (name) => sectors[name].database);
  return {
    gateway,
    subgraphs,
    databases,
    stopSubgraph: (name) => subgraphs[name].close(),
    startSubgraph: async (name) => {
      const service = await starters[name](subgraphs[name].port);
      subgraphs[name] = service;
      databases[name] = service.database;
    },
    close: async () => {
      await gateway.close();
      await Promise.all(Object.values(subgraphs).map((s) => s.close()));
    },
  };
}

export function defaultPorts(gateway: number): SystemOptions['ports'] {
  return { gateway, ...byName(SUBGRAPH_NAMES, (name) => SUBGRAPHS[name].defaultPort) };
}
