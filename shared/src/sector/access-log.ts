import type { Principal } from '../auth/principal.ts';
import type { AnyDatabase } from '../db/database.ts';
import { assertChildPseudonym } from '../domain/pseudonym.ts';
import { forbidden } from '../errors.ts';
import { assertUuid } from '../uuid7.ts';
import { pageSize } from '../pagination.ts';
import { listAccessLog } from './repository.ts';
import type { AccessLogRow, SectorTables } from './tables.ts';

export interface AccessLogPage {
  entries: (AccessLogRow & { source: string })[];
  /** Id of the last entry; pass as `before` for the next, older page. */
  nextBefore: string | null;
  /** Always empty here: one sector's own part is complete or the request fails (see the merged log in pathway). */
  unavailableSources: string[];
}

/**
 * Only the region's administrators read a child's access log: it tells who looked at the child's data in every
 * sector (an entry from BUA alone shows the child is a psychiatric patient), so no single organisation's
 * administrator may see it.
 */
export function assertMayReadAccessLog(principal: Principal): void {
  if (!principal.roles.includes('ADMINISTRATOR') || principal.sector !== 'REGION') {
    throw forbidden('Only the region’s administrators can read a child’s access log.', { requiredRole: 'ADMINISTRATOR', requiredSector: 'REGION' });
  }
}

/** One sector's part of a child's access log, newest first. */
export async function readAccessLog(
  db: AnyDatabase<Record<string, unknown>>,
  tables: SectorTables,
  source: string,
  principal: Principal,
  args: { childId: string; first?: number | null; before?: string | null },
): Promise<AccessLogPage> {
  assertMayReadAccessLog(principal);
  const childId = assertChildPseudonym(args.childId, 'childId');
  const size = pageSize(args.first, 50);
  if (args.before != null) assertUuid(args.before, 'before', 'before must be the id of an access-log entry from the previous page.');
  const rows = await listAccessLog(db, tables, childId, size + 1, args.before ?? undefined);
  const page = rows.slice(0, size);
  return {
    entries: page.map((r) => ({ ...r, source })),
    nextBefore: rows.length > size ? (page.at(-1)?.id ?? null) : null,
    unavailableSources: [],
  };
}
