import { composeSupergraph, isSupergraphFresh, subgraphSchemaFile } from '@pathway-graph/gateway/compose';
import { SUBGRAPH_NAMES } from '@pathway-graph/shared';
import { Kind, parse, type DefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the supergraph', () => {
  it('composes from the subgraph schemas without errors', () => {
    const result = composeSupergraph();
    expect('errors' in result ? result.errors : []).toEqual([]);
  });

  it('is committed exactly as composition produces it (run `npm run compose` after editing a schema)', () => {
    const result = composeSupergraph();
    if ('errors' in result) throw new Error(result.errors.join('\n'));
    expect(isSupergraphFresh(result.supergraphSdl)).toBe(true);
  });
});

/** The schema is the contract read by four sectors' teams: nothing in it goes undescribed. */
describe.each(SUBGRAPH_NAMES)('the %s schema', (name) => {
  it('has a description on every type, field, argument and enum value', () => {
    const doc = parse(readFileSync(subgraphSchemaFile(name), 'utf8'));
    const missing: string[] = [];
    const describedKinds = new Set<string>([
      Kind.OBJECT_TYPE_DEFINITION,
      Kind.INTERFACE_TYPE_DEFINITION,
      Kind.ENUM_TYPE_DEFINITION,
      Kind.INPUT_OBJECT_TYPE_DEFINITION,
      Kind.SCALAR_TYPE_DEFINITION,
      Kind.UNION_TYPE_DEFINITION,
    ]);
    for (const def of doc.definitions as readonly DefinitionNode[]) {
      if (!describedKinds.has(def.kind) || !('name' in def) || !def.name) continue;
      const typeName = def.name.value;
      // Root operation types are described by their fields.
      const isRoot = ['Query', 'Mutation', 'Subscription'].includes(typeName);
      if (!isRoot && !('description' in def && def.description)) missing.push(typeName);
      if ('fields' in def) {
        for (const field of def.fields ?? []) {
          if (!field.description) missing.push(`${typeName}.${field.name.value}`);
          if ('arguments' in field) {
            for (const arg of field.arguments ?? []) {
              if (!arg.description) missing.push(`${typeName}.${field.name.value}(${arg.name.value})`);
            }
          }
        }
      }
      if ('values' in def) {
        for (const value of def.values ?? []) if (!value.description) missing.push(`${typeName}.${value.name.value}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
