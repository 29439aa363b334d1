import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLInputType, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { graphqlOfSchemas } from './graphql-realm.ts';
import { ErrorCode } from '../errors.ts';

const { getArgumentValues, getNamedType, getNullableType, getVariableValues, GraphQLError, GraphQLID, GraphQLString, isInputObjectType, isListType, Kind, TypeInfo, visit, visitWithTypeInfo } = graphqlOfSchemas;
type GraphQLError = InstanceType<typeof GraphQLError>;

/**
 * Every text a client sends, checked once, the same way, before any resolver sees it: at the gateway and again at
 * each subgraph, for every String and ID argument and input field of the schema, however deeply nested and whether
 * written in the document or passed as a variable.
 *
 * - Length: at most what the field's description states ("at most N characters"), else DEFAULT_MAX_STRING_LENGTH
 *   (an ID: DEFAULT_MAX_ID_LENGTH). The services keep their own, often tighter, limits with their own wording.
 * - Control characters: none but tab, line feed and carriage return (NUL cannot even be stored by PostgreSQL; the
 *   others only ever come from a broken or hostile client).
 * - Well-formed UTF-16: a lone surrogate cannot be encoded as UTF-8, so the database refuses it.
 *
 * A refusal is BAD_USER_INPUT naming the field (`field`: its path from the argument, e.g.
 * `input.signature.name`) and saying what to fix; it never quotes the value, which may be free text about a child.
 */

/** The longest text any String input accepts when its description states no maximum. */
export const DEFAULT_MAX_STRING_LENGTH = 100_000;
/** The longest ID an input accepts when its description states no maximum: ids are short tokens. */
export const DEFAULT_MAX_ID_LENGTH = 200;

const STATED_MAXIMUM = /at most ([\d,. ]*\d) characters/i;
// C0 controls but tab (09), line feed (0A) and carriage return (0D); DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The maximum a description states ("at most 4,000 characters"), if it states one. */
export function statedMaximum(description: string | null | undefined): number | undefined {
  const match = description ? STATED_MAXIMUM.exec(description) : null;
  return match ? Number(match[1]!.replace(/[,. ]/g, '')) : undefined;
}

/** Why `value`, given for `field`, is refused; undefined when it is acceptable text. */
export function textProblem(value: string, field: string, maximum: number): GraphQLError | undefined {
  if (value.length > maximum) {
    return badText(`${field} is ${value.length} characters long; at most ${maximum} are accepted. Shorten it.`, field, { maxLength: maximum });
  }
  const control = CONTROL.exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return badText(
      `${field} contains a control character (${code}) at position ${control.index + 1}; only printable text, tabs and line breaks are accepted. Remove it.`,
      field,
      { reason: 'control-character' },
    );
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return badText(
      `${field} contains an incomplete character (a lone UTF-16 surrogate) at position ${surrogate.index + 1}, which cannot be stored; send well-formed Unicode text.`,
      field,
      { reason: 'unpaired-surrogate' },
    );
  }
  return undefined;
}

function badText(message: string, field: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, ...details, http: { status: 400 } } });
}

/** The first problem in `value` of input type `type` (a coerced argument value), walking lists and input objects. */
function problemIn(value: unknown, type: GraphQLInputType, path: string, maximum: number | undefined): GraphQLError | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return problemIn(value, nullable.ofType, path, maximum);
    for (const [index, item] of value.entries()) {
      const problem = problemIn(item, nullable.ofType, `${path}[${index}]`, maximum);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const problem = problemIn((value as Record<string, unknown>)[name], field.type, `${path}.${name}`, statedMaximum(field.description));
      if (problem) return problem;
    }
    return undefined;
  }
  const named = getNamedType(type);
  if (typeof value !== 'string' || (named !== GraphQLString && named !== GraphQLID)) return undefined;
  return textProblem(value, path, maximum ?? (named === GraphQLID ? DEFAULT_MAX_ID_LENGTH : DEFAULT_MAX_STRING_LENGTH));
}

/**
 * The first text input of `operation` that is refused. Variables that do not coerce are left to GraphQL's own
 * execution to report, with its own message.
 */
export function inputProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const typeInfo = new TypeInfo(schema);
  let found: GraphQLError | undefined;
  // The operation and the fragments it may use: every field with arguments, wherever it appears.
  const relevant: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
  };
  visit(
    relevant,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (found || !node.arguments?.length) return undefined;
        const definition = typeInfo.getFieldDef();
        if (!definition) return undefined;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(definition, node, coerced.coerced);
        } catch {
          // An argument that does not coerce is reported by validation or execution, in GraphQL's own words.
          return undefined;
        }
        for (const argument of definition.args) {
          found = problemIn(values[argument.name], argument.type, argument.name, statedMaximum(argument.description));
          if (found) break;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/** The Apollo plugin: refuses an operation with an unacceptable text input before anything is executed. */
export function inputTextPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const problem = inputProblem(schema, document, operation, request.variables ?? undefined);
          if (problem) throw problem;
        },
      };
    },
  };
}
