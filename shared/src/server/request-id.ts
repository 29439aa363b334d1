import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const acceptable = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's request id when it is a plain token (it ends up in logs), otherwise makes a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && acceptable.test(value) ? value : randomUUID();
}
