import type { SectorContext } from '@pathway-graph/shared';
import type { AdvisoryContext } from './advisory/runtime.ts';
import type { Loaders } from './db/loaders.ts';
import type { BuaDb } from './db/repository.ts';

/** What every resolver of this subgraph gets for one request (the advisory service's settings included). */
export type Context = SectorContext<BuaDb, Loaders> & AdvisoryContext;
