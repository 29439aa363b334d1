/**
 * `npm run seed -- --scale region`: fills the sector databases (the embedded PGlite under DATA_DIR, or PostgreSQL
 * through DATABASE_URL / `<PREFIX>_DATABASE_URL`, as `npm start` would use them) with synthetic data at the scale
 * given. Run it while the system is stopped; `npm start` then serves the seeded data.
 */
import { parseArgs } from 'node:util';
import { loadSystemConfig } from '@pathway-graph/shared/config';
import { byName, SECTOR_SUBGRAPH_NAMES } from '@pathway-graph/shared/registry';
import { closeSectorDatabases, openSectorDatabases, SCALE_NAMES, seedDatabases, type ScaleName } from './seed.ts';

const USAGE = `Usage: npm run seed -- --scale <${SCALE_NAMES.join('|')}> [--seed N] [--quiet]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      scale: { type: 'string', default: 'region' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!(SCALE_NAMES as readonly string[]).includes(values.scale)) fail(`--scale must be one of ${SCALE_NAMES.join(', ')}, not ${values.scale}`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed must be a whole number, not ${values.seed}`);

const { gateway, subgraphs } = loadSystemConfig();
const databases = await openSectorDatabases(byName(SECTOR_SUBGRAPH_NAMES, (name) => subgraphs[name].database));
try {
  const report = await seedDatabases(databases, {
    scale: values.scale as ScaleName,
    pseudonymSecret: gateway.pseudonymSecret,
    progress: !values.quiet,
    ...(seed === undefined ? {} : { seed }),
  });
  const where = subgraphs.municipality.database.kind === 'postgres' ? 'PostgreSQL' : `embedded PGlite in ${gateway.dataDir}`;
  const lines = Object.entries(report.rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `  ${table.padEnd(44)} ${n.toLocaleString('en').padStart(10)}`);
  process.stdout.write(
    `Seeded ${report.scale} scale (synthetic data) into ${where} in ${report.seconds.toFixed(1)} s; ${(report.bytes / 2 ** 20).toFixed(0)} MiB in the sector schemas.\n${lines.join('\n')}\n`,
  );
} catch (error) {
  process.stderr.write(`seed failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await closeSectorDatabases(databases);
}
