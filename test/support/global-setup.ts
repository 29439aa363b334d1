import { ensureTemplate } from './pglite-template.ts';
import { ensurePostgresTemplate } from './postgres-template.ts';

/**
 * Vitest's global setup: the migrated PGlite template exists before the first test file wants it, and so does the
 * PostgreSQL one when the run has a server (TEST_DATABASE_URL).
 */
export default async function setup(): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'];
  await Promise.all([ensureTemplate(), ...(url ? [ensurePostgresTemplate(url)] : [])]);
}
