import type { SectorContext } from '@pathway-graph/shared';
import type { Loaders } from './db/loaders.ts';
import type { MunicipalityDb } from './db/repository.ts';

/** What every resolver of this subgraph gets for one request. */
export type Context = SectorContext<MunicipalityDb, Loaders>;
