import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Database-backed suites start PGlite and servers in their hooks.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    pool: 'forks',
    // Builds the migrated PGlite template the test databases start from, once, before any test file runs.
    globalSetup: ['test/support/global-setup.ts'],
    env: { LOG_LEVEL: 'silent' },
  },
});
