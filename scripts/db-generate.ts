/**
 * `npm run db:generate`: drizzle-kit's SQL migrations for every subgraph of the registry that has a database, each
 * from its own drizzle.config.ts in its own folder.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SECTOR_SUBGRAPH_NAMES, SUBGRAPHS } from '@pathway-graph/shared/registry';

const root = new URL('../', import.meta.url);
const drizzleKit = fileURLToPath(new URL('node_modules/.bin/drizzle-kit', root));

for (const name of SECTOR_SUBGRAPH_NAMES) {
  const folder = SUBGRAPHS[name].folder;
  console.log(`\n${name} (${folder})`);
  const run = spawnSync(drizzleKit, ['generate', ...process.argv.slice(2)], { cwd: fileURLToPath(new URL(folder, root)), stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`drizzle-kit generate failed for ${name}${run.error ? `: ${run.error.message}` : ''}`);
    process.exit(run.status ?? 1);
  }
}
