import { badUserInput } from './errors.ts';

/** The most items one page may hold; large enough for worklists, small enough to keep a response bounded. */
export const MAX_PAGE_SIZE = 500;
/** A worklist of children (a municipality's children): front ends load up to this many at once. */
export const MAX_WORKLIST_PAGE_SIZE = 1_000;
/**
 * A page of the cross-sector worklist (`Query.worklist`): every child on it costs a fan-out of the actions to each
 * sector and the pathway's facts from each, so it pages shorter than a sector's own lists.
 */
export const MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE = 200;

/** Validates a connection's `first` argument. */
export function pageSize(first: number | null | undefined, fallback = 50, max = MAX_PAGE_SIZE): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw badUserInput(`first must be between 1 and ${max}; got ${n}.`, { field: 'first' });
  }
  return n;
}

/** Cursors are opaque to clients: base64url of the sort key, so they survive being put in URLs. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): string | undefined {
  if (cursor == null) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw badUserInput(`${field} is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.`, { field });
  }
  return key;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds a page from `first + 1` fetched rows: the extra row only tells whether another page exists. */
export function toConnection<TRow, TNode>(
  rows: TRow[],
  first: number,
  key: (row: TRow) => string,
  node: (row: TRow) => TNode,
): Connection<TNode> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(key(row)), node: node(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
