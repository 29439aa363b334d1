import { composeServices } from '@apollo/composition';
import { subgraphSchemaFile } from '@pathway-graph/gateway/compose';
import { buildSubgraph, SUBGRAPH_NAMES } from '@pathway-graph/shared';
import {
  Kind,
  parse,
  print,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLScalarType,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One vocabulary across the graph: a concept (a point in time, a letter's category, a pathway step) has one name and
 * one form in every subgraph, so a front end never has to know which sector a value came from. Composition accepts a
 * great deal of drift (it picks one description, merges enum values, widens nullability); this test does not.
 */

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const documents: Record<string, DocumentNode> = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [name, parse(readFileSync(subgraphSchemaFile(name), 'utf8'))]),
);

type TypeDefinition = Extract<DefinitionNode, { name: { value: string } }> & { kind: string };

/** Each subgraph's definitions by type name, with `extend type` merged into the type (as a subgraph reads them). */
function definitionsOf(doc: DocumentNode): Map<string, TypeDefinition[]> {
  const byName = new Map<string, TypeDefinition[]>();
  for (const def of doc.definitions) {
    if (!('name' in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const list = byName.get(def.name.value) ?? [];
    list.push(def as TypeDefinition);
    byName.set(def.name.value, list);
  }
  return byName;
}

const norm = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const typeString = (t: TypeNode) => print(t);
const directiveNames = (node: { directives?: readonly { name: { value: string } }[] }) => (node.directives ?? []).map((d) => d.name.value);
const isEntity = (defs: TypeDefinition[]) => defs.some((d) => directiveNames(d).includes('key'));

function fieldsOf(defs: TypeDefinition[]): (FieldDefinitionNode | InputValueDefinitionNode)[] {
  return defs.flatMap((d) => ('fields' in d ? [...((d.fields ?? []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[])] : []));
}

function describeField(f: FieldDefinitionNode | InputValueDefinitionNode): string {
  const args = 'arguments' in f && f.arguments?.length ? `(${f.arguments.map((a) => `${a.name.value}: ${typeString(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ''} "${norm(a.description?.value)}"`).join(', ')})` : '';
  const defaultValue = 'defaultValue' in f && f.defaultValue ? ` = ${print(f.defaultValue)}` : '';
  return `${f.name.value}${args}: ${typeString(f.type)}${defaultValue} "${norm(f.description?.value)}"`;
}

/** Every difference between two subgraphs' definitions of one type name. */
function differences(name: string, a: { subgraph: string; defs: TypeDefinition[] }, b: { subgraph: string; defs: TypeDefinition[] }): string[] {
  const where = `${name} (${a.subgraph} vs ${b.subgraph})`;
  const out: string[] = [];
  const kindA = a.defs[0]!.kind.replace('Extension', 'Definition');
  const kindB = b.defs[0]!.kind.replace('Extension', 'Definition');
  if (kindA !== kindB) return [`${where}: a ${kindA} in one, a ${kindB} in the other`];
  const descriptionOf = (defs: TypeDefinition[]) => norm(defs.map((d) => ('description' in d ? d.description?.value : undefined)).find(Boolean));
  const [descA, descB] = [descriptionOf(a.defs), descriptionOf(b.defs)];
  if (descA !== descB) out.push(`${where}: descriptions differ:\n    "${descA}"\n    "${descB}"`);

  if (kindA === Kind.ENUM_TYPE_DEFINITION) {
    const values = (defs: TypeDefinition[]) =>
      new Map(defs.flatMap((d) => ('values' in d ? (d.values ?? []) : [])).map((v) => [v.name.value, norm(v.description?.value)]));
    const [va, vb] = [values(a.defs), values(b.defs)];
    const names = [...new Set([...va.keys(), ...vb.keys()])];
    for (const v of names) {
      if (!va.has(v) || !vb.has(v)) out.push(`${where}: value ${v} only in ${va.has(v) ? a.subgraph : b.subgraph}`);
      else if (va.get(v) !== vb.get(v)) out.push(`${where}: value ${v} described differently:\n    "${va.get(v)}"\n    "${vb.get(v)}"`);
    }
  }

  if ('fields' in a.defs[0]! || 'fields' in b.defs[0]!) {
    const external = (f: { directives?: readonly { name: { value: string } }[] }) => directiveNames(f).includes('external');
    const fa = new Map(fieldsOf(a.defs).map((f) => [f.name.value, f]));
    const fb = new Map(fieldsOf(b.defs).map((f) => [f.name.value, f]));
    // Entities are contributed to field by field, and a subgraph that only reads an object for `@requires` declares
    // the fields it reads as @external; everything else (inputs, value types) must have the same fields everywhere.
    const partial = (fields: Map<string, FieldDefinitionNode | InputValueDefinitionNode>) =>
      isEntity(a.defs) || isEntity(b.defs) || [...fields.values()].every(external);
    for (const field of new Set([...fa.keys(), ...fb.keys()])) {
      const x = fa.get(field);
      const y = fb.get(field);
      if (x && y) {
        if (describeField(x) !== describeField(y)) out.push(`${where}: field differs:\n    ${describeField(x)}\n    ${describeField(y)}`);
      } else if (!(x ? partial(fb) : partial(fa))) {
        out.push(`${where}: field ${field} only in ${x ? a.subgraph : b.subgraph}`);
      }
    }
  }
  return out;
}

/** The form a concept has wherever a field, argument or input field of that name appears. */
const CONCEPTS: { name: string; matches: (field: string) => boolean; type: string; list?: boolean }[] = [
  { name: 'a point in time', matches: (f) => f === 'at' || /[a-z]At$/.test(f), type: 'DateTime' },
  { name: 'a calendar day', matches: (f) => /[a-z]On$/.test(f) || /[a-z]Date$/.test(f) || ['validFrom', 'validUntil', 'since'].includes(f), type: 'Date' },
  { name: "a letter's MedCom category", matches: (f) => f === 'category', type: 'CareCommunicationCategory' },
  { name: "the municipality's contact commitment", matches: (f) => f === 'contactCommitment', type: 'ContactCommitment' },
  { name: 'what the municipality has initiated', matches: (f) => f === 'initiated' || f === 'initiatedItems', type: 'InitiatedAction', list: true },
  { name: 'the step of the graduated pathway', matches: (f) => f === 'step', type: 'PathwayStep' },
  { name: 'a MedCom message id', matches: (f) => f === 'messageId' || /[a-z]MessageId$/.test(f), type: 'ID' },
  { name: "a child's pseudonym", matches: (f) => f === 'childId', type: 'ID' },
  { name: 'a location number (GLN)', matches: (f) => /^(l|.*L)ocationNumber$/.test(f), type: 'String' },
  { name: 'a provider number', matches: (f) => f === 'ydernummer', type: 'String' },
  { name: 'a municipality code', matches: (f) => f === 'municipalityCode', type: 'Int' },
  { name: 'the demo-data flag', matches: (f) => f === 'synthetic', type: 'Boolean' },
];

interface Use {
  where: string;
  name: string;
  type: TypeNode;
}

/** Every field, argument and input field of a subgraph's SDL. */
function usesInDocument(subgraph: string, doc: DocumentNode): Use[] {
  const uses: Use[] = [];
  for (const def of doc.definitions) {
    if (!('name' in def) || !def.name || !('fields' in def)) continue;
    for (const f of (def.fields ?? []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[]) {
      // A root field is a look-up (`practiceByLocationNumber`) named after its argument; the argument is checked.
      if (!ROOT_TYPES.has(def.name.value)) uses.push({ where: `${subgraph}: ${def.name.value}.${f.name.value}`, name: f.name.value, type: f.type });
      for (const arg of 'arguments' in f ? (f.arguments ?? []) : []) {
        uses.push({ where: `${subgraph}: ${def.name.value}.${f.name.value}(${arg.name.value})`, name: arg.name.value, type: arg.type });
      }
    }
  }
  return uses;
}

function unwrap(t: TypeNode): { named: string; list: boolean } {
  if (t.kind === Kind.NON_NULL_TYPE) return unwrap(t.type);
  if (t.kind === Kind.LIST_TYPE) return { named: unwrap(t.type).named, list: true };
  return { named: t.name.value, list: false };
}

function conceptViolations(uses: Use[]): string[] {
  const out: string[] = [];
  for (const use of uses) {
    for (const concept of CONCEPTS) {
      if (!concept.matches(use.name)) continue;
      const { named, list } = unwrap(use.type);
      if (named !== concept.type || list !== (concept.list ?? false)) {
        out.push(`${use.where} is ${typeString(use.type)}, but ${concept.name} is ${concept.list ? `[${concept.type}!]` : concept.type} everywhere`);
      }
    }
  }
  return out;
}

function composed() {
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({ name, url: `http://${name}.invalid/graphql`, typeDefs: documents[name]! })));
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

/**
 * The graph a client sees: the composed supergraph without its @inaccessible parts and federation machinery, as SDL
 * (composition runs on its own copy of graphql-js, so its schema objects are read through their printed form).
 */
function apiDocument(): DocumentNode {
  return parse(print(composed().schema.toAPISchema().toAST()));
}

describe('one vocabulary across the graph', () => {
  it('composes without a single inconsistency hint (descriptions, enum values, nullability, field types)', () => {
    const hints = (composed().hints ?? []).map((h) => `${h.definition.code}: ${h.message.split('\n')[0]}`);
    expect(hints).toEqual([]);
  });

  it('defines every type, enum, input and scalar that two subgraphs share identically in both', () => {
    const bySubgraph = SUBGRAPH_NAMES.map((subgraph) => ({ subgraph, defs: definitionsOf(documents[subgraph]!) }));
    const problems: string[] = [];
    const names = new Set(bySubgraph.flatMap((s) => [...s.defs.keys()]));
    for (const name of [...names].sort()) {
      if (ROOT_TYPES.has(name)) continue;
      const holders = bySubgraph.filter((s) => s.defs.has(name)).map((s) => ({ subgraph: s.subgraph, defs: s.defs.get(name)! }));
      for (let i = 1; i < holders.length; i++) problems.push(...differences(name, holders[0]!, holders[i]!));
    }
    expect(problems).toEqual([]);
  });

  it('gives one concept one enum: no two enums of the graph have the same values under different names', () => {
    const enums = SUBGRAPH_NAMES.flatMap((subgraph) =>
      documents[subgraph]!.definitions.flatMap((d) =>
        d.kind === Kind.ENUM_TYPE_DEFINITION ? [{ subgraph, name: d.name.value, values: (d.values ?? []).map((v) => v.name.value).sort().join(',') }] : [],
      ),
    );
    const problems = enums.flatMap((a) =>
      enums.filter((b) => b.values === a.values && b.name !== a.name && a.name < b.name).map((b) => `${a.subgraph}'s ${a.name} and ${b.subgraph}'s ${b.name} are one enum: ${a.values}`),
    );
    expect([...new Set(problems)]).toEqual([]);
  });

  it.each(SUBGRAPH_NAMES)('gives every concept its one form in the %s schema', (name) => {
    expect(conceptViolations(usesInDocument(name, documents[name]!))).toEqual([]);
  });

  it('gives every concept its one form in the composed graph a client sees', () => {
    expect(conceptViolations(usesInDocument('supergraph', apiDocument()))).toEqual([]);
  });

  it('shows no client what a subgraph marks @inaccessible: the facts the sectors hand the pathway subgraph', () => {
    const hidden = new Set<string>();
    for (const doc of Object.values(documents)) {
      for (const def of doc.definitions) {
        if (!('name' in def) || !def.name) continue;
        if (directiveNames(def).includes('inaccessible')) hidden.add(def.name.value);
        for (const f of 'fields' in def ? ((def.fields ?? []) as readonly FieldDefinitionNode[]) : []) {
          if (directiveNames(f).includes('inaccessible')) hidden.add(`${def.name.value}.${f.name.value}`);
        }
      }
    }
    expect([...hidden].filter((h) => h.startsWith('Child.')).sort()).toEqual([
      'Child.buaFacts',
      'Child.generalPracticeFacts',
      'Child.municipalityFacts',
      'Child.screeningFacts',
    ]);
    const visible = new Set(
      apiDocument().definitions.flatMap((d) =>
        'name' in d && d.name ? [d.name.value, ...('fields' in d ? (d.fields ?? []).map((f) => `${d.name!.value}.${f.name.value}`) : [])] : [],
      ),
    );
    expect([...hidden].filter((h) => visible.has(h))).toEqual([]);
    // The reason is no secret: the pathway subgraph tells clients why a sector's data was not shared.
    expect(visible.has('WithheldReason') && visible.has('Child.withheld')).toBe(true);
  });

  it.each(SUBGRAPH_NAMES)('serves the shared Date and DateTime scalars in the %s subgraph', (name) => {
    const schema = buildSubgraph(pathToFileURL(subgraphSchemaFile(name)), {});
    const dateTime = schema.getType('DateTime') as GraphQLScalarType;
    const date = schema.getType('Date') as GraphQLScalarType;
    expect(dateTime.serialize('2026-12-01 20:46:27.383+00')).toBe('2026-12-01T20:46:27.383Z');
    expect(() => dateTime.parseValue('2026-12-01 20:46:27')).toThrow(/ISO 8601 date and time with a time zone offset/);
    expect(() => date.parseValue('2026-02-30')).toThrow(/day 30 does not exist in month 02/);
    // The description stays the contract's own.
    expect(dateTime.description).toBe('A point in time, ISO 8601 with time zone.');
  });
});
