import type { AnyDatabase, Database } from '@pathway-graph/shared';
import { getTableColumns, type Column } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Bulk loading for the seed: rows go in as one `COPY ... FROM STDIN` per batch, on PostgreSQL through postgres.js's
 * writable stream, on PGlite through its `/dev/blob` device. Each value is turned into what the database expects by
 * the drizzle column itself (`mapToDriverValue`: JSON for jsonb, an array literal for arrays), so the seed follows
 * the subgraphs' schemas; columns a row leaves out take their defaults.
 */

/** `COPY` text format: a backslash, tab, newline or carriage return inside a value is escaped; NULL is `\N`. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'boolean' ? (value ? 't' : 'f') : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

interface CopyPlan {
  statement: (source: 'stdin' | "'/dev/blob'") => string;
  encode: (rows: readonly Record<string, unknown>[]) => string;
}

const plans = new WeakMap<PgTable, Map<string, CopyPlan>>();

/** The COPY statement and line encoder for the columns these rows give (cached per table and column set). */
function planFor(table: PgTable, keys: readonly string[]): CopyPlan {
  const signature = keys.join(',');
  let byKeys = plans.get(table);
  if (!byKeys) plans.set(table, (byKeys = new Map()));
  const cached = byKeys.get(signature);
  if (cached) return cached;
  const columns = getTableColumns(table) as Record<string, Column>;
  const { name, schema } = getTableConfig(table);
  const selected = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${schema}.${name} has no column ${key}`);
    return { key, column, sqlName: column.keyAsName ? toSnakeCase(column.name) : column.name };
  });
  const target = `"${schema ?? 'public'}"."${name}" (${selected.map((c) => `"${c.sqlName}"`).join(', ')})`;
  const plan: CopyPlan = {
    statement: (source) => `copy ${target} from ${source}`,
    encode: (rows) => {
      let out = '';
      for (const row of rows) {
        out += selected.map(({ key, column }) => {
          const value = row[key];
          return copyText(value === null || value === undefined ? null : column.mapToDriverValue(value));
        }).join('\t');
        out += '\n';
      }
      return out;
    },
  };
  byKeys.set(signature, plan);
  return plan;
}

/** Writes the rows into the table in one COPY; every row must give the same columns. */
export async function copyRows(database: Database<Record<string, unknown>>, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const plan = planFor(table, keys);
  const text = plan.encode(rows);
  const client = (database.db as AnyDatabase<Record<string, unknown>> & { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    await (client as PGlite).query(plan.statement("'/dev/blob'"), [], { blob: new Blob([text]) });
    return;
  }
  const writable = await (client as Sql).unsafe(plan.statement('stdin')).writable();
  await pipeline(Readable.from([text]), writable);
}
