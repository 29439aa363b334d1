import { composeServices } from '@apollo/composition';
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from '@pathway-graph/shared';
import { parse } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the committed supergraph lives; the gateway serves exactly this file. */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

const REPOSITORY_ROOT = new URL('../../', import.meta.url);

/** A subgraph's contract, found in its folder as the registry names it. */
export function subgraphSchemaFile(name: SubgraphName): string {
  return fileURLToPath(new URL(`${SUBGRAPHS[name].folder}/schema.graphql`, REPOSITORY_ROOT));
}

/**
 * Composes the subgraphs' SDL files into a supergraph. The routing URLs recorded in it are the local defaults;
 * the gateway replaces them with its configured `<PREFIX>_URL`s.
 */
export function composeSupergraph(): { supergraphSdl: string } | { errors: string[] } {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://localhost:${SUBGRAPHS[name].defaultPort}/graphql`,
      typeDefs: parse(readFileSync(subgraphSchemaFile(name), 'utf8')),
    })),
  );
  if (result.errors) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl };
}

/** The committed file is stale when composing now gives different text. */
export function isSupergraphFresh(supergraphSdl: string): boolean {
  return existsSync(SUPERGRAPH_FILE) && readFileSync(SUPERGRAPH_FILE, 'utf8') === supergraphSdl;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const result = composeSupergraph();
  if ('errors' in result) {
    console.error(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  if (check) {
    if (!isSupergraphFresh(result.supergraphSdl)) {
      console.error('gateway/supergraph.graphql is stale: a subgraph schema changed. Run `npm run compose` and commit it.');
      process.exit(1);
    }
    console.log('gateway/supergraph.graphql is up to date.');
  } else {
    writeFileSync(SUPERGRAPH_FILE, result.supergraphSdl);
    console.log('Wrote gateway/supergraph.graphql');
  }
}
