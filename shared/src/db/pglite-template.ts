/**
 * The migrated starting point of every embedded PGlite database: one data directory with every sector's schema
 * already migrated, built once and kept in node_modules/.cache, so that neither a fresh `npm start` nor a test pays
 * PGlite's initdb plus every migration of every sector (seconds of CPU). It is kept twice, from one build:
 * - as a dump (tar), which tests load into an in-memory PGlite (`PGlite.create({ loadDataDir })`);
 * - as an unpacked data directory, which a fresh DATA_DIR is a plain copy of (a file copy costs a fraction of
 *   PGlite's loadDataDir writing the same files through its NODEFS layer: 0.2 s against 0.9 s here).
 * The subgraphs still run their migrator at start-up, the same code as without a template; it finds nothing pending.
 *
 * Both names carry a hash of PGlite's version and of every file in every sector's migration folder, so a changed,
 * added or removed migration (or another PGlite) builds a new template instead of reusing a stale one. Each is
 * written under a temporary name and renamed, so a reader never sees half of one.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECTOR_SUBGRAPH_NAMES, SUBGRAPHS } from '../registry.ts';
import { openDatabase } from './database.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'pathway-graph');
const PREFIX = 'pglite-migrated-';
const DIRECTORY_SUFFIX = '.dir';

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

/** Where the template's dump for today's migrations and PGlite version lives. */
export function templatePath(): string {
  const pgliteVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
  // "checkpointed": templates dumped without a checkpoint (replayed at every load) are not reused.
  return join(CACHE, `${PREFIX}${migrationsHash(`pglite ${pgliteVersion} checkpointed\n`)}.tar`);
}

const temporaryName = (path: string) => `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;

/** Removes the templates of other migrations (not another process's temporary files, which carry a `.tar.`/`.dir.`). */
function removeStale(keep: string, suffix: string): void {
  for (const file of readdirSync(CACHE)) {
    const path = join(CACHE, file);
    if (file.startsWith(PREFIX) && file.endsWith(suffix) && path !== keep) rmSync(path, { recursive: true, force: true });
  }
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

/** Builds the template's dump unless it is on disk already, and returns its path. */
export async function ensureTemplate(): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  const dump = await build();
  mkdirSync(CACHE, { recursive: true });
  const temporary = temporaryName(path);
  writeFileSync(temporary, dump);
  renameSync(temporary, path);
  removeStale(path, '.tar');
  return path;
}

/** Builds the unpacked template directory (from the dump) unless it is on disk already, and returns its path. */
export async function ensureTemplateDirectory(): Promise<string> {
  const dump = await ensureTemplate();
  const path = `${dump.slice(0, -'.tar'.length)}${DIRECTORY_SUFFIX}`;
  if (existsSync(path)) return path;
  const temporary = temporaryName(path);
  try {
    const instance = await PGlite.create(temporary, { loadDataDir: new Blob([readFileSync(dump)]) });
    await instance.close();
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  removeStale(path, DIRECTORY_SUFFIX);
  return path;
}

/**
 * Makes `dataDir` a copy of the migrated template when it holds no database yet (missing, or an empty directory);
 * leaves any other directory to PGlite. Copied under a temporary name and renamed, so a start interrupted halfway
 * leaves no half database that a later start would open. Returns whether it copied.
 */
export async function createFromTemplate(dataDir: string): Promise<boolean> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  let template: string;
  try {
    template = await ensureTemplateDirectory();
  } catch (error) {
    // A cache that cannot be written (a read-only install, a full disk) only costs speed: PGlite's initdb and the
    // migrations make the same database.
    if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
  const temporary = temporaryName(dataDir);
  try {
    cpSync(template, temporary, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(temporary, dataDir);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return true;
}

let loaded: Promise<Blob> | undefined;

/** The template's dump, read once per process: `PGlite.create({ loadDataDir })` starts from it. */
export function migratedTemplate(): Promise<Blob> {
  loaded ??= ensureTemplate().then((path) => new Blob([readFileSync(path)]));
  return loaded;
}
