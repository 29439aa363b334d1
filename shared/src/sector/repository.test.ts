import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { pgSchema } from 'drizzle-orm/pg-core';
import { ACCESS_LOG_COLUMNS, appendAccessLog, listAccessLog } from './repository.ts';
import { defineSectorTables, type AccessLogRow } from './tables.ts';
import { uuid7 } from '../uuid7.ts';

const tables = defineSectorTables(pgSchema('log_test'));
let client: PGlite;
let statements = 0;
let db: ReturnType<typeof drizzle>;

beforeAll(async () => {
  client = await PGlite.create();
  // The table as the sectors' migrations create it (the columns and types of tables.ts).
  await client.exec(`create schema log_test; create table log_test.access_log (
    id uuid primary key, at timestamptz not null default now(), action text not null, actor_subject text not null,
    actor_name text not null, actor_sector text not null, actor_organisation text not null, actor_roles text[] not null,
    child_id text not null, operation text not null, parts text[] not null, purpose text not null, request_id text not null, caller_request_id text)`);
  db = drizzle({ client, casing: 'snake_case', logger: { logQuery: () => void (statements += 1) } });
});
afterAll(() => client.close());

const entry = (childId: string, extra: Partial<AccessLogRow> = {}): AccessLogRow => ({
  id: uuid7(),
  at: '2026-12-01T10:00:00.123Z',
  action: 'READ',
  actorSubject: 'user:1',
  actorName: 'Læge "Å" \\ O\'Brien',
  actorSector: 'GENERAL_PRACTICE',
  actorOrganisation: '107510',
  actorRoles: ['GP'],
  childId,
  operation: 'query Page',
  parts: ['child', 'listedPractice'],
  purpose: 'CARE_COORDINATION',
  requestId: 'req-1',
  callerRequestId: null,
  ...extra,
});

describe('appendAccessLog', () => {
  it('unpacks exactly the columns of the access-log table', () => {
    const columns = getTableColumns(tables.accessLog);
    expect(ACCESS_LOG_COLUMNS.map(([key]) => key).sort()).toEqual(Object.keys(columns).sort());
    const sqlType = (t: string) => ({ 'timestamp with time zone': 'timestamptz' })[t] ?? t;
    for (const [key, type] of ACCESS_LOG_COLUMNS) expect(sqlType(columns[key].getSQLType())).toBe(type);
  });

  it('writes a thousand entries in one statement, each read back exactly as given', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => entry(`child-${i}`, i % 2 ? { action: 'CHANGE', parts: ['a', 'b,c', '{d}'], actorRoles: ['GP', 'ADMINISTRATOR'] } : {}));
    statements = 0;
    await appendAccessLog(db as never, tables, rows);
    expect(statements).toBe(1);
    for (const i of [0, 1, 999]) {
      const [back] = await listAccessLog(db as never, tables, `child-${i}`, 10, undefined);
      expect({ ...back, at: new Date(back!.at).toISOString() }).toEqual(rows[i]);
    }
  });

  it('writes nothing, and sends no statement, for no entries', async () => {
    statements = 0;
    await appendAccessLog(db as never, tables, []);
    expect(statements).toBe(0);
  });

  it('fails as a whole when one entry cannot be stored: no entry of the request is kept', async () => {
    const good = entry('child-atomic');
    await expect(appendAccessLog(db as never, tables, [good, { ...entry('child-atomic'), id: good.id }])).rejects.toThrow();
    expect(await listAccessLog(db as never, tables, 'child-atomic', 10, undefined)).toEqual([]);
  });
});
