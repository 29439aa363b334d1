import { GraphQLError } from 'graphql';

/**
 * The one set of error codes every service uses in `extensions.code`.
 * Clients switch on these; the message is for the person reading it.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** An operation over one of the limits (depth, aliases, directives, tokens, cost); refused before anything ran. */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  /** The request ran past REQUEST_TIMEOUT_MS and its work was stopped. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The client went away before the answer; only ever in logs, since nobody reads the answer. */
  CLIENT_CLOSED_REQUEST: 'CLIENT_CLOSED_REQUEST',
  /** A subgraph did not answer (down, unreachable, too slow); `serviceName` names it, `path` what it would have given. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Extra, non-personal details a client can act on (never a CPR number or a name). */
export type ErrorDetails = Record<string, string | number | boolean | string[] | null>;

/**
 * These are answers to the client, not faults: their stack is never shown (nor logged), and capturing one, then
 * formatting it when graphql-js wraps the error with its path (through the source maps, under tsx), cost a measurable
 * share of a page of withheld fields. So they are made without stack frames.
 */
function make(code: ErrorCode, message: string, details: ErrorDetails = {}): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, { extensions: { ...details, code } });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Input that can never be valid as given: say what is wrong and, via `field`, where. */
export const badUserInput = (message: string, details?: ErrorDetails) => make(ErrorCode.BAD_USER_INPUT, message, details);
export const unauthenticated = (message: string, details?: ErrorDetails) => make(ErrorCode.UNAUTHENTICATED, message, details);
export const forbidden = (message: string, details?: ErrorDetails) => make(ErrorCode.FORBIDDEN, message, details);
export const consentRequired = (message: string, details?: ErrorDetails) => make(ErrorCode.CONSENT_REQUIRED, message, details);
export const notFound = (message: string, details?: ErrorDetails) => make(ErrorCode.NOT_FOUND, message, details);
export const conflict = (message: string, details?: ErrorDetails) => make(ErrorCode.CONFLICT, message, details);

/** True when `error` is a GraphQLError carrying `code`. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return error instanceof GraphQLError && error.extensions['code'] === code;
}
