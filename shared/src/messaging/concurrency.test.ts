import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { enqueueMessage } from './outbox.ts';
import type * as testSchema from './test-schema.ts';
import { keyOf, letterPayload, openTestDatabase, startRecipient, tables, type TestRecipient } from './test-helpers.ts';
import { createDeliveryWorker, type DeliveryWorker } from './worker.ts';

// On PostgreSQL the three workers have a pool each and truly race; on PGlite they share its one connection, so
// their statements interleave rather than overlap, which still exercises claims taken over between passes.
const CHILDREN = 10;
const MESSAGES = 50;

describeWithDatabases('messaging: three workers racing over one outbox', (backend) => {
  let dispose: () => Promise<void>;
  /** One connection pool per worker, as three replicas of a subgraph would have. */
  let databases: Database<typeof testSchema>[];
  let recipient: TestRecipient;
  let expected: Map<string, string[]>;
  let deliveredBy: number[];
  let workers: DeliveryWorker[];

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    // Opened at once: the migrations' advisory lock must let all three start against the same empty database.
    // (PGlite's single connection gets no lock, so there they open one after the other.)
    databases =
      backend.name === 'postgres'
        ? await Promise.all([0, 1, 2].map(() => openTestDatabase(created.targets[0]!)))
        : [await openTestDatabase(created.targets[0]!), await openTestDatabase(created.targets[0]!), await openTestDatabase(created.targets[0]!)];
    // A slow, uneven recipient keeps several sends in flight at once, which is when double sends would happen.
    recipient = await startRecipient({ delayMs: () => Math.random() * 15 });
  });
  afterAll(async () => {
    await recipient?.stop();
    for (const database of databases ?? []) await database.close();
    await dispose?.();
  });
  beforeEach(async () => {
    const db = databases[0]!.db;
    await db.delete(tables.outbox);
    recipient.received.length = 0;
    expected = new Map();
    for (let i = 0; i < MESSAGES; i++) {
      const child = `child-${i % CHILDREN}`;
      const messageId = `race-${child}-${String(i).padStart(2, '0')}`;
      await enqueueMessage(db, tables, 'general-practice', { kind: 'correspondence-letter', to: 'municipality', messageId, childId: child, payload: letterPayload(messageId) });
      expected.set(child, [...(expected.get(child) ?? []), messageId]);
    }
    deliveredBy = [0, 0, 0];
    workers = databases.map((database, n) =>
      createDeliveryWorker({
        db: database.db,
        tables,
        endpoints: { municipality: recipient.url },
        signingKey: keyOf('general-practice'),
        sender: 'general-practice',
        backoffMs: () => 0,
        batchSize: 4,
        pollIntervalMs: 5,
        log: pino({ level: 'silent' }),
        onDelivered: {
          'correspondence-letter': async () => {
            deliveredBy[n]! += 1;
          },
        },
      }),
    );
  });

  function expectEachReceivedOnceInOrder(): void {
    const ids = recipient.received.map((m) => m.messageId);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(MESSAGES);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const [child, messageIds] of expected) expect(ids.filter((id) => id.startsWith(`race-${child}-`))).toEqual(messageIds);
    expect(deliveredBy.reduce((a, b) => a + b, 0)).toBe(MESSAGES);
  }

  it('running continuously: each message is received exactly once, in order per child', async () => {
    for (const worker of workers) worker.start();
    const db = databases[0]!.db;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const left = await db.$count(tables.outbox, eq(tables.outbox.status, 'QUEUED'));
      if (left === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(workers.map((w) => w.stop()));
    expectEachReceivedOnceInOrder();
    // On PostgreSQL all three took part: the test raced them rather than letting one do everything. (On PGlite's
    // single connection one worker may legitimately drain the queue before the others get a turn.)
    if (backend.name === 'postgres') expect(deliveredBy.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('passes started at the same moment: each message is received exactly once, in order per child', async () => {
    let delivered = 0;
    for (let round = 0; round < 50 && delivered < MESSAGES; round++) {
      const results = await Promise.all(workers.map((w) => w.runOnce()));
      delivered += results.reduce((a, b) => a + b, 0);
    }
    expect(delivered).toBe(MESSAGES);
    expectEachReceivedOnceInOrder();
  });
});
