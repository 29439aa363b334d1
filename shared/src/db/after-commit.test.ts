import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../messaging/test-helpers.ts';
import type { MessagingDb } from '../messaging/outbox.ts';
import { afterCommit } from './after-commit.ts';

describeWithDatabases('afterCommit', (backend) => {
  let dispose: () => Promise<void>;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: MessagingDb;

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    database = await openTestDatabase(created.targets[0]!);
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
    await dispose?.();
  });

  it('runs at once outside a transaction: each statement has committed by itself', () => {
    let ran = 0;
    afterCommit(() => ran++);
    expect(ran).toBe(1);
  });

  it('runs once the transaction it was registered in has committed, not before', async () => {
    const events: string[] = [];
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      afterCommit(() => events.push('callback'));
      await tx.execute(sql`select 2`);
      events.push('work done');
      return 'result';
    });
    expect(result).toBe('result');
    expect(events).toEqual(['work done', 'callback']);
  });

  it('never runs when the transaction rolls back, whose error reaches the caller', async () => {
    let ran = 0;
    await expect(
      db.transaction(async (tx) => {
        afterCommit(() => ran++);
        await tx.execute(sql`select 1`);
        throw new Error('rolled back by the test');
      }),
    ).rejects.toThrow('rolled back by the test');
    expect(ran).toBe(0);
  });

  it('waits for the outer transaction when registered in a savepoint: its writes become visible only with it', async () => {
    const events: string[] = [];
    await db.transaction(async (tx) => {
      await tx.transaction(async (savepoint) => {
        await savepoint.execute(sql`select 1`);
        afterCommit(() => events.push('callback'));
      });
      events.push('savepoint released');
    });
    expect(events).toEqual(['savepoint released', 'callback']);
  });

  it('runs at once when registered by work a transaction left running after it committed', async () => {
    let ran = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let leftBehind!: Promise<void>;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // Continues in the transaction's async context, after it has ended.
      leftBehind = gate.then(() => afterCommit(() => ran++));
    });
    release();
    await leftBehind;
    expect(ran).toBe(1);
  });
});
