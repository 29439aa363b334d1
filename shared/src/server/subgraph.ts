import type { BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { startHttpService, type HttpServiceOptions, type RunningService } from './http.ts';

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

/** Starts a Federation 2 subgraph from its SDL and resolvers, with the common HTTP service around it. */
export function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningService> {
  const { schemaFile, resolvers, ...rest } = options;
  const schema = buildSubgraphSchema({
    typeDefs: parse(readSchemaFile(schemaFile)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  // Inline traces are for Apollo's hosted studio, which this deployment never reports to.
  const plugins = [ApolloServerPluginInlineTraceDisabled(), ...(rest.plugins ?? [])];
  return startHttpService({ ...rest, plugins, apollo: { schema } });
}
