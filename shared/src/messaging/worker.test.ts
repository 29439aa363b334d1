import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../config.ts';
import type { Database } from '../db/database.ts';
import { acknowledgeMessage, enqueueMessage, giveUpFailedMessage, MessageContractError, retryFailedMessage, storeReceivedOnce, waitingFor, type MessagingDb } from './outbox.ts';
import type { OutboxRow } from './tables.ts';
import type * as testSchema from './test-schema.ts';
import { capturingLogger, keyOf, LETTER_CPR, letterPayload, openTestDatabase, startRecipient, tables, type TestRecipient } from './test-helpers.ts';
import { createDeliveryWorker, DEFAULT_MAX_ATTEMPTS, defaultBackoffMs, isPermanentRefusal, sanitiseReason, type DeliveryFailure, type DeliveryWorkerOptions } from './worker.ts';

const { outbox, receivedMessages } = tables;
const silent = pino({ level: 'silent' });

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

  const worker = (overrides: Partial<DeliveryWorkerOptions<'general-practice'>> = {}) =>
    createDeliveryWorker({
      sender: 'general-practice',
      db,
      tables,
      endpoints: { municipality: recipient.url },
      signingKey: keyOf('general-practice'),
      backoffMs: () => 0,
      log: silent,
      ...overrides,
    });

  async function enqueue(childId: string, messageId = nextId(childId)): Promise<string> {
    await enqueueMessage(db, tables, 'general-practice', { kind: 'correspondence-letter', to: 'municipality', messageId, childId, payload: letterPayload(messageId) });
    return messageId;
  }

  const rowOf = async (messageId: string) => (await db.select().from(outbox).where(eq(outbox.messageId, messageId)))[0]!;
  const due = (messageId: string) => db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.messageId, messageId));

  it('stores through the drizzle definitions what the generated migration created, with its defaults', async () => {
    const first = await enqueue('child-a');
    const second = await enqueue('child-a');
    const a = await rowOf(first);
    const b = await rowOf(second);
    expect(a).toMatchObject({ childId: 'child-a', destination: 'municipality', kind: 'correspondence-letter', status: 'QUEUED', attempts: 0 });
    expect(a.payload).toEqual(JSON.parse(JSON.stringify(letterPayload(first))));
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(typeof a.sequence).toBe('number');
    expect(b.sequence).toBeGreaterThan(a.sequence);
    expect(a.lastError).toBeNull();
    expect(a.deliveredAt).toBeNull();
    expect(Date.parse(a.nextAttemptAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(a.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const stored = { messageId: 'r-1', kind: 'letter-receipt' as const, sender: 'municipality', payload: { ok: true } };
    expect(await storeReceivedOnce(db, tables, stored)).toBe(true);
    expect(await storeReceivedOnce(db, tables, stored)).toBe(false);
    const [received] = await db.select().from(receivedMessages).where(eq(receivedMessages.messageId, 'r-1'));
    expect(received).toMatchObject({ messageId: 'r-1', kind: 'letter-receipt', sender: 'municipality', payload: { ok: true }, response: null });
    expect(Date.parse(received!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('enqueues atomically with the sender’s own writes, and refuses a reused message id', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMessage(tx, tables, 'general-practice', {
          kind: 'correspondence-letter',
          to: 'municipality',
          messageId: 'rolled-back',
          childId: 'child-r',
          payload: letterPayload('rolled-back'),
        });
        throw new Error('the sender’s own write failed');
      }),
    ).rejects.toThrow('own write failed');
    expect(await db.select().from(outbox)).toEqual([]);

    await enqueue('child-r', 'same-id');
    await expect(enqueue('child-r', 'same-id')).rejects.toThrow();
    expect(await db.select().from(outbox)).toHaveLength(1);
  });

  it('refuses, in the sender’s transaction, a message the contract does not allow, and stores nothing', async () => {
    const attempt = (message: unknown, from: SubgraphName = 'general-practice') =>
      db.transaction(async (tx) => {
        await tx.insert(outbox).values({ messageId: 'sender-own-record', childId: 'child-x', destination: 'municipality', kind: 'letter-receipt', payload: {} });
        // Deliberately outside the types: what a careless caller (or a later refactoring) could pass.
        await enqueueMessage(tx, tables, from as 'general-practice', message as Parameters<typeof enqueueMessage<'general-practice', 'correspondence-letter'>>[3]);
      });
    const base = { kind: 'correspondence-letter', to: 'municipality', messageId: 'bad-1', childId: 'child-x', payload: letterPayload('bad-1') };
    const cases: [unknown, SubgraphName, RegExp][] = [
      [{ ...base, payload: { ...base.payload, step: 'TRIN_3' } }, 'general-practice', /payload\.step: Invalid option/],
      [{ ...base, payload: { ...base.payload, ydernummer: '0101104123' } }, 'general-practice', /payload\.ydernummer: must be 1 to 6 digits/],
      [{ ...base, payload: { ...base.payload, bundle: JSON.stringify({ resourceType: 'Bundle' }) } }, 'general-practice', /payload\.bundle: .*Bundle\.type/],
      [{ ...base, payload: { ...base.payload, subject: 'Nul\u0000tegn' } }, 'general-practice', /payload\.subject contains a NUL character/],
      [{ ...base, payload: { ...base.payload, subject: 'Halv \ud800 surrogat' } }, 'general-practice', /unpaired UTF-16 surrogate/],
      [base, 'municipality', /does not let municipality send correspondence-letter to municipality/],
      [{ ...base, to: 'bua' }, 'general-practice', /does not let general-practice send correspondence-letter to bua/],
      [{ ...base, kind: 'care-communication' }, 'general-practice', /No message kind care-communication/],
      [{ ...base, messageId: 'with space' }, 'general-practice', /messageId must be/],
    ];
    for (const [message, from, problem] of cases) {
      const error = await attempt(message, from).then(() => undefined, (e: unknown) => e);
      expect(error, String(problem)).toBeInstanceOf(MessageContractError);
      expect((error as Error).message).toMatch(problem);
      expect((error as Error).message).not.toContain(LETTER_CPR);
    }
    expect(await db.select().from(outbox)).toEqual([]);
  });

  it('sends a signed request, marks the message DELIVERED and runs the kind’s onDelivered with the typed answer in that transaction', async () => {
    const messageId = await enqueue('child-d');
    const seen: { row: OutboxRow; response: unknown; statusInTx: string }[] = [];
    const delivered = await worker({
      onDelivered: {
        'correspondence-letter': async (tx, row, response) => {
          const [inTx] = await tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, row.id));
          seen.push({ row, response, statusInTx: inTx!.status });
        },
      },
    }).runOnce();
    expect(delivered).toBe(1);
    expect(recipient.received).toEqual([{ messageId, kind: 'correspondence-letter', sender: 'general-practice', payload: JSON.parse(JSON.stringify(letterPayload(messageId))) }]);
    expect(seen).toHaveLength(1);
    // The answer as the contract reads it: a letter is answered with nothing beyond "stored" (its acknowledgement
    // follows as a message of its own), so what the receiver added is dropped.
    expect(seen[0]!.response).toEqual({});
    expect(seen[0]!.statusInTx).toBe('DELIVERED');
    const row = await rowOf(messageId);
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1, lastError: null });
    expect(row.deliveredAt).not.toBeNull();
    expect(await worker().runOnce()).toBe(0);
    expect(recipient.received).toHaveLength(1);
  });

  it('is refused by the receiver when signed with another sector’s key, and keeps retrying (401 is not final)', async () => {
    const messageId = await enqueue('child-k');
    const w = worker({ signingKey: keyOf('municipality') });
    expect(await w.runOnce()).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'HTTP 401 BAD_SIGNATURE' });
    expect(recipient.received).toEqual([]);
  });

  it('rolls the delivery record back when onDelivered throws, and delivers again (the recipient deduplicates)', async () => {
    const messageId = await enqueue('child-od');
    let calls = 0;
    const w = worker({
      onDelivered: {
        'correspondence-letter': async () => {
          calls += 1;
          if (calls === 1) throw new Error('follow-up failed');
        },
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
    await due(first);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(1);
    expect(recipient.received.map((m) => m.messageId)).toEqual([first, second]);
  });

  it('orders per child and recipient: a message held back for one recipient does not hold back the same child’s messages to another', async () => {
    const bua = await startRecipient({ name: 'bua' });
    try {
      // Inserted as rows: no kind of today's contract goes from general practice to BUA, but the worker routes by row.
      await db.insert(outbox).values({ messageId: 'to-bua-1', childId: 'child-two', destination: 'bua', kind: 'correspondence-letter', payload: {} });
      const toMunicipality = await enqueue('child-two');
      bua.refuseWith = 503;
      const w = worker({ endpoints: { municipality: recipient.url, bua: bua.url }, backoffMs: () => 60_000 });
      expect(await w.runOnce()).toBe(1);
      expect(recipient.received.map((m) => m.messageId)).toEqual([toMunicipality]);
      expect(await rowOf('to-bua-1')).toMatchObject({ status: 'QUEUED', lastError: 'HTTP 503 TEST_REFUSAL' });
    } finally {
      await bua.stop();
    }
  });

  it('records a failed POST (status, attempts, backoff) without the payload; out of attempts it is FAILED and holds back the child’s later messages, visibly, until retried', async () => {
    const { log, lines } = capturingLogger();
    const messageId = await enqueue('child-f');
    const later = await enqueue('child-f');
    recipient.refuseWith = 503;
    const failed: { row: OutboxRow; failure: DeliveryFailure }[] = [];
    const backoffs: number[] = [];
    const w = worker({
      log,
      maxAttempts: 3,
      backoffMs: (attempt) => {
        backoffs.push(attempt);
        return attempt === 1 ? 30_000 : 0;
      },
      onFailed: async (tx, row, failure) => {
        const [inTx] = await tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, row.id));
        expect(inTx!.status).toBe('FAILED');
        failed.push({ row, failure });
      },
    });

    expect(await w.runOnce()).toBe(0);
    let row = await rowOf(messageId);
    expect(row).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'HTTP 503 TEST_REFUSAL' });
    expect(Date.parse(row.nextAttemptAt)).toBeGreaterThan(Date.now() + 20_000);
    await due(messageId);

    expect(await w.runOnce()).toBe(0);
    expect(await w.runOnce()).toBe(0);
    row = await rowOf(messageId);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'HTTP 503 TEST_REFUSAL' });
    expect(backoffs).toEqual([1, 2]);
    expect(failed.map((f) => [f.row.messageId, f.failure])).toEqual([[messageId, { permanent: false, error: 'HTTP 503 TEST_REFUSAL' }]]);

    // The FAILED message holds back the child's next one, and that one says what it waits for, however often we try.
    recipient.refuseWith = undefined;
    expect(await w.runOnce()).toBe(0);
    expect(await w.runOnce()).toBe(0);
    expect(recipient.received).toEqual([]);
    expect(await rowOf(later)).toMatchObject({ status: 'QUEUED', attempts: 0, lastError: waitingFor(messageId) });
    // Queued after the failure: it says so from the start.
    const latest = await enqueue('child-f');
    expect(await rowOf(latest)).toMatchObject({ status: 'QUEUED', lastError: waitingFor(messageId) });

    // Retried by hand: queued again with a fresh set of attempts, then the queue moves on in order.
    expect(await retryFailedMessage(db, tables, messageId)).toBe(true);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    expect(await retryFailedMessage(db, tables, messageId)).toBe(false);
    expect(await retryFailedMessage(db, tables, 'no-such-message')).toBe(false);
    expect(await w.runOnce()).toBe(1);
    expect(await rowOf(messageId)).toMatchObject({ status: 'DELIVERED', attempts: 1, lastError: null });
    expect(await rowOf(later)).toMatchObject({ status: 'QUEUED', lastError: null });
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(1);
    expect(recipient.received.map((m) => m.messageId)).toEqual([messageId, later, latest]);
    expect(await retryFailedMessage(db, tables, messageId)).toBe(false);

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(LETTER_CPR);
    expect(lines.some((line) => line.includes('"level":50') && line.includes(messageId))).toBe(true);
    const errors = await db.select({ lastError: outbox.lastError }).from(outbox);
    expect(errors.map((e) => e.lastError ?? '').join()).not.toContain(LETTER_CPR);
  });

  it('marks a message FAILED at the first permanent refusal, with the receiver’s reason, and stops trying', async () => {
    const messageId = await enqueue('child-p');
    const later = await enqueue('child-p');
    recipient.refuseWith = 422;
    const failures: DeliveryFailure[] = [];
    const w = worker({ onFailed: async (_tx, _row, failure) => void failures.push(failure) });
    expect(await w.runOnce()).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'HTTP 422 TEST_REFUSAL: refused by the test' });
    expect(failures).toEqual([{ permanent: true, error: 'HTTP 422 TEST_REFUSAL: refused by the test' }]);
    expect(await rowOf(later)).toMatchObject({ status: 'QUEUED', lastError: waitingFor(messageId) });
    recipient.refuseWith = undefined;
    expect(await w.runOnce()).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'FAILED', attempts: 1 });

    // A person gives it up: it never goes, and the child's next message is free to.
    expect(await giveUpFailedMessage(db, tables, later, 'test:gp')).toBe(false);
    expect(await giveUpFailedMessage(db, tables, messageId, 'test:gp')).toBe(true);
    expect((await rowOf(messageId)).status).toBe('GIVEN_UP');
    expect((await rowOf(messageId)).lastError).toMatch(/^given up \(test:gp\) after: HTTP 422/);
    expect(await rowOf(later)).toMatchObject({ status: 'QUEUED', lastError: null });
    expect(await w.runOnce()).toBe(1);
    expect(recipient.received.map((m) => m.messageId)).toEqual([later]);
  });

  it('records connection refused as the error code', async () => {
    const messageId = await enqueue('child-c');
    // A port that was just free: nothing listens there.
    const gone = await startRecipient();
    await gone.stop();
    const w = worker({ endpoints: { municipality: gone.url } });
    expect(await w.runOnce()).toBe(0);
    expect(await rowOf(messageId)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'connection error ECONNREFUSED' });
  });

  it('keeps retrying through a long outage and then delivers everything exactly once, in order per child, with nothing FAILED', async () => {
    const children = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const expected = new Map<string, string[]>(children.map((c) => [c, []]));
    await recipient.stop();
    // The default attempt budget, with no waiting between attempts: 40 passes stand for a long outage.
    const w = worker();
    try {
      for (let i = 0; i < 30; i++) {
        const child = children[i % children.length]!;
        expected.get(child)!.push(await enqueue(child, `down-${child}-${i}`));
      }
      for (let i = 0; i < 40; i++) expect(await w.runOnce()).toBe(0);
      const attempted = await db.select({ attempts: outbox.attempts, lastError: outbox.lastError, status: outbox.status }).from(outbox).where(eq(outbox.attempts, 40));
      expect(attempted).toHaveLength(children.length);
      expect(attempted.every((a) => a.lastError === 'connection error ECONNREFUSED' && a.status === 'QUEUED')).toBe(true);

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
      onDelivered: {
        'correspondence-letter': async () => {
          onDelivered += 1;
        },
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

  it('awaits the acknowledgement of an acknowledged kind: DELIVERED on ok, FAILED with the reason on a refusal, resent in a new envelope without one and FAILED after the last resend', async () => {
    const envelopes: string[] = [];
    const acknowledged = {
      'correspondence-letter': {
        reenvelope: async (_tx: MessagingDb, row: OutboxRow) => {
          const payload = row.payload as ReturnType<typeof letterPayload>;
          envelopes.push(row.messageId);
          return { ...payload, subject: `${payload.subject} (${envelopes.length})` };
        },
      },
    };
    const failures: DeliveryFailure[] = [];
    const w = worker({ acknowledged, acknowledgementTimeoutMs: 0, maxResends: 2, onFailed: async (_tx, _row, f) => void failures.push(f) });

    const ok = await enqueue('child-ack-ok');
    expect(await w.runOnce()).toBe(1);
    expect((await rowOf(ok)).status).toBe('AWAITING_ACKNOWLEDGEMENT');
    await acknowledgeMessage(db, tables, ok, { ok: true });
    expect(await rowOf(ok)).toMatchObject({ status: 'DELIVERED', lastError: null });

    const refused = await enqueue('child-ack-refused');
    const behind = await enqueue('child-ack-refused');
    await w.runOnce();
    await acknowledgeMessage(db, tables, refused, { ok: false, permanent: true, reason: 'no inbox has the receiver location number' });
    expect(await rowOf(refused)).toMatchObject({ status: 'FAILED', lastError: "refused by the recipient's acknowledgement: no inbox has the receiver location number" });
    expect((await rowOf(behind)).lastError).toBe(waitingFor(refused));

    const silentOne = await enqueue('child-ack-silent');
    await w.runOnce(); // sent, awaiting
    await w.runOnce(); // no acknowledgement (timeout 0): resent in a new envelope, then sent
    expect(await rowOf(silentOne)).toMatchObject({ status: 'AWAITING_ACKNOWLEDGEMENT', resends: 1 });
    expect((recipient.received.at(-1)!.payload as { subject: string }).subject).toMatch(/\(1\)$/);
    await w.runOnce();
    expect((await rowOf(silentOne)).resends).toBe(2);
    await w.runOnce();
    expect(await rowOf(silentOne)).toMatchObject({ status: 'FAILED', resends: 2 });
    expect((await rowOf(silentOne)).lastError).toMatch(/^no acknowledgement from the receiver within 0 min of the last of 3 sends/);
    expect(failures.filter((f) => f.unacknowledged)).toHaveLength(1);
    // A late ok still settles it: it got through after all.
    await acknowledgeMessage(db, tables, silentOne, { ok: true });
    expect((await rowOf(silentOne)).status).toBe('DELIVERED');
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

  // An hour's poll in the tests below: within them, only a wake-up can have the worker send anything.
  const HOUR = 3_600_000;
  const statusOf = async (messageId: string) => (await rowOf(messageId)).status;

  it('start(): a message queued in a transaction is sent once that transaction commits, not at the next poll', async () => {
    const w = worker({ pollIntervalMs: HOUR });
    w.start();
    try {
      const messageId = nextId('child-w');
      let commit!: () => void;
      const held = new Promise<void>((resolve) => (commit = resolve));
      const transaction = db.transaction(async (tx) => {
        await enqueueMessage(tx, tables, 'general-practice', { kind: 'correspondence-letter', to: 'municipality', messageId, childId: 'child-w', payload: letterPayload(messageId) });
        // Still open after the enqueue: a worker woken now would, on PostgreSQL, not see the row, and sleep an hour.
        await held;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      commit();
      await transaction;
      await expect.poll(() => recipient.received.map((m) => m.messageId), { timeout: 10_000 }).toEqual([messageId]);
      await expect.poll(() => statusOf(messageId), { timeout: 10_000 }).toBe('DELIVERED');
    } finally {
      await w.stop();
    }
  });

  it('start(): a retry is sent when its backoff ends, not at the next poll', async () => {
    const w = worker({ pollIntervalMs: HOUR, backoffMs: () => 50 });
    recipient.refuseWith = 503;
    w.start();
    try {
      const messageId = await enqueue('child-b');
      await expect.poll(async () => (await rowOf(messageId)).lastError, { timeout: 10_000 }).toMatch(/^HTTP 503/);
      recipient.refuseWith = undefined;
      await expect.poll(() => statusOf(messageId), { timeout: 10_000 }).toBe('DELIVERED');
      expect((await rowOf(messageId)).attempts).toBeGreaterThanOrEqual(2);
      expect(recipient.received.map((m) => m.messageId)).toEqual([messageId]);
    } finally {
      await w.stop();
    }
  });

  it('start(): a FAILED message a person retries, and the ones behind a message given up, go at once', async () => {
    const w = worker({ pollIntervalMs: HOUR });
    recipient.refuseWith = 422;
    w.start();
    try {
      const retried = await enqueue('child-p');
      await expect.poll(() => statusOf(retried), { timeout: 10_000 }).toBe('FAILED');
      const givenUp = await enqueue('child-q');
      await expect.poll(() => statusOf(givenUp), { timeout: 10_000 }).toBe('FAILED');
      const behind = await enqueue('child-q');
      recipient.refuseWith = undefined;
      expect(await retryFailedMessage(db, tables, retried)).toBe(true);
      await expect.poll(() => statusOf(retried), { timeout: 10_000 }).toBe('DELIVERED');
      expect(await statusOf(behind)).toBe('QUEUED');
      expect(await giveUpFailedMessage(db, tables, givenUp, 'test:gp')).toBe(true);
      await expect.poll(() => statusOf(behind), { timeout: 10_000 }).toBe('DELIVERED');
      expect(recipient.received.map((m) => m.messageId)).toEqual([retried, behind]);
    } finally {
      await w.stop();
    }
  });
});

describe('delivery policy', () => {
  it('backs off exponentially with jitter, capped at a minute however many attempts were made', () => {
    for (let i = 0; i < 50; i++) {
      expect(defaultBackoffMs(1)).toBeGreaterThanOrEqual(250);
      expect(defaultBackoffMs(1)).toBeLessThanOrEqual(500);
      expect(defaultBackoffMs(4)).toBeGreaterThanOrEqual(2000);
      expect(defaultBackoffMs(4)).toBeLessThanOrEqual(4000);
      for (const attempt of [30, 1000, DEFAULT_MAX_ATTEMPTS]) {
        expect(defaultBackoffMs(attempt)).toBeLessThanOrEqual(60_000);
        expect(defaultBackoffMs(attempt)).toBeGreaterThanOrEqual(30_000);
      }
    }
  });

  it('retries for about a day before a message that keeps failing becomes FAILED', () => {
    // From the 8th attempt the delay is 30-60 s: the minimum total is well over half a day, the average about a day.
    const minimum = Array.from({ length: DEFAULT_MAX_ATTEMPTS - 1 }, (_, i) => Math.min(500 * 2 ** i, 60_000) / 2).reduce((a, b) => a + b, 0);
    expect(minimum / 3_600_000).toBeGreaterThan(12);
  });

  it('treats a refusal as final unless the receiver may accept the message later', () => {
    expect([400, 403, 413, 422].every(isPermanentRefusal)).toBe(true);
    // Not a refusal of the message: a key or a URL to fix, or a receiver asking us to come back later.
    expect([401, 404, 405, 408, 429, 500, 502, 503, 504, 200].some(isPermanentRefusal)).toBe(false);
  });

  it('keeps a receiver’s reason to one line, without anything shaped like a CPR number', () => {
    expect(sanitiseReason('No inbox\nhas 0101104123 or 010110-4123; location 5790000000005')).toBe(
      'No inbox has [number withheld] or [number withheld]; location 5790000000005',
    );
    expect(sanitiseReason('x'.repeat(1000))).toHaveLength(400);
  });
});
