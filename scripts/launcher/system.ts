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
  type HttpSettings,
  type Logger,
  type RunningService,
  type ScreeningSettings,
  type SectorSubgraphName,
  type SubgraphCallSettings,
  type SubgraphName,
  type TokenVerifier,
} from '@pathway-graph/shared';
import type { JSONWebKeySet } from 'jose';
import type { DestinationStream } from 'pino';
import { startBuaSubgraph, type BuaSubgraphOptions } from '@pathway-graph/bua/subgraph';
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
  /** Where every service writes its log lines (tests that read them); stdout when not given. */
  logDestination?: DestinationStream;
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
  /** Limits, timeouts and introspection of every service (the configuration's `http`); defaults when not given. */
  http?: HttpSettings;
  /** The gateway's calls to the subgraphs and its CORS origins (the gateway configuration's). */
  gateway?: { subgraphCalls?: SubgraphCallSettings; corsOrigins?: readonly string[] };
  /** BUA's advisory service: its description deadline (configuration), and in tests its clock. */
  advisory?: BuaSubgraphOptions['advisory'];
  /** The screening subgraph's own settings (band schemes, thresholds, ...); its defaults when not given. */
  screening?: Partial<ScreeningSettings>;
}

export interface RunningSystem {
  gateway: RunningService;
  subgraphs: Record<SubgraphName, RunningService>;
  databases: Record<SectorSubgraphName, Database<Record<string, unknown>>>;
  /** Stops a subgraph and starts it again on the same port (and database): tests of delivery, or of answers, while it is down. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  startSubgraph(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole system in one process: every subgraph of the registry on its own port, then the gateway in front of them. Used
 * by `npm start` and by the end-to-end tests, which then exercise real HTTP between gateway and subgraphs.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const log = (name: string): Logger => createLogger(name, options.logLevel ?? 'info', options.logDestination);
  const today = options.today ? { today: options.today } : {};
  const http = options.http ? { http: options.http } : {};
  const common = { pseudonymSecret: options.pseudonymSecret, seedDemoData: options.seedDemoData, verifier: options.verifier, ...today, ...http };
  // Filled in once the ports are known: the delivery workers read the endpoint when they send.
  const endpoints: Partial<Record<SubgraphName, string>> = {};
  const keyring = options.messaging.keyring ?? generateMessagingKeyring();
  const messagingOf = (name: SubgraphName) => messagingConfigFor(name, keyring, endpoints, options.messaging.workerPollMs);
  // Where each subgraph's GraphQL answers, once started: screening looks offers up in the municipality's catalogue.
  const graphqlUrls: Partial<Record<SubgraphName, string>> = {};
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
    bua: (port: number) =>
      startBuaSubgraph({
        ...common,
        port,
        database: options.databases.bua,
        log: log('bua'),
        messaging: messagingOf('bua'),
        // The anonymity rule asks the municipality (through its API) which names it knows: the one started here, whose
        // port is known only once it listens (a configured MUNICIPALITY_URL is for a BUA subgraph run on its own).
        advisory: { ...options.advisory, municipalityUrl: () => graphqlUrls.municipality ?? '' },
      }),
    screening: (port: number) =>
      startScreeningSubgraph({
        ...common,
        port,
        database: options.databases.screening,
        log: log('screening'),
        messaging: messagingOf('screening'),
        ...(options.screening ? { settings: options.screening } : {}),
        municipalityUrl: () => graphqlUrls.municipality ?? options.screening?.offerCatalogueUrl ?? '',
      }),
  } satisfies Record<SectorSubgraphName, (port: number) => Promise<RunningService & { database: Database<Record<string, unknown>> }>>;
  const started = await Promise.all(SECTOR_SUBGRAPH_NAMES.map((name) => starters[name](options.ports[name])));
  const sectors = byName(SECTOR_SUBGRAPH_NAMES, (_, i) => started[i]!);
  const url = (service: RunningService) => `http://localhost:${service.port}/graphql`;
  for (const name of messageReceivers()) {
    if (name in sectors) endpoints[name] = `http://localhost:${sectors[name as SectorSubgraphName].port}/messages`;
  }
  for (const name of SECTOR_SUBGRAPH_NAMES) graphqlUrls[name] = url(sectors[name]);
  // The pathway subgraph calls the sectors for the merged access log, so it starts once their ports are known.
  const startPathway = (port: number) =>
    startPathwaySubgraph({
      port,
      pseudonymSecret: options.pseudonymSecret,
      verifier: options.verifier,
      log: log('pathway'),
      sectorUrls: byName(ACCESS_LOG_SUBGRAPH_NAMES, (name) => url(sectors[name])),
      ...today,
      ...http,
    });
  const pathway = await startPathway(options.ports.pathway);
  const subgraphs: Record<SubgraphName, RunningService> = { ...sectors, pathway };
  const subgraphUrls = byName(SUBGRAPH_NAMES, (name) => url(subgraphs[name]));
  const gateway = await startGateway({
    port: options.ports.gateway,
    subgraphUrls,
    log: log('gateway'),
    verifier: options.verifier,
    ...(options.developmentJwks ? { developmentJwks: options.developmentJwks } : {}),
    ...(options.ide ? { ide: options.ide } : {}),
    ...http,
    ...(options.gateway?.subgraphCalls ? { subgraphCalls: options.gateway.subgraphCalls } : {}),
    ...(options.gateway?.corsOrigins ? { corsOrigins: options.gateway.corsOrigins } : {}),
  });
  const databases: RunningSystem['databases'] = byName(SECTOR_SUBGRAPH_NAMES, (name) => sectors[name].database);
  return {
    gateway,
    subgraphs,
    databases,
    stopSubgraph: (name) => subgraphs[name].close(),
    startSubgraph: async (name) => {
      if (name === 'pathway') {
        subgraphs.pathway = await startPathway(subgraphs.pathway.port);
        return;
      }
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
