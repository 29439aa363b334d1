import { startSectorSubgraph, type RunningSectorSubgraph, type SectorSubgraphOptions } from '@pathway-graph/shared';
import { buaOwnership } from './access.ts';
import { seedAdvisoryDemo } from './advisory/demo.ts';
import { calendarRoutes } from './advisory/feeds.ts';
import { advisorySettings, type AdvisoryOptions } from './advisory/runtime.ts';
import { createLoaders } from './db/loaders.ts';
import * as schema from './db/schema.ts';
import { seedDemoData } from './db/seed.ts';
import { resolvers } from './resolvers/index.ts';

export interface BuaSubgraphOptions extends SectorSubgraphOptions {
  /**
   * BUA's advisory service (agreement 6.3): the description deadline (BUA_ADVISORY_DESCRIPTION_DEADLINE, read by
   * the configuration), and for tests the clock and a source of known children's names.
   */
  advisory?: AdvisoryOptions;
}
export type RunningBuaSubgraph = RunningSectorSubgraph<typeof schema>;

/** Opens the database (migrating it), optionally seeds demo data, and serves (the advisory calendar feeds beside /graphql). */
export function startBuaSubgraph(options: BuaSubgraphOptions): Promise<RunningBuaSubgraph> {
  const advisory = advisorySettings(options.advisory);
  return startSectorSubgraph(
    {
      name: 'bua',
      pgSchema: 'bua',
      moduleUrl: import.meta.url,
      schema,
      ownership: buaOwnership,
      resolvers,
      createLoaders,
      contextExtras: { advisory },
      prepare: async (db, { seedDemoData: seed, pseudonymSecret }, log) => {
        if (!seed) return;
        const seeded = await seedDemoData(db, pseudonymSecret);
        if (seeded) log.info({ patients: seeded }, 'seeded synthetic demo patients');
        const slots = await seedAdvisoryDemo(db, advisory.now());
        if (slots) log.info({ slots }, 'generated synthetic demo advisory slots');
      },
      extend: (db, { verifier }) => ({ routes: calendarRoutes(db, verifier, advisory) }),
    },
    options,
  );
}
