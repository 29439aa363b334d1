import { startSectorSubgraph, type RunningSectorSubgraph, type SectorSubgraphOptions } from '@pathway-graph/shared';
import { screeningOwnership } from './access.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { resolvers } from './resolvers/index.ts';

export type ScreeningSubgraphOptions = SectorSubgraphOptions;
export type RunningScreeningSubgraph = RunningSectorSubgraph<typeof schema>;

/** Opens the database (migrating it), optionally seeds demo data, and serves. */
export function startScreeningSubgraph(options: ScreeningSubgraphOptions): Promise<RunningScreeningSubgraph> {
  return startSectorSubgraph(
    {
      name: 'screening',
      pgSchema: 'screening',
      moduleUrl: import.meta.url,
      schema,
      ownership: screeningOwnership,
      resolvers,
      createLoaders,
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret);
        if (seeded) log.info({ children: seeded }, 'seeded synthetic demo children');
      },
    },
    options,
  );
}
