import type { BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { Kind, parse, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { startHttpService, type HttpServiceOptions, type RunningService } from './http.ts';
import { scalarRefusalPlugin, SHARED_SCALARS } from './scalars.ts';

export interface SubgraphServerOptions<TContext extends BaseContext>
  extends Omit<HttpServiceOptions<TContext>, 'apollo'> {
  /** The subgraph's contract, `schema.graphql`. */
  schemaFile: URL;
  /**
   * The generated `Resolvers<Context>` of the subgraph. Typed loosely here because codegen's resolver types and
   * @apollo/subgraph's resolver map describe the same objects with incompatible generics.
   */
  resolvers: object;
}

/** Reads a subgraph's SDL; composition and the server both use this exact text. */
export function readSchemaFile(schemaFile: URL): string {
  return readFileSync(schemaFile, 'utf8');
}

/**
 * Builds a Federation 2 subgraph schema from its SDL and resolvers. The shared `Date` and `DateTime` scalars are
 * installed here for every subgraph that declares them, over anything a subgraph's resolvers say, so every sector
 * reads and writes instants and days the same way.
 */
export function buildSubgraph(schemaFile: URL, resolvers: object): GraphQLSchema {
  const typeDefs = parse(readSchemaFile(schemaFile));
  const declared = new Set(typeDefs.definitions.flatMap((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION ? [d.name.value] : [])));
  const scalars = Object.fromEntries(Object.entries(SHARED_SCALARS).filter(([name]) => declared.has(name)));
  return buildSubgraphSchema({
    typeDefs,
    resolvers: { ...resolvers, ...scalars } as GraphQLResolverMap<unknown>,
  });
}

/**
 * Each subgraph's schema, built once per process: tests start the same subgraph many times in one process (on each
 * database, again after stopping it), and building it (parse, validate, federation) is a good part of a start. Safe
 * to share: Apollo Server reads the schema, and the one change it may make (wrapping resolvers for plugins'
 * willResolveField, dispatched per request through the context) it makes once per schema and marks.
 */
const built = new WeakMap<object, Map<string, GraphQLSchema>>();

function subgraphSchema(schemaFile: URL, resolvers: object): GraphQLSchema {
  let byFile = built.get(resolvers);
  if (!byFile) built.set(resolvers, (byFile = new Map()));
  let schema = byFile.get(schemaFile.href);
  if (!schema) byFile.set(schemaFile.href, (schema = buildSubgraph(schemaFile, resolvers)));
  return schema;
}

/** Starts a Federation 2 subgraph from its SDL and resolvers, with the common HTTP service around it. */
export function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningService> {
  const { schemaFile, resolvers, ...rest } = options;
  const schema = subgraphSchema(schemaFile, resolvers);
  // Inline traces are for Apollo's hosted studio, which this deployment never reports to.
  const plugins = [ApolloServerPluginInlineTraceDisabled(), scalarRefusalPlugin<TContext>(), ...(rest.plugins ?? [])];
  return startHttpService({ ...rest, plugins, apollo: { schema } });
}
