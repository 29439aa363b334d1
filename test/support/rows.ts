import { SECTOR_SUBGRAPH_NAMES, SUBGRAPHS, type SectorSubgraphName } from '@pathway-graph/shared';
import { sql } from 'drizzle-orm';
import type { RunningSystem } from '@pathway-graph/scripts/launcher/system';

type Db = RunningSystem['databases'][SectorSubgraphName]['db'];

// The tables of a running system's schemas are migrated before it serves and never change after: asking the catalogue
// once per database, not on every count, halves the statements of a test that counts after each of ~900 requests (fuzz).
// Keyed by schema as well: subgraphs on one embedded database may share more than the instance.
const tablesOf = new WeakMap<Db, Map<string, Promise<string[]>>>();

function tables(db: Db, schema: string): Promise<string[]> {
  let ofDb = tablesOf.get(db);
  if (!ofDb) tablesOf.set(db, (ofDb = new Map()));
  let known = ofDb.get(schema);
  if (!known) {
    known = db
      .execute(sql`select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE' order by table_name`)
      .then((result) => (rowsOf(result) as { table_name: string }[]).map((t) => t.table_name));
    ofDb.set(schema, known);
    const cache = ofDb;
    // A failed look-up, or a schema not migrated yet, is not kept: the next count asks again.
    void known.then((names) => names.length === 0 && cache.delete(schema), () => cache.delete(schema));
  }
  return known;
}

/** Rows in every table of every sector subgraph's schema, as `subgraph.table` -> count: what a request may have written. */
export async function rowCounts(system: RunningSystem): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of SECTOR_SUBGRAPH_NAMES) {
    const { db } = system.databases[name as SectorSubgraphName];
    const schema = SUBGRAPHS[name].pgSchema!;
    const names = await tables(db, schema);
    if (names.length === 0) continue;
    // One statement per subgraph, however many tables it has.
    const [row] = rowsOf(
      await db.execute(sql.raw(`select ${names.map((t, i) => `(select count(*)::int from "${schema}"."${t}") as c${i}`).join(', ')}`)),
    ) as Record<string, number>[];
    names.forEach((table, i) => (counts[`${name}.${table}`] = Number(row![`c${i}`])));
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
