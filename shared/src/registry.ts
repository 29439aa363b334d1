import type { Sector } from './auth/principal.ts';

/**
 * What the rest of the system needs to know of one subgraph. Configuration, the launcher, the compose script, code
 * generation, migrations, the pathway subgraph's calls to the sectors and the test harness all read it from here;
 * docker-compose.yml and the Dockerfile cannot, so `test/registry.test.ts` checks them against it.
 */
export interface SubgraphDefinition {
  /** What the subgraph serves, in a line (for people reading logs, docs and the launcher's banner). */
  readonly description: string;
  /** Prefix of its own settings: `<PREFIX>_PORT`, `<PREFIX>_DATABASE_URL`, `<PREFIX>_URL`. */
  readonly envPrefix: string;
  readonly defaultPort: number;
  /** The Postgres schema its tables live in; null for a subgraph without a database (the pathway subgraph). */
  readonly pgSchema: string | null;
  /** Its workspace package (package.json `name`) and the folder holding it, relative to the repository root. */
  readonly packageName: string;
  readonly folder: string;
  /** The sectors of the principals whose organisations own its data (a subgraph without data owns none). */
  readonly ownerSectors: readonly Sector[];
  /** The root field serving its part of a child's access log (`childAccessLog` merges them); null if it keeps none. */
  readonly accessLogField: string | null;
}

/** Every subgraph of the graph; a new sector starts with an entry here. */
export const SUBGRAPHS = {
  municipality: {
    description: 'the 19 municipalities: their inboxes, the children known to them, letters received, triage and replies',
    envPrefix: 'MUNICIPALITY',
    defaultPort: 4001,
    pgSchema: 'municipality',
    packageName: '@pathway-graph/municipality',
    folder: 'subgraphs/municipality',
    ownerSectors: ['MUNICIPALITY'],
    accessLogField: 'municipalityAccessLog',
  },
  'general-practice': {
    description: "general practice: the practices, each child's own GP, correspondence letters sent and their replies",
    envPrefix: 'GENERAL_PRACTICE',
    defaultPort: 4002,
    pgSchema: 'general_practice',
    packageName: '@pathway-graph/general-practice',
    folder: 'subgraphs/general-practice',
    ownerSectors: ['GENERAL_PRACTICE'],
    accessLogField: 'generalPracticeAccessLog',
  },
  bua: {
    description: 'the child and adolescent psychiatric department (BUA): the children known to it',
    envPrefix: 'BUA',
    defaultPort: 4003,
    pgSchema: 'bua',
    packageName: '@pathway-graph/bua',
    folder: 'subgraphs/bua',
    ownerSectors: ['BUA'],
    accessLogField: 'buaAccessLog',
  },
  screening: {
    description: 'the screening tracks (spor 1-3) kept by paediatrics, adult psychiatry and health visiting',
    envPrefix: 'SCREENING',
    defaultPort: 4004,
    pgSchema: 'screening',
    packageName: '@pathway-graph/screening',
    folder: 'subgraphs/screening',
    ownerSectors: ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'],
    accessLogField: 'screeningAccessLog',
  },
  pathway: {
    description: "stateless: the coordinated view computed from the sectors' fields, and the merged access log",
    envPrefix: 'PATHWAY',
    defaultPort: 4005,
    pgSchema: null,
    packageName: '@pathway-graph/pathway',
    folder: 'subgraphs/pathway',
    ownerSectors: [],
    accessLogField: null,
  },
} as const satisfies Record<string, SubgraphDefinition>;

export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

type Registry = typeof SUBGRAPHS;

/** The subgraphs that own data: each has a database (its own Postgres schema), consents and an access log. */
export type SectorSubgraphName = { [K in SubgraphName]: Registry[K]['pgSchema'] extends null ? never : K }[SubgraphName];
export const SECTOR_SUBGRAPH_NAMES = SUBGRAPH_NAMES.filter((name): name is SectorSubgraphName => SUBGRAPHS[name].pgSchema !== null);

/** The subgraphs serving a part of the access log, and the root field each serves it under. */
export type AccessLogSubgraphName = { [K in SubgraphName]: Registry[K]['accessLogField'] extends null ? never : K }[SubgraphName];
export const ACCESS_LOG_SUBGRAPH_NAMES = SUBGRAPH_NAMES.filter(
  (name): name is AccessLogSubgraphName => SUBGRAPHS[name].accessLogField !== null,
);
export function accessLogField(name: AccessLogSubgraphName): Registry[AccessLogSubgraphName]['accessLogField'] {
  return SUBGRAPHS[name].accessLogField;
}

/** The subgraph that keeps a sector's data, if any does (REGION, for one, keeps none of its own). */
export function subgraphOwning(sector: Sector): SectorSubgraphName | undefined {
  return SECTOR_SUBGRAPH_NAMES.find((name) => (SUBGRAPHS[name].ownerSectors as readonly Sector[]).includes(sector));
}

/** One value per subgraph of `names`, keyed by name: `byName(SUBGRAPH_NAMES, (name) => SUBGRAPHS[name].defaultPort)`. */
export function byName<N extends string, T>(names: readonly N[], value: (name: N, index: number) => T): Record<N, T> {
  return Object.fromEntries(names.map((name, index) => [name, value(name, index)])) as Record<N, T>;
}
