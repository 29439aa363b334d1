import { generateDrizzleJson, generateMigration, type DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import * as testSchema from './test-schema.ts';

it('the committed test migrations are what drizzle-kit generates from the table definitions today', async () => {
  // Guards the tests' own DDL against drifting from defineMessagingTables: if this fails, regenerate (see test-schema.ts).
  const meta = fileURLToPath(new URL('./test-migrations/meta/', import.meta.url));
  const latest = readdirSync(meta).filter((f) => f.endsWith('_snapshot.json')).sort().at(-1)!;
  const snapshot = JSON.parse(readFileSync(meta + latest, 'utf8')) as DrizzleSnapshotJSON;
  const current = generateDrizzleJson({ ...testSchema }, snapshot.id, undefined, 'snake_case');
  expect(await generateMigration(snapshot, current)).toEqual([]);
});
