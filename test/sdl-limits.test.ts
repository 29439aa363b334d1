/**
 * Every limit a request is checked against is written in the schema a front-end developer reads:
 * - each String argument and input field states its maximum ("at most N characters"), which is the maximum the
 *   services enforce on it (shared/src/server/inputs.ts reads it from the description; without one, 100,000 would
 *   apply unseen). IDs are short tokens whose form each service checks (a pseudonym, a UUID), at most 200 characters;
 * - each page size (`first`, `last`) states its range, 1 to the page maximum the services enforce (pagination.ts),
 *   with its default inside it.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { DEFAULT_MAX_STRING_LENGTH, MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE, MAX_PAGE_SIZE, MAX_WORKLIST_PAGE_SIZE, SUBGRAPH_NAMES, SUBGRAPHS, statedMaximum, type SubgraphName } from '@pathway-graph/shared';
import type * as Graphql from 'graphql';
import type { GraphQLArgument, GraphQLInputField, GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The CommonJS graphql that @apollo/subgraph builds the schema with: graphql checks its types with `instanceof`.
const { getNamedType, GraphQLString, isInputObjectType, isObjectType, parse } = createRequire(import.meta.url)('graphql') as typeof Graphql;

const root = new URL('../', import.meta.url);

function schemaOf(name: SubgraphName): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(readFileSync(new URL(`${SUBGRAPHS[name].folder}/schema.graphql`, root), 'utf8')) });
}

/** Every argument and input field of the schema's own types, named `Type.field(argument)` or `Input.field`. */
function inputsOf(schema: GraphQLSchema): [string, GraphQLArgument | GraphQLInputField][] {
  const inputs: [string, GraphQLArgument | GraphQLInputField][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || type.name.startsWith('_')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) for (const arg of field.args) inputs.push([`${type.name}.${field.name}(${arg.name})`, arg]);
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) inputs.push([`${type.name}.${field.name}`, field]);
  }
  return inputs;
}

/** The page range a description states: "1-500", "1 to 500", "1 to 1,000". */
function statedPageMaximum(description: string | null | undefined): number | undefined {
  const match = description ? /\b1 ?(?:-|to) ?(\d[\d,]*)\b/.exec(description) : null;
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

/** The lists whose page maximum is not MAX_PAGE_SIZE, as their services enforce it. */
const PAGE_MAXIMA: Record<string, number> = {
  'Municipality.children(first)': MAX_WORKLIST_PAGE_SIZE,
  'Query.worklist(first)': MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE,
};

describe.each(SUBGRAPH_NAMES.map((name) => [name] as [SubgraphName]))('the limits the %s schema states', (name) => {
  const inputs = inputsOf(schemaOf(name));

  it('states the maximum length of every String argument and input field', () => {
    const strings = inputs.filter(([, input]) => getNamedType(input.type) === GraphQLString);
    const unstated = strings.filter(([, input]) => statedMaximum(input.description) === undefined).map(([where]) => where);
    expect(unstated).toEqual([]);
    for (const [where, input] of strings) {
      const maximum = statedMaximum(input.description)!;
      expect(maximum, where).toBeGreaterThan(0);
      expect(maximum, where).toBeLessThanOrEqual(DEFAULT_MAX_STRING_LENGTH);
    }
  });

  it('states the range of every page size, up to the page maximum the services enforce, with the default inside it', () => {
    const pages = inputs.filter(([where]) => /\((first|last)\)$/.test(where));
    for (const [where, input] of pages) {
      const maximum = statedPageMaximum(input.description);
      expect(maximum, `${where}: "${input.description}"`).toBeDefined();
      // A worklist of a municipality's children pages further than any other list, the cross-sector worklist shorter
      // (pagination.ts).
      const enforced = PAGE_MAXIMA[where] ?? MAX_PAGE_SIZE;
      expect(maximum, where).toBe(enforced);
      if (typeof input.defaultValue === 'number') {
        expect(input.defaultValue, where).toBeGreaterThanOrEqual(1);
        expect(input.defaultValue, where).toBeLessThanOrEqual(maximum!);
        expect(input.description, where).toMatch(new RegExp(`default ${input.defaultValue}\\b`));
      }
    }
  });
});
