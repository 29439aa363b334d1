/**
 * The test databases' starting point: one embedded PGlite data directory with every sector's schema already
 * migrated, built once and kept on disk, so that a test database is a load of that dump (well under a second)
 * instead of PGlite's initdb plus every migration of every sector (several seconds of CPU, at every start of every
 * test file). The subgraphs still run their migrator at start-up, the same code as in production; against the
 * template it finds nothing pending.
 *
 * The file's name carries a hash of PGlite's version and of every file in every sector's migration folder, so a
 * changed, added or removed migration (or another PGlite) builds a new template instead of reusing a stale one.
 * Vitest's global setup builds it before the first test file runs (test/support/global-setup.ts); a file run some
 * other way builds it itself when it is missing.
 */
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, SECTOR_SUBGRAPH_NAMES, SUBGRAPHS } from '@pathway-graph/shared';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'pathway-graph');
const PREFIX = 'pglite-migrated-';

export const migrationsFolder = (name: (typeof SECTOR_SUBGRAPH_NAMES)[number]) => join(ROOT, SUBGRAPHS[name].folder, 'drizzle');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of every sector's schema name and every file in its migration folder, after `prefix` (what else the template depends on). */
export function migrationsHash(prefix: string): string {
  const hash = createHash('sha256');
  hash.update(prefix);
  for (const name of SECTOR_SUBGRAPH_NAMES) {
    const folder = migrationsFolder(name);
    hash.update(`schema ${SUBGRAPHS[name].pgSchema}\n`);
    for (const file of filesBelow(folder)) hash.update(`${file.slice(folder.length)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the template for today's migrations and PGlite version lives. */
export function templatePath(): string {
  const pgliteVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
  // "checkpointed": templates dumped without a checkpoint (replayed at every load) are not reused.
  return join(CACHE, `${PREFIX}${migrationsHash(`pglite ${pgliteVersion} checkpointed\n`)}.tar`);
}

/** Migrates every sector's schema into a fresh PGlite, as each subgraph's start-up does, and dumps the result. */
async function build(): Promise<Uint8Array> {
  const instance = await PGlite.create();
  try {
    for (const name of SECTOR_SUBGRAPH_NAMES) {
      await openDatabase({ target: { kind: 'pglite', instance }, pgSchema: SUBGRAPHS[name].pgSchema, migrationsFolder: migrationsFolder(name), schema: {} });
    }
    // The dump is of a running server: without a checkpoint, every load would start by replaying the WAL of every
    // migration (crash recovery) before answering its first statement.
    await instance.query('checkpoint');
    return new Uint8Array(await (await instance.dumpDataDir('none')).arrayBuffer());
  } finally {
    await instance.close();
  }
}

/**
 * Builds the template unless it is on disk already, and returns its path. Written to a temporary name and renamed, so
 * a reader never sees half a file; templates of other migrations are removed.
 */
export async function ensureTemplate(): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  const dump = await build();
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, dump);
  renameSync(temporary, path);
  for (const file of readdirSync(CACHE)) {
    if (file.startsWith(PREFIX) && join(CACHE, file) !== path && !file.includes('.tar.')) rmSync(join(CACHE, file), { force: true });
  }
  return path;
}

let loaded: Promise<Blob> | undefined;

/** The template's dump, read once per test process: `PGlite.create({ loadDataDir })` starts from it. */
export function migratedTemplate(): Promise<Blob> {
  loaded ??= ensureTemplate().then((path) => new Blob([readFileSync(path)]));
  return loaded;
}
