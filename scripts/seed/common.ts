import type { Sector } from '@pathway-graph/shared';
import type { SectorSubgraphName } from '@pathway-graph/shared/registry';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Random } from './random.ts';

/** The day arithmetic and row batching every generator of the seed shares (UTC days, as the reference date is). */

export const DAY_MS = 86_400_000;
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) => dayOf(msOf(day) + days * DAY_MS);
export const iso = (ms: number) => new Date(ms).toISOString();
/** An instant on `day` within office hours (07:00-16:00 UTC), for letters and handling. */
export const duringOfficeHours = (day: string, random: Random) => msOf(day) + random.int(7 * 3600, 16 * 3600) * 1000;
/** The last instant of the reference day: nothing in the synthetic history happens after it. */
export const endOf = (day: string) => msOf(day) + DAY_MS - 1;

/** Rows for one table of one subgraph's database. */
export interface RowBatch {
  subgraph: SectorSubgraphName;
  table: PgTable;
  rows: Record<string, unknown>[];
}

/** Rows collected per (subgraph, table), written out in insertion order of the tables. */
export interface Batches {
  add(subgraph: SectorSubgraphName, table: PgTable, row: Record<string, unknown>): void;
  all(): RowBatch[];
}

export function batches(): Batches {
  const byKey = new Map<PgTable, RowBatch>();
  return {
    add(subgraph, table, row) {
      let batch = byKey.get(table);
      if (!batch) byKey.set(table, (batch = { subgraph, table, rows: [] }));
      batch.rows.push(row);
    },
    all: () => [...byKey.values()],
  };
}

/** Marks who did what in the synthetic history: never a real person. */
export const actorFor = (sector: Sector, organisation: string, k: number) => ({
  actorSubject: `synthetic:${sector.toLowerCase()}-${organisation}-${k}`,
  actorName: `Syntetisk ${sector === 'GENERAL_PRACTICE' ? 'læge' : 'medarbejder'} ${k}`,
  actorSector: sector,
  actorOrganisation: organisation,
});
export type Actor = ReturnType<typeof actorFor>;

/** A stable v4-shaped id derived from a child's pseudonym, for rows whose id nobody pages by (cases, memberships). */
export function stableId(childId: string, what: string): string {
  const hex = childId.slice(3);
  const salt = [...what].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7).toString(16).padStart(8, '0');
  const h = (salt + hex).slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
