import { ensureTemplate } from './pglite-template.ts';

/** Vitest's global setup: the migrated PGlite template exists before the first test file wants it. */
export default async function setup(): Promise<void> {
  await ensureTemplate();
}
