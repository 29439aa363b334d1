import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { enqueueMessage, retryFailedMessage, storeReceivedOnce, type MessagingDb } from './outbox.ts';
import { SENDER_HEADER, SIGNATURE_HEADER, signBody } from './signature.ts';
import type { OutboxRow } from './tables.ts';
import type * as testSchema from './test-schema.ts';
import { capturingLogger, openTestDatabase, startRecipient, tables, TEST_SECRET, type TestRecipient } from './test-helpers.ts';
import { createDeliveryWorker, defaultBackoffMs, type DeliveryWorkerOptions } from './worker.ts';

const { outbox, receivedMessages } = tables;
const silent = pino({ level: 'silent' });
/** A synthetic CPR number inside every payload: it must never reach a log line or last_error. */
const CPR = '0101104123';

const payloadOf = (messageId: string) => ({ resourceType: 'Bundle', id: messageId, patient: { cpr: CPR } });

describeWithDatabases('messaging: outbox and delivery worker', (backend) => {
  let dispose: () => Promise<void>;
  let database: Database<typeof testSchema>;
  let db: MessagingDb;
  let recipient: TestRecipient;
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}-${++counter}`;

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    database = await openTestDatabase(created.targets[0]!);
    db = database.db;
    recipient = await startRecipient();
  });
  afterAll(async () => {
    await recipient?.stop();
    await database?.close();
    await dispose?.();
  });
  beforeEach(async () => {
    await db.delete(outbox);
    await db.delete(receivedMessages);
    recipient.received.length = 0;
    recipient.refuseWith = undefined;
    recipient.beforeAccept = undefined;
  });

  const worker = (overrides: Partial<DeliveryWorkerOptions> = {}) =>
    createDeliveryWorker({
      db,
      tables,
      endpoints: { municipality: recipient.url, 'general-practice': recipient.url },
      signingSecret: TEST_SECRET,
      sender: 'general-practice',
      backoffMs: () => 0,
      log: silent,
      ...overrides,
    });

  async function enqueue(childId: string, messageId = nextId(childId)): Promise<string> {
    await enqueueMessage(db, tables, { messageId, childId, destination: 'municipality', kind: 'care-communication', payload: payloadOf(messageId) });
    return messageId;
  }

  const rowOf = async (messageId: string) => (await db.select().from(outbox).where(eq(outbox.messageId, messageId)))[0]!;

  it('stores through the drizzle definitions what the generated migration created, with its defaults', async () => {
    const first = await enqueue('child-a');
    const second = await enqueue('child-a');
    const a = await rowOf(first);
    const b = await rowOf(second);
    expect(a).toMatchObject({ childId: 'child-a', destination: 'municipality', kind: 'care-communication', status: 'QUEUED', attempts: 0 });
    expect(a.payload).toEqual(payloadOf(first));
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(typeof a.sequence).toBe('number');
    expect(b.sequence).toBeGreaterThan(a.sequence);
    expect(a.lastError).toBeNull();
    expect(a.deliveredAt).toBeNull();
    expect(Date.parse(a.nextAttemptAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(a.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    expect(await storeReceivedOnce(db, tables, { messageId: 'r-1', kind: 'status', sender: 'municipality', payload: { ok: true } })).toBe(true);
    const [received] = await db.select().from(receivedMessages).where(eq(receivedMessages.messageId, 'r-1'));
    expect(received).toMatchObject({ messageId: 'r-1', kind: 'status', sender: 'municipality', payload: { ok: true } });
    expect(Date.parse(received!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('enqueues atomically with the sender’s own writes, and refuses a reused message id', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMessage(tx, tables, { messageId: 'rolled-back', childId: 'child-r', destination: 'municipality', kind: 'status', payload: {} });
        throw new Error('the sender’s own write failed');
      }),
    ).rejects.toThrow('own write failed');
    expect(await db.select().from(outbox)).toEqual([]);

    await enqueue('child-r', 'same-id');
    await expect(enqueue('child-r', 'same-id')).rejects.toThrow();
    expect(await db.select().from(outbox)).toHaveLength(1);
  });

  it('sends a signed request, marks the message DELIVERED and runs onDelivered in that transaction', async () => {
    const messageId = await enqueue('child-d');
    const seen: { row: OutboxRow; response: unknown; statusInTx: string }[] = [];
    const delivered = await worker({
      onDelivered: async (tx, row, response) => {
        const [inTx] = await tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, row.id));
        seen.push({ row, response, statusInTx: inTx!.status });
      },
    }).runOnce();
    expect(delivered).toBe(1);
    expect(recipient.received).toEqual([{ messageId, kind: 'care-communication', sender: 'general-practice', payload: payloadOf(messageId) }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.response).toEqual({ acknowledged: messageId });
    expect(seen[0]!.statusInTx).toBe('DELIVERED');
    const row = await rowOf(messageId);
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1, lastError: null });
    expect(row.deliveredAt).not.toBeNull();
    expect(await worker().runOnce()).toBe(0);
    expect(recipient.received).toHaveLength(1);
  });

  it('rolls the delivery record back when onDelivered throws, and delivers again (the recipient deduplicates)', async () => {
    const messageId = await enqueue('child-od');
    let calls = 0;
    const w = worker({
      onDelivered: async () => {
        calls += 1;
        if (calls === 1) throw new Error('follow-up failed');
      },
    });
    expect(await w.runOnce()).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'recording the delivery failed' });
    expect(await w.runOnce()).toBe(1);
    expect(await rowOf(messageId)).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('sends only the oldest queued message of each child per pass, so each child’s messages arrive in order', async () => {
    const a1 = await enqueue('child-a');
    const b1 = await enqueue('child-b');
    const a2 = await enqueue('child-a');
    const a3 = await enqueue('child-a');
    const b2 = await enqueue('child-b');
    const w = worker();
    expect(await w.runOnce()).toBe(2);
    expect(recipient.received.map((m) => m.messageId).sort()).toEqual([a1, b1].sort());
    expect(await w.runOnce()).toBe(2);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    const ids = recipient.received.map((m) => m.messageId);
    expect(ids.filter((id) => id.startsWith('child-a'))).toEqual([a1, a2, a3]);
    expect(ids.filter((id) => id.startsWith('child-b'))).toEqual([b1, b2]);
  });

  it('holds a child’s later messages while the earlier one waits for its retry', async () => {
    const first = await enqueue('child-w');
    const second = await enqueue('child-w');
    recipient.refuseWith = 503;
    const w = worker({ backoffMs: () => 60_000 });
    expect(await w.runOnce()).toBe(0);
    recipient.refuseWith = undefined;
    // The first is not due for a minute; the second must not overtake it.
    expect(await w.runOnce()).toBe(0);
    expect(recipient.received).toEqual([]);
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.messageId, first));
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(1);
    expect(recipient.received.map((m) => m.messageId)).toEqual([first, second]);
  });

  it('records a failed POST (status, attempts, backoff) without the payload, and gives up after maxAttempts', async () => {
    const { log, lines } = capturingLogger();
    const messageId = await enqueue('child-f');
    const later = await enqueue('child-f');
    recipient.refuseWith = 503;
    const failed: OutboxRow[] = [];
    const backoffs: number[] = [];
    const w = worker({
      log,
      maxAttempts: 3,
      backoffMs: (attempt) => {
        backoffs.push(attempt);
        return attempt === 1 ? 30_000 : 0;
      },
      onFailed: async (tx, row) => {
        const [inTx] = await tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, row.id));
        expect(inTx!.status).toBe('FAILED');
        failed.push(row);
      },
    });

    expect(await w.runOnce()).toBe(0);
    let row = await rowOf(messageId);
    expect(row).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'HTTP 503 TEST_REFUSAL' });
    expect(Date.parse(row.nextAttemptAt)).toBeGreaterThan(Date.now() + 20_000);
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.messageId, messageId));

    expect(await w.runOnce()).toBe(0);
    expect(await w.runOnce()).toBe(0);
    row = await rowOf(messageId);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'HTTP 503 TEST_REFUSAL' });
    expect(backoffs).toEqual([1, 2]);
    expect(failed.map((r) => r.messageId)).toEqual([messageId]);

    // A FAILED message no longer holds back the child's next one.
    recipient.refuseWith = undefined;
    expect(await w.runOnce()).toBe(1);
    expect(recipient.received.map((m) => m.messageId)).toEqual([later]);

    // Retried by hand: queued again with a fresh set of attempts, then delivered.
    expect(await retryFailedMessage(db, tables, messageId)).toBe(true);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    expect(await retryFailedMessage(db, tables, messageId)).toBe(false);
    expect(await retryFailedMessage(db, tables, 'no-such-message')).toBe(false);
    expect(await w.runOnce()).toBe(1);
    expect(await rowOf(messageId)).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(await retryFailedMessage(db, tables, messageId)).toBe(false);

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(CPR);
    expect(lines.some((line) => line.includes('"level":50') && line.includes(messageId))).toBe(true);
    const errors = await db.select({ lastError: outbox.lastError }).from(outbox);
    expect(errors.map((e) => e.lastError ?? '').join()).not.toContain(CPR);
  });

  it('records connection refused as the error code', async () => {
    const messageId = await enqueue('child-c');
    // A port that was just free: nothing listens there.
    const gone = await startRecipient();
    await gone.stop();
    const w = worker({ endpoints: { municipality: gone.url, 'general-practice': recipient.url } });
    expect(await w.runOnce()).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'connection error ECONNREFUSED' });
  });

  it('delivers everything queued while the recipient was down exactly once, in order per child, once it is back', async () => {
    const children = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const expected = new Map<string, string[]>(children.map((c) => [c, []]));
    await recipient.stop();
    try {
      for (let i = 0; i < 30; i++) {
        const child = children[i % children.length]!;
        expected.get(child)!.push(await enqueue(child, `down-${child}-${i}`));
      }
      const w = worker({ maxAttempts: 100 });
      for (let i = 0; i < 3; i++) expect(await w.runOnce()).toBe(0);
      const attempts = await db.select({ attempts: outbox.attempts, lastError: outbox.lastError }).from(outbox).where(eq(outbox.attempts, 3));
      expect(attempts).toHaveLength(children.length);
      expect(attempts.every((a) => a.lastError === 'connection error ECONNREFUSED')).toBe(true);

      await recipient.restart();
      let delivered = 0;
      for (let pass = 0; pass < 20 && delivered < 30; pass++) delivered += await w.runOnce();
      expect(delivered).toBe(30);
      expect(await w.runOnce()).toBe(0);
    } finally {
      await recipient.restart().catch(() => {});
    }
    const ids = recipient.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
    for (const child of children) expect(ids.filter((id) => id.startsWith(`down-${child}-`))).toEqual(expected.get(child));
    const statuses = await db.select({ status: outbox.status }).from(outbox);
    expect(statuses.every((s) => s.status === 'DELIVERED')).toBe(true);
  });

  it('does not record an outcome once its claim has passed to another worker', async () => {
    const messageId = await enqueue('child-l');
    let onDelivered = 0;
    const w = worker({
      onDelivered: async () => {
        onDelivered += 1;
      },
    });
    // Before the recipient answers, another worker claims the message again (its attempt count moves on).
    recipient.beforeAccept = async () => {
      await db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.messageId, messageId));
    };
    expect(await w.runOnce()).toBe(0);
    expect(recipient.received.map((m) => m.messageId)).toEqual([messageId]);
    expect(onDelivered).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 2 });
  });

  it('start() keeps delivering until stop()', async () => {
    const w = worker({ pollIntervalMs: 10 });
    w.start();
    w.start();
    const ids = [await enqueue('child-s'), await enqueue('child-s'), await enqueue('child-t')];
    for (let i = 0; i < 200; i++) {
      const rows = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.messageId, ids));
      if (rows.every((r) => r.status === 'DELIVERED')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await w.stop();
    const rows = await db.select().from(outbox).orderBy(asc(outbox.sequence));
    expect(rows.map((r) => r.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(recipient.received.map((m) => m.messageId).sort()).toEqual([...ids].sort());
    await w.stop();
  });
});

it('signs exactly the bytes sent', () => {
  const body = JSON.stringify({ messageId: 'm', kind: 'status', payload: {} });
  expect(signBody(body, 'k', 'municipality')).toMatch(/^[0-9a-f]{64}$/);
  expect(signBody(body, 'k', 'municipality')).toBe(signBody(Buffer.from(body), 'k', 'municipality'));
  expect(signBody(body, 'k', 'municipality')).not.toBe(signBody(body, 'other', 'municipality'));
  // The sender is signed: a signature made for one sector is no good for another.
  expect(signBody(body, 'k', 'municipality')).not.toBe(signBody(body, 'k', 'general-practice'));
  expect(SIGNATURE_HEADER).toBe('x-message-signature');
  expect(SENDER_HEADER).toBe('x-message-sender');
});

it('backs off exponentially with jitter, capped at a minute', () => {
  for (let i = 0; i < 50; i++) {
    expect(defaultBackoffMs(1)).toBeGreaterThanOrEqual(250);
    expect(defaultBackoffMs(1)).toBeLessThanOrEqual(500);
    expect(defaultBackoffMs(4)).toBeGreaterThanOrEqual(2000);
    expect(defaultBackoffMs(4)).toBeLessThanOrEqual(4000);
    expect(defaultBackoffMs(30)).toBeLessThanOrEqual(60_000);
    expect(defaultBackoffMs(30)).toBeGreaterThanOrEqual(30_000);
  }
});
