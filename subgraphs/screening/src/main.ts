// Only the start-up module here, not the shared index: the settings are checked before the subgraph is loaded.
import { runSectorSubgraph } from '@pathway-graph/shared/sector/main';

// Runs the screening subgraph alone, as the team running early detection would: its own port and database, its own
// screening settings (SCREENING_*), and the municipality subgraph's URL for the offer catalogue (MUNICIPALITY_URL).
await runSectorSubgraph('screening', async () => {
  const { startScreeningSubgraph } = await import('./subgraph.ts');
  return (config) => startScreeningSubgraph({ ...config, ...(config.screening ? { settings: config.screening } : {}) });
});
