import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';

/**
 * What every piece of work done for one incoming request can find without being handed it: the request's ids (for
 * every log line), and the signal that says the request is over, because its client went away or it ran past
 * REQUEST_TIMEOUT_MS. Background work (delivery workers, seeding) runs outside any scope.
 */
export interface RequestScope {
  /** This service's id of the request: the gateway's own, passed on to the subgraphs. */
  requestId: string;
  /** The id the caller sent in x-request-id, when it sent an acceptable one. */
  callerRequestId: string | undefined;
  /** Aborted, with a GraphQLError as its reason, when the work for this request must stop. */
  signal: AbortSignal;
  /** What the GraphQL layer learnt about the request, for its completion log line. */
  graphql: { operationName: string | null; errorCodes: string[] } | undefined;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The scope of the request being served, if any. */
export function currentRequest(): RequestScope | undefined {
  return requestScope.getStore();
}

/** Throws the reason the current request was stopped, if it was: called before each database statement. */
export function throwIfRequestStopped(): void {
  const signal = requestScope.getStore()?.signal;
  if (signal?.aborted) throw signal.reason;
}

/** The reason given to work still running when a request passes its time limit. */
export function requestTimedOut(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS) and was stopped; nothing more is done for it. ` +
      'Ask for less at once (a smaller page, fewer fields) or try again later.',
    { extensions: { code: ErrorCode.REQUEST_TIMEOUT, timeoutMs, http: { status: 503 } } },
  );
}

/** The reason given to work still running when the client closed the connection before its answer. */
export function clientWentAway(): GraphQLError {
  return new GraphQLError('The client closed the connection before the answer was ready; the work for it was stopped.', {
    extensions: { code: ErrorCode.CLIENT_CLOSED_REQUEST },
  });
}
