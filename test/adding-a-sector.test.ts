/**
 * docs/adding-a-sector.md, step 1, followed literally: one entry for a throwaway sector (adult psychiatry as a
 * subgraph of its own) added to the registry, and nothing else changed. The test runs the real registry module with
 * that entry inserted into its source (a copy under .test-results/, loaded in place of shared/src/registry.ts for
 * this file only) and shows which pieces pick the new sector up by themselves, and that the checks of what cannot
 * derive from the registry fail naming it until the checklist's later steps are done.
 *
 * What it does not prove: that a subgraph package built by the checklist's later steps compiles, starts and passes the
 * sector contract. The contract kit, the harness and the launcher run every real sector on every `npm test`; a new one
 * runs them the moment its test file calls `sectorContract` (step 6).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';

/** The entry docs/adding-a-sector.md tells a new sector to add, word for word. */
const NEW_ENTRY = `  'adult-psychiatry': {
    description: 'adult psychiatry: its patients who are parents, and the children it has asked them about (spor 3)',
    envPrefix: 'ADULT_PSYCHIATRY',
    defaultPort: 4006,
    pgSchema: 'adult_psychiatry',
    packageName: '@pathway-graph/adult-psychiatry',
    folder: 'subgraphs/adult-psychiatry',
    ownerSectors: ['ADULT_PSYCHIATRY'],
    accessLogField: 'adultPsychiatryAccessLog',
  },
`;

vi.mock('../shared/src/registry.ts', async () => {
  const source = readFileSync(new URL('../shared/src/registry.ts', import.meta.url), 'utf8');
  const anchor = '  pathway: {';
  if (!source.includes(anchor)) throw new Error('shared/src/registry.ts no longer lists the pathway subgraph as `  pathway: {`');
  // The sector owned ADULT_PSYCHIATRY's data before: in the copy, as in the checklist, it hands that ownership over.
  const withEntry = source.replace(anchor, `${NEW_ENTRY}${anchor}`).replace("ownerSectors: ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING']", "ownerSectors: ['PAEDIATRICS', 'HEALTH_VISITING']");
  const folder = new URL('../.test-results/adding-a-sector/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  const copy = new URL('registry.ts', folder);
  writeFileSync(copy, withEntry);
  return import(/* @vite-ignore */ copy.href);
});

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const NAME = 'adult-psychiatry';

describe('adding a sector: what follows from its registry entry alone', () => {
  it('is a sector subgraph of the registry, with a database, an access log and its data owner', async () => {
    const registry = await import('@pathway-graph/shared/registry');
    expect(registry.SUBGRAPH_NAMES).toContain(NAME);
    expect(registry.SECTOR_SUBGRAPH_NAMES).toContain(NAME);
    expect(registry.ACCESS_LOG_SUBGRAPH_NAMES).toContain(NAME);
    expect(registry.subgraphOwning('ADULT_PSYCHIATRY')).toBe(NAME);
    expect(registry.subgraphOwning('PAEDIATRICS')).toBe('screening');
  });

  it('has its settings: port, database, URL, each documented by name and read by every service that needs it', async () => {
    const { CONFIG_VARIABLES, loadGatewayConfig, loadPathwayConfig, loadSubgraphConfig } = await import('@pathway-graph/shared');
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['ADULT_PSYCHIATRY_PORT', 'ADULT_PSYCHIATRY_URL', 'ADULT_PSYCHIATRY_DATABASE_URL']));
    // Sends and receives no message yet: no key and no endpoint to configure until the contract names it.
    expect(CONFIG_VARIABLES.filter((v) => v.startsWith('ADULT_PSYCHIATRY_MESSAGE'))).toEqual([]);

    const env = { NODE_ENV: 'test', CHILD_PSEUDONYM_SECRET: 'x'.repeat(32), DATA_DIR: '.test-results/adding-a-sector/data' };
    const alone = loadSubgraphConfig(NAME as never, env);
    expect(alone).toMatchObject({ port: 4006, database: { kind: 'pglite' } });
    const onPostgres = loadSubgraphConfig(NAME as never, { ...env, ADULT_PSYCHIATRY_DATABASE_URL: 'postgres://u:p@db:5432/adult_psychiatry', ADULT_PSYCHIATRY_PORT: '5006' });
    expect(onPostgres).toMatchObject({ port: 5006, database: { kind: 'postgres', url: 'postgres://u:p@db:5432/adult_psychiatry' } });
    // The gateway routes to it and the pathway subgraph merges its access log, by default on its own port.
    expect(loadGatewayConfig(env).subgraphUrls).toMatchObject({ [NAME]: 'http://localhost:4006/graphql' });
    expect(loadPathwayConfig(env).sectorUrls).toMatchObject({ [NAME]: 'http://localhost:4006/graphql' });
  });

  it('is composed into the supergraph and given resolver types from its own folder', async () => {
    const { subgraphSchemaFile } = await import('@pathway-graph/gateway/compose');
    expect(subgraphSchemaFile(NAME as never)).toBe(fileURLToPath(new URL('subgraphs/adult-psychiatry/schema.graphql', root)));
    // Code generation reads the models of every subgraph of the registry: it looks for the new one's straight away.
    await expect(import('../codegen.ts')).rejects.toThrow(/no such file .*subgraphs\/adult-psychiatry\/src\/models\.ts/);
  });

  it('is started by the test harness and the launcher: a database of its own, and the one starter line the type-check asks for', async () => {
    const { SECTOR_SUBGRAPH_NAMES } = await import('@pathway-graph/shared/registry');
    // test/support/system.ts creates one database per sector subgraph of the registry and hands them to the launcher.
    expect(read('test/support/system.ts')).toMatch(/backend\.create\(SECTOR_SUBGRAPH_NAMES\.length[,)]/);
    expect(SECTOR_SUBGRAPH_NAMES).toHaveLength(5);
    // The launcher's starters are typed `satisfies Record<SectorSubgraphName, …>`: the missing one is a compile error.
    expect(read('scripts/launcher/system.ts')).toMatch(/\} satisfies Record<SectorSubgraphName, \(port: number\) =>/);
  });

  it('is named by the checks of what cannot derive from the registry, until the checklist’s other steps are done', async () => {
    const { SUBGRAPH_NAMES, SUBGRAPHS } = await import('@pathway-graph/shared/registry');
    const { CONFIG_VARIABLES } = await import('@pathway-graph/shared');
    // test/registry.test.ts compares these with the registry; with the entry alone, each differs by the new sector.
    const compose = parseYaml(read('docker-compose.yml'), { merge: true }) as { services: Record<string, unknown> };
    expect(SUBGRAPH_NAMES.filter((name) => !(name in compose.services))).toEqual([NAME]);
    expect(read('Dockerfile')).not.toContain(`COPY ${SUBGRAPHS[NAME as 'bua'].folder}/package.json`);
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    expect(CONFIG_VARIABLES.filter((variable) => !table.includes(`\`${variable}\``))).toEqual([
      'ADULT_PSYCHIATRY_PORT',
      'ADULT_PSYCHIATRY_URL',
      'ADULT_PSYCHIATRY_DATABASE_URL',
    ]);
  });
});
