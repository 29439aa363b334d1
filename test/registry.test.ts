/**
 * The registry of subgraphs (shared/src/registry.ts) is the one list of sectors; what cannot be derived from it
 * (docker-compose.yml, the Dockerfile, the subgraphs' own folders, the README) is checked against it here.
 */
import {
  ACCESS_LOG_SUBGRAPH_NAMES,
  CONFIG_VARIABLES,
  SECTOR_SUBGRAPH_NAMES,
  SUBGRAPH_NAMES,
  SUBGRAPHS,
  type SectorOwnership,
} from '@pathway-graph/shared';
import { Kind, parse, type DefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const isObjectType = (d: DefinitionNode) => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION;

describe('the registry of subgraphs', () => {
  it('lists every subgraph folder of the repository, and only those', () => {
    const folders = readdirSync(new URL('subgraphs/', root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `subgraphs/${entry.name}`);
    expect(SUBGRAPH_NAMES.map((name) => SUBGRAPHS[name].folder).sort()).toEqual(folders.sort());
  });

  it('gives every subgraph its own port and environment prefix', () => {
    const ports = SUBGRAPH_NAMES.map((name) => SUBGRAPHS[name].defaultPort);
    const prefixes = SUBGRAPH_NAMES.map((name) => SUBGRAPHS[name].envPrefix);
    expect(new Set(ports).size).toBe(ports.length);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it.each(SUBGRAPH_NAMES)('%s: its folder holds the workspace package it names, with its contract, models and main.ts', (name) => {
    const { folder, packageName } = SUBGRAPHS[name];
    expect((JSON.parse(read(`${folder}/package.json`)) as { name: string }).name).toBe(packageName);
    for (const file of ['schema.graphql', 'src/models.ts', 'src/main.ts', 'src/subgraph.ts']) {
      expect(existsSync(new URL(`${folder}/${file}`, root)), `${folder}/${file}`).toBe(true);
    }
  });

  it.each(SECTOR_SUBGRAPH_NAMES)('%s: its drizzle config and first migration use the Postgres schema it names', (name) => {
    const { folder, pgSchema } = SUBGRAPHS[name];
    expect(read(`${folder}/drizzle.config.ts`)).toMatch(new RegExp(`schemaFilter: \\['${pgSchema}'\\]`));
    expect(read(`${folder}/drizzle/0000_init.sql`)).toMatch(new RegExp(`^CREATE SCHEMA "${pgSchema}";`));
    expect(read(`${folder}/src/subgraph.ts`)).toContain(`pgSchema: '${pgSchema}'`);
  });

  it.each(SECTOR_SUBGRAPH_NAMES)('%s: its data is owned by the sectors it names', async (name) => {
    const access = (await import(new URL(`${SUBGRAPHS[name].folder}/src/access.ts`, root).href)) as Record<string, unknown>;
    const ownerships = Object.values(access).filter((value): value is SectorOwnership => Array.isArray((value as SectorOwnership | null)?.sectors));
    expect(ownerships.map((o) => [...o.sectors].sort())).toEqual([[...SUBGRAPHS[name].ownerSectors].sort()]);
  });

  it.each(SUBGRAPH_NAMES)('%s: serves its part of a child’s access log under the root field it names', (name) => {
    const { folder, accessLogField, pgSchema } = SUBGRAPHS[name];
    const doc = parse(read(`${folder}/schema.graphql`));
    const fields = doc.definitions
      .filter((d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => isObjectType(d) && d.name.value === 'Query')
      .flatMap((query) => (query.fields ?? []).map((f) => f.name.value));
    // Every subgraph holding a child's data logs every read of it.
    if (pgSchema !== null) expect(accessLogField).not.toBeNull();
    if (accessLogField !== null) expect(fields).toContain(accessLogField);
  });

  it('is what the Dockerfile installs: every workspace package.json is copied before npm ci', () => {
    const { workspaces } = JSON.parse(read('package.json')) as { workspaces: string[] };
    const packages = workspaces.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(new URL(pattern.slice(0, -1), root), { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => `${pattern.slice(0, -1)}${e.name}`)
        : [pattern],
    );
    const dockerfile = read('Dockerfile');
    for (const folder of packages) expect(dockerfile, folder).toContain(`COPY ${folder}/package.json ${folder}/`);
    for (const name of SUBGRAPH_NAMES) expect(packages).toContain(SUBGRAPHS[name].folder);
  });
});

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parseYaml(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
const nodeServices = Object.entries(compose.services).filter(([, service]) => service.command?.[0] === 'tsx');

describe('docker-compose.yml', () => {
  it('runs the registry’s subgraphs, the gateway and PostgreSQL, and nothing else', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...SUBGRAPH_NAMES, 'gateway', 'postgres'].sort());
  });

  it.each(SUBGRAPH_NAMES)('%s: started from its main.ts on its default port, with its own variable names', (name) => {
    const { folder, defaultPort, envPrefix, pgSchema } = SUBGRAPHS[name];
    const service = compose.services[name]!;
    expect(service.command).toEqual(['tsx', `${folder}/src/main.ts`]);
    expect(service.environment?.[`${envPrefix}_PORT`]).toBe(String(defaultPort));
    expect(service.ports).toEqual([`127.0.0.1:${defaultPort}:${defaultPort}`]);
    expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${defaultPort}/ready`);
    if (pgSchema === null) {
      expect(service.depends_on?.['postgres']).toBeUndefined();
    } else {
      // One database per sector, created by the init script and reached by the sector's own role.
      expect(service.environment?.[`${envPrefix}_DATABASE_URL`]).toMatch(new RegExp(`^postgres://${pgSchema}:[^@]+@postgres:5432/${pgSchema}$`));
      expect(read('docker/postgres-init.sql')).toContain(`CREATE DATABASE ${pgSchema} OWNER ${pgSchema};`);
      expect(service.depends_on?.['postgres']).toEqual({ condition: 'service_healthy' });
    }
  });

  it('routes the gateway to every subgraph’s service, and starts it once all are ready', () => {
    const gateway = compose.services['gateway']!;
    for (const name of SUBGRAPH_NAMES) {
      const { envPrefix, defaultPort } = SUBGRAPHS[name];
      expect(gateway.environment?.[`${envPrefix}_URL`]).toBe(`http://${name}:${defaultPort}/graphql`);
      expect(gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('lets the pathway subgraph reach every sector keeping an access log', () => {
    const pathway = compose.services['pathway']!;
    for (const name of ACCESS_LOG_SUBGRAPH_NAMES) {
      const { envPrefix, defaultPort } = SUBGRAPHS[name];
      expect(pathway.environment?.[`${envPrefix}_URL`]).toBe(`http://${name}:${defaultPort}/graphql`);
    }
  });

  it('sets only variables the configuration reads', () => {
    expect(nodeServices.length).toBe(SUBGRAPH_NAMES.length + 1);
    const unknown = nodeServices.flatMap(([name, service]) =>
      Object.keys(service.environment ?? {})
        .filter((variable) => !CONFIG_VARIABLES.includes(variable))
        .map((variable) => `${name}: ${variable}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the README', () => {
  it('documents every variable the configuration reads in its configuration table', () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    expect(CONFIG_VARIABLES.filter((variable) => !table.includes(`\`${variable}\``))).toEqual([]);
  });
});
