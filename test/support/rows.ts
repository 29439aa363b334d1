import { SECTOR_SUBGRAPH_NAMES, SUBGRAPHS, type SectorSubgraphName } from '@pathway-graph/shared';
import { sql } from 'drizzle-orm';
import type { RunningSystem } from '@pathway-graph/scripts/launcher/system';

/** Rows in every table of every sector subgraph's schema, as `subgraph.table` -> count: what a request may have written. */
export async function rowCounts(system: RunningSystem): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of SECTOR_SUBGRAPH_NAMES) {
    const { db } = system.databases[name as SectorSubgraphName];
    const schema = SUBGRAPHS[name].pgSchema!;
    const tables = (rowsOf(
      await db.execute(sql`select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE' order by table_name`),
    ) as { table_name: string }[]).map((t) => t.table_name);
    if (tables.length === 0) continue;
    // One statement per subgraph, however many tables it has.
    const [row] = rowsOf(
      await db.execute(sql.raw(`select ${tables.map((t, i) => `(select count(*)::int from "${schema}"."${t}") as c${i}`).join(', ')}`)),
    ) as Record<string, number>[];
    tables.forEach((table, i) => (counts[`${name}.${table}`] = Number(row![`c${i}`])));
  }
  return counts;
}

/** postgres.js returns the rows as the result, PGlite as `result.rows`. */
function rowsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []);
}

/** The tables whose counts differ between two snapshots, with both counts. */
export function changedCounts(before: Record<string, number>, after: Record<string, number>): Record<string, [number, number]> {
  const changed: Record<string, [number, number]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[key] !== after[key]) changed[key] = [before[key] ?? 0, after[key] ?? 0];
  }
  return changed;
}
