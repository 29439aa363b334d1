import { defineConfig } from 'vitest/config';

// Unit tests beside the code share one module graph per worker (isolate: false): loading the graph, Apollo and the
// domain modules again for each of ~140 small files cost more than their tests. Suites that start subgraphs, the
// whole system, processes or a browser keep a fresh process per file.
const UNIT = ['shared/**/*.test.ts', 'subgraphs/*/src/**/*.test.ts', 'gateway/**/*.test.ts', 'scripts/**/*.test.ts'];
// Top-level tests that read files, the SDL and the supergraph, and start nothing.
const STATIC = [
  'test/architecture.test.ts',
  'test/compose.test.ts',
  'test/conformance/bundles.test.ts',
  'test/engines.test.ts',
  'test/frontend/typed-operations.test.ts',
  'test/registry.test.ts',
  'test/sdl-limits.test.ts',
  'test/sector-sdl.test.ts',
  'test/supergraph.test.ts',
  'test/vocabulary.test.ts',
];
const SYSTEM = ['subgraphs/*/test/**/*.test.ts', 'test/**/*.test.ts'];
// System files that need a module graph of their own: `vi.mock` replaces a module for the whole graph (found by
// grepping the test files and test/support for vi.mock/doMock/stubEnv/stubGlobal/useFakeTimers/spyOn, process.env
// assignments and process.on/chdir; typed-operations' chdir is restored in a finally and is a unit file).
const ISOLATED = ['test/adding-a-sector.test.ts'];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**'],
    // Database-backed suites start PGlite and servers in their hooks.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves one core to its main process, which mostly waits: on 2 cores that ran one file at a time.
    maxWorkers: '100%',
    env: { LOG_LEVEL: 'silent' },
    // Builds the migrated PGlite template the test databases start from, once, before any test file runs.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: [...UNIT, ...STATIC], isolate: false } },
      // The system suites share one module graph per worker as well (isolate: false): re-importing the launcher,
      // Apollo, the gateway and every subgraph for each of ~50 files cost 108 s of the run's 127 s of imports (the
      // system project alone went from 282 s to 200 s wall). Every file must close what it starts;
      // test/support/leak-check.ts (as a setupFile) finds those that do not. Not enabled yet: on its first run 11
      // files left one process 'exit' listener (not yet told apart from a once-per-worker module registration) and
      // test/startup.test.ts one listening server.
      {
        extends: true,
        test: {
          name: 'system',
          include: SYSTEM,
          exclude: ['**/node_modules/**', ...STATIC, ...ISOLATED],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
