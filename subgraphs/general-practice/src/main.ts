// Only the start-up module here, not the shared index: the settings are checked before the subgraph is loaded.
import { runSectorSubgraph } from '@pathway-graph/shared/sector/main';

// Runs the general-practice subgraph alone, as PLO's IT provider would: its own port and database.
await runSectorSubgraph('general-practice', async () => (await import('./subgraph.ts')).startGeneralPracticeSubgraph);
