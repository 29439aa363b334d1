import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ArgumentNode, DocumentNode, GraphQLSchema, OperationDefinitionNode, ValidationContext, ValidationRule, ValueNode } from 'graphql';
import { graphqlOfSchemas } from './graphql-realm.ts';
import { ErrorCode } from '../errors.ts';
import type { OperationLimits } from './settings.ts';

const { GraphQLError, Kind, TypeInfo, validate, visit, visitWithTypeInfo } = graphqlOfSchemas;
type GraphQLError = InstanceType<typeof GraphQLError>;

/**
 * The limits every operation must keep to, at the gateway and again at every subgraph, checked before anything is
 * executed (GraphQL Armor's rules do the counting). One request must not be able to stall the system: a 200-level
 * query, a page of 500 children each with 500 children of its own, or 1,000 aliased look-ups are refused in
 * milliseconds with an error naming the limit, the operation's value, the maximum and what to do.
 *
 * Depth, aliases and directives depend on the document alone and are validation rules (cached with the document);
 * tokens are counted while parsing; cost depends on the page sizes, which may come from variables or the arguments'
 * defaults, and is computed once those are known (didResolveOperation). At a subgraph, `_entities` is how the gateway
 * asks for the entities of a plan it has already costed: its selection is costed per entity, and the number of
 * entities asked for at once is capped (`representations`).
 */

export type LimitName = keyof OperationLimits;

const LIMIT_WORDING: Record<LimitName, { setting: string; says: (value: number, max: number) => string; advice: string }> = {
  depth: {
    setting: 'GRAPHQL_MAX_DEPTH',
    says: (value, max) => `The operation nests ${value} levels deep; at most ${max} are allowed`,
    advice: 'Ask for less deeply nested data, in several requests if need be.',
  },
  aliases: {
    setting: 'GRAPHQL_MAX_ALIASES',
    says: (value, max) => `The operation uses ${value} aliases; at most ${max} are allowed`,
    advice: 'Each alias asks for the same work again: send fewer per request, or use a list field.',
  },
  directives: {
    setting: 'GRAPHQL_MAX_DIRECTIVES',
    says: (value, max) => `The operation uses ${value} directives; at most ${max} are allowed`,
    advice: 'Use fewer directives per operation.',
  },
  tokens: {
    setting: 'GRAPHQL_MAX_TOKENS',
    says: (_value, max) => `The document has more than ${max} tokens; at most ${max} are allowed`,
    advice: 'Send a shorter document: fewer fields and fragments per request.',
  },
  cost: {
    setting: 'GRAPHQL_MAX_COST',
    says: (value, max) => `The operation would cost ${value} points; at most ${max} are allowed`,
    advice:
      'Each object costs 2 and each scalar 1, a nested level 1.5 times its parent, and a page (first/last) multiplies what it selects: ask for smaller pages, or page through nested lists separately.',
  },
  representations: {
    setting: 'GRAPHQL_MAX_REPRESENTATIONS',
    says: (value, max) => `The operation asks for ${value} entities at once; at most ${max} are allowed`,
    advice: 'Ask for fewer entities per request.',
  },
};

/** The refusal of an operation over a limit: what was counted, the maximum, the setting, and what to do. */
export function limitExceeded(limit: LimitName, value: number, maximum: number): GraphQLError {
  const { setting, says, advice } = LIMIT_WORDING[limit];
  return new GraphQLError(`${says(value, maximum)} (${setting}). ${advice}`, {
    extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit, value, maximum, setting, http: { status: 400 } },
  });
}

/** Armor's rules report "…limit of 15 exceeded, found 203."; the count is all we take from them. */
function foundIn(error: GraphQLError): number {
  const match = /found (\d+(?:\.\d+)?)/.exec(error.message);
  return match ? Math.ceil(Number(match[1])) : Number.NaN;
}

function reporting(limit: LimitName, maximum: number) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitExceeded(limit, foundIn(error), maximum))],
  };
}

/** The validation rules for the limits that depend on the document alone. */
export function documentLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    // Fragments count by what they select, not as a level of their own: the gateway's plans use inline fragments.
    maxDepthRule({ n: limits.depth, flattenFragments: true, ignoreIntrospection: true, ...reporting('depth', limits.depth) }),
    maxAliasesRule({ n: limits.aliases, ...reporting('aliases', limits.aliases) }),
    maxDirectivesRule({ n: limits.directives, ...reporting('directives', limits.directives) }),
  ];
}

/**
 * The token limit is graphql's own (`parseOptions.maxTokens`, counted while lexing, so a huge document is refused
 * before it is parsed whole); this turns its syntax error into the limit's refusal.
 */
export function tokenLimitOf(message: string, maximum: number): GraphQLError | undefined {
  return /Document contains more tha[nt] \d+ tokens/.test(message) ? limitExceeded('tokens', maximum + 1, maximum) : undefined;
}

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * The document with every page size (`first`/`last`) written out as a number: from a variable, or from the argument's
 * default when it is left out, so the cost rule multiplies by the page a request really asks for.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const defaults = new Map<string, unknown>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) {
      if (v.defaultValue?.kind === Kind.INT) defaults.set(v.variable.name.value, Number(v.defaultValue.value));
    }
  }
  const valueOf = (node: ValueNode | undefined): number | undefined => {
    if (node?.kind === Kind.INT) return Number(node.value);
    if (node?.kind === Kind.VARIABLE) {
      const value = variables?.[node.name.value] ?? defaults.get(node.name.value);
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    }
    return undefined;
  };
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const definition = typeInfo.getFieldDef();
        const pageArguments = definition?.args.filter((a) => PAGE_ARGUMENTS.has(a.name)) ?? [];
        if (pageArguments.length === 0) return undefined;
        const given = new Map((node.arguments ?? []).map((a) => [a.name.value, a]));
        const args: ArgumentNode[] = (node.arguments ?? []).filter((a) => !PAGE_ARGUMENTS.has(a.name.value));
        for (const argument of pageArguments) {
          const size = given.has(argument.name) ? valueOf(given.get(argument.name)!.value) : typeof argument.defaultValue === 'number' ? argument.defaultValue : undefined;
          if (size === undefined) continue;
          args.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: argument.name }, value: { kind: Kind.INT, value: String(Math.max(1, size)) } });
        }
        return { ...node, arguments: args };
      },
    }),
  );
}

/** The cost of `operation` with its page sizes known; the limit's refusal when it is over. */
export function costProblem(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, maximum: number): GraphQLError | undefined {
  const known = acceptedCosts(schema, document);
  const key = known.key(variables, maximum);
  if (key !== undefined && known.accepted.has(key)) return undefined;
  const errors = validate(schema, withPageSizes(schema, document, variables), [costLimitRule({ maxCost: maximum, ...reporting('cost', maximum) })]);
  if (errors.length === 0 && key !== undefined && known.accepted.size < MAX_ACCEPTED_PAGE_SIZES) known.accepted.add(key);
  return errors[0];
}

/**
 * Operations found within the cost limit, per schema and document (the document store hands every request of the
 * same query the same DocumentNode), by the page sizes its variables give: a client sends the same document with the
 * same page sizes again and again, and costing it afresh (a typed walk of the document, then the cost rule's own) was
 * a few per cent of the gateway's CPU per request. Only acceptances are kept: a refusal is built anew every time.
 */
const costsAccepted = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, AcceptedCosts>>();
/** Page sizes remembered per document; beyond them (a client paging through sizes) each is costed again. */
const MAX_ACCEPTED_PAGE_SIZES = 64;

interface AcceptedCosts {
  /** The key of a request's page sizes and limit; undefined when a page size is no finite number (never remembered). */
  key(variables: Record<string, unknown> | undefined, maximum: number): string | undefined;
  accepted: Set<string>;
}

function acceptedCosts(schema: GraphQLSchema, document: DocumentNode): AcceptedCosts {
  let byDocument = costsAccepted.get(schema);
  if (!byDocument) costsAccepted.set(schema, (byDocument = new WeakMap()));
  let known = byDocument.get(document);
  if (!known) {
    // The variables withPageSizes may read: those given as `first`/`last` anywhere (a superset: it reads only the
    // arguments of fields that have them). Everything else it reads is in the document or the schema.
    const pageVariables = new Set<string>();
    visit(document, {
      Argument(node) {
        if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) pageVariables.add(node.value.name.value);
      },
    });
    const names = [...pageVariables];
    known = {
      key: (variables, maximum) => {
        const sizes = names.map((name) => variables?.[name] ?? null);
        // JSON writes NaN and Infinity as null, which is another page size: such a request is costed every time.
        return sizes.every((size) => size === null || Number.isFinite(size)) ? JSON.stringify([maximum, ...sizes]) : undefined;
      },
      accepted: new Set(),
    };
    byDocument.set(document, known);
  }
  return known;
}

/** How many entities an `_entities` operation asks for: the length of its `representations`. */
function representationsAskedFor(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  let most = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    const argument = selection.arguments?.find((a) => a.name.value === 'representations')?.value;
    const count =
      argument?.kind === Kind.LIST ? argument.values.length : argument?.kind === Kind.VARIABLE && Array.isArray(variables?.[argument.name.value]) ? (variables![argument.name.value] as unknown[]).length : 0;
    most = Math.max(most, count);
  }
  return most;
}

/**
 * The Apollo plugin for the limits that need the variables: cost and entities. The document limits go in as
 * validation rules (documentLimitRules), the token limit as a parse option (tokenLimitOf).
 */
export function operationLimitsPlugin<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const variables = request.variables ?? undefined;
          const entities = operation ? representationsAskedFor(operation, variables) : 0;
          if (entities > limits.representations) throw limitExceeded('representations', entities, limits.representations);
          const problem = costProblem(schema, document, variables, limits.cost);
          if (problem) throw problem;
        },
      };
    },
  };
}
