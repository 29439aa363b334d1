import type { AnyDatabase } from '../db/database.ts';
import type { RequestBase } from '../server/http.ts';
import { RequestAccess, type SectorOwnership } from './access.ts';
import type { SectorTables } from './tables.ts';

/** The per-request access guard of a sector subgraph, with "today" fixed for the whole request. */
export function createRequestAccess(
  base: RequestBase,
  db: AnyDatabase<Record<string, unknown>>,
  tables: SectorTables,
  ownership: SectorOwnership,
  today: string,
): RequestAccess {
  return new RequestAccess(base.principal, base.purpose, base.requestId, base.callerRequestId ?? null, db, tables, ownership, today, new Date());
}
