import { MUNICIPALITY_INBOXES, openDatabase, type Database, type DatabaseTarget } from '@pathway-graph/shared';
import { byName, SECTOR_SUBGRAPH_NAMES, SUBGRAPHS, type SectorSubgraphName } from '@pathway-graph/shared/registry';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import * as buaSchema from '@pathway-graph/bua/db/schema';
import { seedDemoData as seedBua } from '@pathway-graph/bua/db/seed';
import type { BuaDb } from '@pathway-graph/bua/db/repository';
import * as gpSchema from '@pathway-graph/general-practice/db/schema';
import { seedDemoData as seedGp } from '@pathway-graph/general-practice/db/seed';
import type { GeneralPracticeDb } from '@pathway-graph/general-practice/db/repository';
import * as municipalitySchema from '@pathway-graph/municipality/db/schema';
import { ensureMunicipalities, type MunicipalityDb } from '@pathway-graph/municipality/db/repository';
import { seedDemoData as seedMunicipality } from '@pathway-graph/municipality/db/seed';
import { seedDemoOffers } from '../../subgraphs/municipality/src/offers/seed.ts';
import * as screeningSchema from '@pathway-graph/screening/db/schema';
import { seedDemoData as seedScreening } from '@pathway-graph/screening/db/seed';
import { createScreeningSetup } from '../../subgraphs/screening/src/screenings/setup.ts';
import type { ScreeningDb } from '@pathway-graph/screening/db/repository';
import { makePopulation, SCALES, SEED_GENERATORS, type SeedGenerator } from './generate.ts';
import { copyRows } from './load.ts';
import { Progress } from './progress.ts';
import { seededRandom } from './random.ts';

export type ScaleName = 'demo' | keyof typeof SCALES;
export const SCALE_NAMES: readonly ScaleName[] = ['demo', ...(Object.keys(SCALES) as (keyof typeof SCALES)[])];

const SCHEMAS = { municipality: municipalitySchema, 'general-practice': gpSchema, bua: buaSchema, screening: screeningSchema } as const;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type SectorDatabases = Record<SectorSubgraphName, Database<Record<string, unknown>>>;

/** Opens (and migrates) every sector's database, as each subgraph does at start-up. */
export async function openSectorDatabases(targets: Record<SectorSubgraphName, DatabaseTarget>): Promise<SectorDatabases> {
  const opened = await Promise.all(
    SECTOR_SUBGRAPH_NAMES.map((name) =>
      openDatabase({
        target: targets[name],
        pgSchema: SUBGRAPHS[name].pgSchema,
        migrationsFolder: `${ROOT}${SUBGRAPHS[name].folder}/drizzle`,
        schema: SCHEMAS[name] as Record<string, unknown>,
      }),
    ),
  );
  return byName(SECTOR_SUBGRAPH_NAMES, (_, i) => opened[i]!);
}

export interface SeedOptions {
  scale: ScaleName;
  pseudonymSecret: string;
  /** The PRNG seed: the same seed gives the same data. */
  seed?: number;
  progress?: boolean;
  generators?: readonly SeedGenerator[];
}

export interface SeedReport {
  scale: ScaleName;
  seconds: number;
  /** Rows per table, `<schema>.<table>`. */
  rows: Record<string, number>;
  /** Bytes of the four sector schemas (tables, indexes, TOAST). */
  bytes: number;
}

/**
 * Fills the sector databases with synthetic data: the reference data and the demo children (what a first `npm start`
 * seeds), then, for `tiny`, `small` and `region`, the generated population, letters, consents and access-log history,
 * referrals to BUA with their course and messages, screenings with action plans, and the advisory service's meetings
 * and bookings (generate.ts, referrals.ts, screenings.ts, advisory.ts).
 * Refuses a database that already holds children beyond the demo's.
 */
export async function seedDatabases(databases: SectorDatabases, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const muni = databases.municipality.db as unknown as MunicipalityDb;
  await ensureMunicipalities(muni, MUNICIPALITY_INBOXES);
  const present = await childCounts(databases);
  // A first `npm start` seeds the demo children; the region's come on top of them.
  if (present > DEMO_CHILDREN.length) {
    // The access logs are append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), so the seed never empties a
    // database: it fills a fresh one.
    throw new Error(
      `the databases already hold ${present.toLocaleString('en')} children; the seed fills empty databases (or ones holding only the demo children). Use a fresh DATA_DIR (or delete it) or an empty database.`,
    );
  }
  await seedMunicipality(muni, options.pseudonymSecret);
  // The catalogue as a first start fills it (the subgraph seeds it only while empty, and the region seed adds the
  // other municipalities' offers): the demo's action plans name these offers.
  await seedDemoOffers(muni);
  await seedGp(databases['general-practice'].db as unknown as GeneralPracticeDb, options.pseudonymSecret);
  await seedBua(databases.bua.db as unknown as BuaDb, options.pseudonymSecret);
  await seedScreening(databases.screening.db as unknown as ScreeningDb, options.pseudonymSecret, createScreeningSetup());

  if (options.scale !== 'demo') {
    const scale = SCALES[options.scale];
    const population = makePopulation(scale, options.pseudonymSecret, options.seed);
    const generators = options.generators ?? SEED_GENERATORS;
    const progress = new Progress(`seed ${scale.name}`, generators.reduce((n, g) => n + g.estimate(population), 0), options.progress ?? true);
    const random = seededRandom((options.seed ?? 1) ^ 0x5eed);
    for (const generator of generators) {
      for (const batch of generator.generate(population, random)) {
        await copyRows(databases[batch.subgraph], batch.table, batch.rows);
        progress.add(batch.rows.length, generator.name);
      }
    }
    progress.finish('analyzing');
    for (const name of SECTOR_SUBGRAPH_NAMES) await raw(databases[name], `analyze`);
  }
  return { scale: options.scale, seconds: (Date.now() - started) / 1000, rows: await rowCounts(databases), bytes: await schemaBytes(databases) };
}

/** Plain SQL on a sector database (the seed's own bookkeeping: counts, sizes, truncation). */
async function raw(database: Database<Record<string, unknown>>, text: string): Promise<Record<string, unknown>[]> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') return (await (client as PGlite).query<Record<string, unknown>>(text)).rows;
  return [...(await (client as Sql).unsafe(text))] as Record<string, unknown>[];
}

/** The most children any sector database holds. */
async function childCounts(databases: SectorDatabases): Promise<number> {
  let most = 0;
  for (const name of SECTOR_SUBGRAPH_NAMES) {
    const [row] = await raw(databases[name], `select count(*)::int as n from "${SUBGRAPHS[name].pgSchema}".children`);
    most = Math.max(most, Number(row?.['n'] ?? 0));
  }
  return most;
}

async function tablesOf(database: Database<Record<string, unknown>>, schema: string): Promise<string[]> {
  const rows = await raw(database, `select table_name from information_schema.tables where table_schema = '${schema}' and table_type = 'BASE TABLE' order by table_name`);
  return rows.map((r) => String(r['table_name']));
}

/** Rows in every table of the four sector schemas. */
export async function rowCounts(databases: SectorDatabases): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of SECTOR_SUBGRAPH_NAMES) {
    const schema = SUBGRAPHS[name].pgSchema;
    for (const table of await tablesOf(databases[name], schema)) {
      const [row] = await raw(databases[name], `select count(*)::int as n from "${schema}"."${table}"`);
      counts[`${schema}.${table}`] = Number(row?.['n'] ?? 0);
    }
  }
  return counts;
}

async function schemaBytes(databases: SectorDatabases): Promise<number> {
  let bytes = 0;
  for (const name of SECTOR_SUBGRAPH_NAMES) {
    const [row] = await raw(
      databases[name],
      `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '${SUBGRAPHS[name].pgSchema}' and c.relkind in ('r', 'm')`,
    );
    bytes += Number(row?.['bytes'] ?? 0);
  }
  return bytes;
}

export async function closeSectorDatabases(databases: SectorDatabases): Promise<void> {
  for (const database of new Set(Object.values(databases))) await database.close();
}
