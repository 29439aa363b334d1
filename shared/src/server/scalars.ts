import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { impossibleDateReason } from '../domain/calendar.ts';
import { ErrorCode } from '../errors.ts';

/**
 * The `Date` and `DateTime` scalars of every subgraph, implemented once so a point in time or a calendar day reads the
 * same whichever sector returns it. The subgraph server factory installs them in every subgraph; a sector cannot
 * forget them or implement them differently.
 *
 * Output never echoes the value in an error (a resolver handing over something that is no date is a bug, and the
 * value may be a birth date); input errors are the client's own value, refused with BAD_USER_INPUT, and graphql-js
 * puts the variable and the path to the argument in front of the message.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO 8601 date and time with an explicit offset (`Z` or `±HH:MM`); seconds and fractions optional. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** What a database hands back: ISO form or PostgreSQL's `YYYY-MM-DD HH:MM:SS.ffffff+HH[:MM]`; always with an offset. */
const STORED_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2})(?::?(\d{2}))?)$/;

const DATE_HINT = 'A Date is a calendar day written YYYY-MM-DD, e.g. 2026-03-01.';
const DATE_TIME_HINT = 'A DateTime is an ISO 8601 date and time with a time zone offset, e.g. 2026-03-01T09:30:00+01:00 or 2026-03-01T08:30:00Z.';

/**
 * Marks a refusal by one of these scalars in `extensions.scalar`, so the subgraph factory can name the argument and
 * keep the code BAD_USER_INPUT where graphql-js and Apollo cannot (a literal refused during validation).
 */
export const SCALAR_REFUSAL_EXTENSION = 'scalar';

/** `node`: the literal in the document, so the refusal points at where it was written. */
function refuse(scalar: 'Date' | 'DateTime', message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: ErrorCode.BAD_USER_INPUT, [SCALAR_REFUSAL_EXTENSION]: scalar },
  });
}

/** The day's problem, or null when `value` is a real calendar day written YYYY-MM-DD. */
function dateProblem(value: string): string | null {
  const m = ISO_DATE.exec(value);
  if (!m) return 'it is not written YYYY-MM-DD';
  const impossible = impossibleDateReason(Number(m[1]), Number(m[2]), Number(m[3]));
  return impossible ? impossible.reason : null;
}

/** Whether the clock and offset parts of a matched date-time are in range (24:00 and 23:60 are not). */
function clockInRange(m: RegExpExecArray): boolean {
  const [hour, minute, second, offsetHours, offsetMinutes] = [m[4], m[5], m[6], m[9], m[10]].map((x) => Number(x ?? 0));
  return hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours! <= 23 && offsetMinutes! <= 59;
}

/** Parses a client's DateTime strictly; returns the instant in UTC ISO form, or a reason to refuse it. */
export function parseDateTime(value: unknown): { ok: true; iso: string } | { ok: false; reason: string } {
  if (typeof value !== 'string') return { ok: false, reason: describeNonString(value, DATE_TIME_HINT) };
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return { ok: false, reason: `${DATE_TIME_HINT} The value is not written that way (the T and the offset are required).` };
  const day = impossibleDateReason(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day) return { ok: false, reason: `${DATE_TIME_HINT} The value names a day that does not exist: ${day.reason}.` };
  if (!clockInRange(m)) return { ok: false, reason: `${DATE_TIME_HINT} The time of day or the offset is out of range.` };
  return { ok: true, iso: new Date(value).toISOString() };
}

/** Parses a client's Date strictly: a real calendar day, YYYY-MM-DD. */
export function parseDate(value: unknown): { ok: true; date: string } | { ok: false; reason: string } {
  if (typeof value !== 'string') return { ok: false, reason: describeNonString(value, DATE_HINT) };
  const problem = dateProblem(value);
  return problem ? { ok: false, reason: `${DATE_HINT} The value is not a real day: ${problem}.` } : { ok: true, date: value };
}

/**
 * A stored instant as the API shows it: `new Date(x).toISOString()`, whatever form the database or a resolver used
 * (PostgreSQL's `2026-12-01 20:46:27.383+00`, ISO with `Z` or an offset, or a Date). Anything without a time zone
 * is refused: guessing one would move the instant.
 */
export function serializeDateTime(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new GraphQLError('DateTime cannot represent an invalid Date.');
    return value.toISOString();
  }
  if (typeof value === 'string') {
    const m = STORED_DATE_TIME.exec(value);
    if (m && !impossibleDateReason(Number(m[1]), Number(m[2]), Number(m[3])) && clockInRange(m)) {
      const instant = new Date(value);
      if (!Number.isNaN(instant.getTime())) return instant.toISOString();
    }
  }
  throw new GraphQLError('DateTime cannot represent this value: a resolver returned something that is no instant with a time zone.');
}

/** A calendar day as the API shows it: only a real day written YYYY-MM-DD passes (a Date object carries a zone). */
export function serializeDate(value: unknown): string {
  if (typeof value === 'string' && dateProblem(value) === null) return value;
  throw new GraphQLError('Date cannot represent this value: a resolver returned something that is no calendar day written YYYY-MM-DD.');
}

/** A literal as the parser sees it: only a string can be a date; anything else is refused as what it is. */
function literalValue(node: ValueNode): unknown {
  return node.kind === Kind.STRING ? node.value : { literal: node.kind };
}

const LITERAL_KINDS: Partial<Record<Kind, string>> = {
  [Kind.INT]: 'a number',
  [Kind.FLOAT]: 'a number',
  [Kind.BOOLEAN]: 'a boolean',
  [Kind.ENUM]: 'an enum value',
  [Kind.LIST]: 'a list',
  [Kind.OBJECT]: 'an object',
};

function describeNonString(value: unknown, hint: string): string {
  const what =
    value !== null && typeof value === 'object' && 'literal' in value
      ? (LITERAL_KINDS[value.literal as Kind] ?? 'something else')
      : Array.isArray(value)
        ? 'a list'
        : value === null
          ? 'null'
          : typeof value === 'object'
            ? 'an object'
            : `a ${typeof value}`;
  return `${hint} Got ${what}; write it as a string.`;
}

/**
 * The functions of the `DateTime` scalar. Passed to @apollo/subgraph as a plain resolver object, not a
 * GraphQLScalarType, so the description stays the one in the subgraph's SDL.
 */
export const DATE_TIME_SCALAR = {
  serialize: serializeDateTime,
  parseValue: (value: unknown): string => {
    const parsed = parseDateTime(value);
    if (!parsed.ok) throw refuse('DateTime', parsed.reason);
    return parsed.iso;
  },
  parseLiteral: (node: ValueNode): string => {
    const parsed = parseDateTime(literalValue(node));
    if (!parsed.ok) throw refuse('DateTime', parsed.reason, node);
    return parsed.iso;
  },
};

/** The functions of the `Date` scalar. */
export const DATE_SCALAR = {
  serialize: serializeDate,
  parseValue: (value: unknown): string => {
    const parsed = parseDate(value);
    if (!parsed.ok) throw refuse('Date', parsed.reason);
    return parsed.date;
  },
  parseLiteral: (node: ValueNode): string => {
    const parsed = parseDate(literalValue(node));
    if (!parsed.ok) throw refuse('Date', parsed.reason, node);
    return parsed.date;
  },
};

/** The shared scalars by the name every subgraph's SDL gives them. */
export const SHARED_SCALARS = { Date: DATE_SCALAR, DateTime: DATE_TIME_SCALAR } as const;

function isScalarRefusal(error: GraphQLFormattedError): boolean {
  const scalar = error.extensions?.[SCALAR_REFUSAL_EXTENSION];
  return scalar === 'Date' || scalar === 'DateTime';
}

/** The argument (or input field) a refused value was given for, e.g. `givenOn` for `input: { givenOn: "2026-02-30" }`. */
function refusedField(error: GraphQLFormattedError, document: DocumentNode | undefined): string | undefined {
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; /s.exec(error.message);
  if (variable) {
    if (variable[2]) return variable[2].replace(/\[\d+\]/g, '').split('.').at(-1);
    let argument: string | undefined;
    if (document) {
      visit(document, {
        Argument: (node) => {
          if (node.value.kind === Kind.VARIABLE && node.value.name.value === variable[1]) argument ??= node.name.value;
        },
        ObjectField: (node) => {
          if (node.value.kind === Kind.VARIABLE && node.value.name.value === variable[1]) argument ??= node.name.value;
        },
      });
    }
    return argument ?? variable[1];
  }
  const at = error.locations?.[0];
  if (!at || !document) return undefined;
  let field: string | undefined;
  const written = (value: ValueNode) => value.loc?.startToken.line === at.line && value.loc.startToken.column === at.column;
  visit(document, {
    Argument: (node) => {
      if (written(node.value)) field ??= node.name.value;
    },
    ObjectField: (node) => {
      if (written(node.value)) field ??= node.name.value;
    },
  });
  return field;
}

/**
 * Gives the Date and DateTime refusals the shape of every other refusal of bad input: code BAD_USER_INPUT and the
 * argument in `field`, also for a literal (which graphql-js refuses during validation, and Apollo then codes
 * GRAPHQL_VALIDATION_FAILED). A response that holds nothing but such refusals is sent with status 200, as a
 * GraphQL answer: the gateway treats a subgraph's 4xx as a failed call and would hide the refusal behind an
 * internal error.
 */
export function scalarRefusalPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some(isScalarRefusal)) return;
          result.errors = result.errors.map((error) => {
            if (!isScalarRefusal(error)) return error;
            const { [SCALAR_REFUSAL_EXTENSION]: _scalar, ...extensions } = error.extensions ?? {};
            const field = refusedField(error, document);
            return { ...error, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } };
          });
          if (!('data' in result) || result.data === undefined) {
            if (result.errors.every((e) => e.extensions?.['code'] === ErrorCode.BAD_USER_INPUT)) response.http.status = 200;
          }
        },
      };
    },
  };
}
