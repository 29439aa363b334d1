import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { messageEndpoint } from './endpoint.ts';
import { enqueueMessage, storeReceivedOnce } from './outbox.ts';
import { SENDER_HEADER, SIGNATURE_HEADER, signBody } from './signature.ts';
import type * as testSchema from './test-schema.ts';
import { capturingLogger, openTestDatabase, tables, TEST_SECRET } from './test-helpers.ts';
import { createDeliveryWorker } from './worker.ts';

const CPR = '0101104123';

describeWithDatabases('messaging: message endpoint', (backend) => {
  let dispose: () => Promise<void>;
  let database: Database<typeof testSchema>;
  let server: Server;
  let url: string;
  /** Messages the recipient applied: what storeReceivedOnce let through. */
  const applied: string[] = [];
  let handleCalls = 0;
  let failNext = false;
  const captured = capturingLogger();

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    database = await openTestDatabase(created.targets[0]!);
    const db = database.db;
    const app = express();
    // As a subgraph mounts it: the handler stores the message once and applies it only when it is new.
    app.post(
      '/messages',
      messageEndpoint({
        signingSecret: TEST_SECRET,
        log: captured.log,
        handle: async (m) => {
          handleCalls += 1;
          if (failNext) {
            failNext = false;
            // As drizzle words a failed statement: with its parameters, which the log must withhold.
            throw new Error(`Failed query: insert into "received_messages" ... params: ${CPR}`);
          }
          return db.transaction(async (tx) => {
            const isNew = await storeReceivedOnce(tx, tables, m);
            if (isNew) applied.push(m.messageId);
            return { duplicate: !isNew, response: { letterId: `reply-to-${m.messageId}` } };
          });
        },
      }),
    );
    app.use(express.json());
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
    await dispose?.();
  });

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, TEST_SECRET, 'general-practice'), [SENDER_HEADER]: 'general-practice', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const message = (messageId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ messageId, kind: 'care-communication', payload: { patient: { cpr: CPR } }, ...extra });

  it('stores a message once however often it is delivered, and answers both times with the response', async () => {
    const body = message('dup-1');
    const first = await post(body);
    const second = await post(body);
    expect(first).toEqual({ status: 200, body: { received: 'dup-1', duplicate: false, response: { letterId: 'reply-to-dup-1' } } });
    expect(second).toEqual({ status: 200, body: { received: 'dup-1', duplicate: true, response: { letterId: 'reply-to-dup-1' } } });
    expect(applied.filter((id) => id === 'dup-1')).toHaveLength(1);
    const rows = await database.db.select().from(tables.receivedMessages);
    expect(rows.filter((r) => r.messageId === 'dup-1')).toHaveLength(1);
    expect(rows.find((r) => r.messageId === 'dup-1')).toMatchObject({ kind: 'care-communication', sender: 'general-practice', payload: { patient: { cpr: CPR } } });
  });

  it('refuses a missing or wrong signature with 401 before looking at the message', async () => {
    const calls = handleCalls;
    const body = message('unsigned');
    const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SENDER_HEADER]: 'general-practice' }, body });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'BAD_SIGNATURE' });
    expect(await post(body, { [SIGNATURE_HEADER]: signBody(body, 'another-secret', 'general-practice') })).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    expect(await post(body, { [SIGNATURE_HEADER]: 'abc' })).toMatchObject({ status: 401 });
    // Correctly signed by one sector, but claiming to come from another: refused.
    expect(await post(body, { [SENDER_HEADER]: 'municipality' })).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    // Signed, then altered: the signature covers the exact bytes.
    expect(await post(body, { [SIGNATURE_HEADER]: signBody(message('unsigned', { kind: 'status' }), TEST_SECRET, 'general-practice') })).toMatchObject({ status: 401 });
    // Malformed but unsigned is still 401: nothing is parsed for a stranger.
    expect(await post('{not json', { [SIGNATURE_HEADER]: '0'.repeat(64) })).toMatchObject({ status: 401 });
    expect(handleCalls).toBe(calls);
  });

  it('refuses malformed, signed bodies with 400 and a clear error', async () => {
    const calls = handleCalls;
    const cases: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['[1,2]', /JSON object/],
      [JSON.stringify({ kind: 'status', payload: {} }), /messageId/],
      [JSON.stringify({ messageId: '', kind: 'status', payload: {} }), /messageId/],
      [JSON.stringify({ messageId: 'x'.repeat(201), kind: 'status', payload: {} }), /messageId/],
      [JSON.stringify({ messageId: 'm', kind: 'letter', payload: {} }), /kind must be one of care-communication, status/],
      [JSON.stringify({ messageId: 'm', kind: 'status' }), /payload is required/],
      [JSON.stringify({ messageId: 'm', kind: 'status', payload: null }), /payload is required/],
    ];
    for (const [body, expected] of cases) {
      const result = await post(body);
      expect(result.status, body).toBe(400);
      expect(result.body['error']).toBe('MALFORMED_MESSAGE');
      expect(String(result.body['message'])).toMatch(expected);
    }
    expect(await post(message('no-sender'), { [SENDER_HEADER]: '' })).toMatchObject({ status: 400, body: { error: 'BAD_SENDER' } });
    const body = message('text-plain');
    const wrongType = await post(body, { 'content-type': 'text/plain' });
    expect(wrongType).toMatchObject({ status: 400, body: { error: 'BODY_REQUIRED' } });
    expect(handleCalls).toBe(calls);
  });

  it('answers 413 to a body over 2 MB', async () => {
    const body = message('huge', { payload: { text: 'x'.repeat(2 * 1024 * 1024) } });
    expect(await post(body)).toMatchObject({ status: 413, body: { error: 'UNREADABLE_BODY' } });
  });

  it('answers 500 when storing fails, so the sender retries, and never logs the payload', async () => {
    failNext = true;
    expect(await post(message('fails-once'))).toMatchObject({ status: 500, body: { error: 'NOT_STORED' } });
    expect(await post(message('fails-once'))).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(applied.filter((id) => id === 'fails-once')).toHaveLength(1);
    expect(captured.lines.some((line) => line.includes('fails-once') && line.includes('"level":50'))).toBe(true);
    expect(captured.lines.join('\n')).not.toContain(CPR);
  });

  it('is what the delivery worker talks to: a 500 is retried and the message stored once', async () => {
    const db = database.db;
    await enqueueMessage(db, tables, { messageId: 'via-worker', childId: 'child-e', destination: 'municipality', kind: 'status', payload: { ok: true } });
    const responses: unknown[] = [];
    const worker = createDeliveryWorker({
      db,
      tables,
      endpoints: { municipality: url, 'general-practice': url },
      signingSecret: TEST_SECRET,
      sender: 'general-practice',
      backoffMs: () => 0,
      log: pino({ level: 'silent' }),
      onDelivered: async (_tx, _row, response) => void responses.push(response),
    });
    failNext = true;
    expect(await worker.runOnce()).toBe(0);
    expect(await worker.runOnce()).toBe(1);
    expect(responses).toEqual([{ letterId: 'reply-to-via-worker' }]);
    expect(applied.filter((id) => id === 'via-worker')).toHaveLength(1);
    const [row] = await db.select().from(tables.outbox);
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 2, lastError: null });
  });
});
