// Only the start-up module here, not the shared index: the settings are checked before the subgraph is loaded.
import { runSectorSubgraph } from '@pathway-graph/shared/sector/main';

// Runs the screening subgraph alone, as the team running early detection would: its own port and database.
await runSectorSubgraph('screening', async () => (await import('./subgraph.ts')).startScreeningSubgraph);
