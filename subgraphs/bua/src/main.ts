// Only the start-up module here, not the shared index: the settings are checked before the subgraph is loaded.
import { runSectorSubgraph } from '@pathway-graph/shared/sector/main';

// Runs the BUA subgraph alone, as the region's psychiatry IT team would: its own port and database.
await runSectorSubgraph('bua', async () => (await import('./subgraph.ts')).startBuaSubgraph);
