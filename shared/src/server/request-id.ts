import { containsCprLikeNumber } from '../domain/cpr-like.ts';
import { uuid7 } from '../uuid7.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
/** The id a caller of the gateway chose, passed on to the subgraphs beside the gateway's own. */
export const CALLER_REQUEST_ID_HEADER = 'x-caller-request-id';

export const MAX_REQUEST_ID_LENGTH = 64;
const ID_FORM = /^[A-Za-z0-9._:-]+$/;

/**
 * Why a client-chosen id cannot be used, or undefined when it can. Such an id ends up in every log line and in the
 * access log, so it must be a plain token, short, and nothing that reads as a CPR number.
 */
export function requestIdProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > MAX_REQUEST_ID_LENGTH || !ID_FORM.test(value)) {
    return `must be 1-${MAX_REQUEST_ID_LENGTH} letters, digits, ".", "_", ":" or "-" (a UUID is best)`;
  }
  if (containsCprLikeNumber(value)) return 'must not look like a CPR number: it is written to logs and to the access log';
  return undefined;
}

/** A header's single value ('' for a repeated or absent header is not the same: undefined means absent). */
export function headerValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(',') : header;
}

/**
 * A fresh request id of our own. A random UUID now and then holds digits that read as a CPR number (for instance
 * `…-0101-9012…`), and the next service would refuse it as it refuses such a client id; such ids are drawn again.
 */
export function ownRequestId(next: () => string = uuid7): string {
  for (;;) {
    const id = next();
    if (!containsCprLikeNumber(id)) return id;
  }
}
