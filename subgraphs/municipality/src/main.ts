// Only the start-up module here, not the shared index: the settings are checked before the subgraph is loaded.
import { runSectorSubgraph } from '@pathway-graph/shared/sector/main';

// Runs the municipality subgraph alone, as a municipality's IT team would: its own port and database.
await runSectorSubgraph('municipality', async () => (await import('./subgraph.ts')).startMunicipalitySubgraph);
