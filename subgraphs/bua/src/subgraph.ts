import { startSectorSubgraph, type RunningSectorSubgraph, type SectorSubgraphOptions } from '@pathway-graph/shared';
import { buaOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { resolvers } from './resolvers/index.ts';

export type BuaSubgraphOptions = SectorSubgraphOptions;
export type RunningBuaSubgraph = RunningSectorSubgraph<typeof schema>;

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export function startBuaSubgraph(options: BuaSubgraphOptions): Promise<RunningBuaSubgraph> {
  return startSectorSubgraph(
    {
      name: 'bua',
      pgSchema: 'bua',
      moduleUrl: import.meta.url,
      schema,
      ownership: buaOwnership,
      resolvers,
      createLoaders,
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret);
        if (seeded) log.info({ patients: seeded }, 'seeded synthetic demo patients');
      },
    },
    options,
  );
}
