import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import { eq } from 'drizzle-orm';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { messageEndpoint } from './endpoint.ts';
import { enqueueMessage } from './outbox.ts';
import { createMessageReceiver, rejectMessage } from './receiver.ts';
import { generateMessageKeyPair, SENDER_HEADER, SIGNATURE_HEADER, signMessage } from './signature.ts';
import type * as testSchema from './test-schema.ts';
import { capturingLogger, keyOf, keyring, LETTER_CPR, letterPayload, openTestDatabase, tables } from './test-helpers.ts';
import { createDeliveryWorker } from './worker.ts';

describeWithDatabases('messaging: message endpoint', (backend) => {
  let dispose: () => Promise<void>;
  let database: Database<typeof testSchema>;
  let server: Server;
  let url: string;
  /** Messages the receiver applied: what storeReceivedOnce let through. */
  const applied: string[] = [];
  let handleCalls = 0;
  let failNext = false;
  let rejectNext = false;
  const captured = capturingLogger();

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    database = await openTestDatabase(created.targets[0]!);
    const receiver = createMessageReceiver({
      receiver: 'municipality',
      db: database.db,
      tables,
      log: captured.log,
      handlers: {
        'correspondence-letter': async (tx, m) => {
          handleCalls += 1;
          if (failNext) {
            failNext = false;
            // As drizzle words a failed statement: with its parameters, which the log must withhold.
            throw new Error(`Failed query: insert into "received_letters" ... params: ${LETTER_CPR}`);
          }
          if (rejectNext) {
            rejectNext = false;
            rejectMessage('UNKNOWN_INBOX', 'No municipal inbox has the receiver location number; look the inbox up in the municipality directory.');
          }
          // The handler runs in the transaction that recorded the message id: it sees its own row.
          const [own] = await tx.select().from(tables.receivedMessages).where(eq(tables.receivedMessages.messageId, m.messageId));
          expect(own?.sender).toBe('general-practice');
          applied.push(m.messageId);
          return {};
        },
        // The referral kinds the municipality also receives; this test sends none of them.
        'bua-referral-status': async () => rejectMessage('NOT_IN_THIS_TEST', 'not sent by this test'),
        'referral-further-course': async () => rejectMessage('NOT_IN_THIS_TEST', 'not sent by this test'),
        'transition-plan': async () => rejectMessage('NOT_IN_THIS_TEST', 'not sent by this test'),
        // Not exercised here; the municipality's own tests receive track-3 registrations.
        'relative-registration': async () => ({ receivedOn: '2026-12-07' }),
        'reply-acknowledgement': async () => ({}),
      },
    });
    const app = express();
    app.post('/messages', messageEndpoint({ receiver, publicKeys: { 'general-practice': keyring.publicKeys['general-practice']! }, log: captured.log }));
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
  beforeEach(() => {
    failNext = false;
    rejectNext = false;
  });

  const gpKey = () => keyOf('general-practice');
  const signedBy = (body: string, key = gpKey(), sender = 'general-practice', receiver = 'municipality') => signMessage(body, { sender, receiver }, key);

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signedBy(body), [SENDER_HEADER]: 'general-practice', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const letter = (messageId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ messageId, kind: 'correspondence-letter', payload: letterPayload(messageId), ...extra });
  const storedIds = async () => (await database.db.select({ id: tables.receivedMessages.messageId }).from(tables.receivedMessages)).map((r) => r.id);

  it('stores a message once however often it is delivered, and answers every delivery with the first answer', async () => {
    const body = letter('dup-1');
    const first = await post(body);
    const second = await post(body);
    expect(first).toEqual({ status: 200, body: { received: 'dup-1', duplicate: false, response: {} } });
    expect(second).toEqual({ status: 200, body: { received: 'dup-1', duplicate: true, response: {} } });
    // Delivered five times at once: still stored and applied once.
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => post(letter('dup-2'))));
    expect(concurrent.every((r) => r.status === 200)).toBe(true);
    expect(concurrent.filter((r) => r.body['duplicate'] === false)).toHaveLength(1);
    expect(applied.filter((id) => id === 'dup-1')).toHaveLength(1);
    expect(applied.filter((id) => id === 'dup-2')).toHaveLength(1);
    const rows = await database.db.select().from(tables.receivedMessages);
    expect(rows.filter((r) => r.messageId === 'dup-1')).toHaveLength(1);
    expect(rows.find((r) => r.messageId === 'dup-1')).toMatchObject({
      kind: 'correspondence-letter',
      sender: 'general-practice',
      response: {},
    });
  });

  it('refuses a GP message signed with the municipality’s key, or another sector’s, with 401 and stores nothing', async () => {
    const calls = handleCalls;
    const before = await storedIds();
    const body = letter('forged-1');
    const bua = generateMessageKeyPair().privateKey;
    const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SENDER_HEADER]: 'general-practice' }, body });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'BAD_SIGNATURE' });
    // Claims to be general practice, signed with the municipality's own key.
    expect(await post(body, { [SIGNATURE_HEADER]: signedBy(body, keyOf('municipality')) })).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    // Claims to be general practice, signed with some other sector's key.
    expect(await post(body, { [SIGNATURE_HEADER]: signedBy(body, bua) })).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    // Says so honestly, but BUA may send the municipality nothing, so there is no key to verify it with.
    expect(await post(body, { [SENDER_HEADER]: 'bua', [SIGNATURE_HEADER]: signedBy(body, bua, 'bua') })).toMatchObject({ status: 401, body: { error: 'UNKNOWN_SENDER' } });
    // General practice's own signature, but over another sender name or for another receiver.
    expect(await post(body, { [SENDER_HEADER]: 'municipality', [SIGNATURE_HEADER]: signedBy(body, gpKey(), 'municipality') })).toMatchObject({ status: 401 });
    expect(await post(body, { [SIGNATURE_HEADER]: signedBy(body, gpKey(), 'general-practice', 'bua') })).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    // Signed, then altered: the signature covers the exact bytes.
    expect(await post(body, { [SIGNATURE_HEADER]: signedBy(letter('forged-1', { kind: 'letter-receipt' })) })).toMatchObject({ status: 401 });
    expect(await post(body, { [SIGNATURE_HEADER]: 'abc' })).toMatchObject({ status: 401 });
    // Malformed but unsigned is still 401: nothing is parsed for a stranger.
    expect(await post('{not json', { [SIGNATURE_HEADER]: 'A'.repeat(86) })).toMatchObject({ status: 401 });
    expect(handleCalls).toBe(calls);
    expect(await storedIds()).toEqual(before);
  });

  it('refuses with 403 a kind the sender may not send to this receiver, and stores nothing', async () => {
    const calls = handleCalls;
    const before = await storedIds();
    const receipt = JSON.stringify({ messageId: 'wrong-kind', kind: 'letter-receipt', payload: { letterMessageId: 'x', status: 'READ', at: '2026-12-01T10:00:00Z' } });
    expect(await post(receipt)).toMatchObject({ status: 403, body: { error: 'KIND_NOT_ALLOWED' } });
    expect(String((await post(receipt)).body['message'])).toMatch(/does not let general-practice send letter-receipt messages to municipality/);
    expect(handleCalls).toBe(calls);
    expect(await storedIds()).toEqual(before);
  });

  it('refuses for good (400 or 422, never 500) what can never be stored, saying why, and stores nothing', async () => {
    const calls = handleCalls;
    const before = await storedIds();
    const valid = letterPayload('never');
    const deep = `{"messageId":"deep","kind":"correspondence-letter","payload":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const cases: [string, number, string, RegExp][] = [
      ['{not json', 400, 'MALFORMED_MESSAGE', /not valid JSON/],
      ['[1,2]', 400, 'MALFORMED_MESSAGE', /JSON object/],
      [deep, 400, 'MALFORMED_MESSAGE', /nested deeper than 64 levels/],
      [JSON.stringify({ kind: 'correspondence-letter', payload: valid }), 400, 'MALFORMED_MESSAGE', /messageId/],
      [JSON.stringify({ messageId: '', kind: 'correspondence-letter', payload: valid }), 400, 'MALFORMED_MESSAGE', /messageId/],
      [JSON.stringify({ messageId: 'x'.repeat(201), kind: 'correspondence-letter', payload: valid }), 400, 'MALFORMED_MESSAGE', /messageId/],
      [JSON.stringify({ messageId: 'm', kind: 'care-communication', payload: valid }), 400, 'UNKNOWN_KIND', /correspondence-letter, letter-acknowledgement, correspondence-reply, reply-acknowledgement, letter-receipt/],
      [JSON.stringify({ messageId: 'm', kind: 'correspondence-letter' }), 400, 'MALFORMED_MESSAGE', /payload is required/],
      [JSON.stringify({ messageId: 'nul', kind: 'correspondence-letter', payload: { ...valid, subject: 'a\u0000b' } }), 400, 'MALFORMED_MESSAGE', /payload\.subject contains a NUL character/],
      [JSON.stringify({ messageId: 'sur', kind: 'correspondence-letter', payload: { ...valid, subject: 'a\ud800b' } }), 400, 'MALFORMED_MESSAGE', /unpaired UTF-16 surrogate/],
      [JSON.stringify({ messageId: 'schema', kind: 'correspondence-letter', payload: { ...valid, step: 'TRIN_3' } }), 422, 'PAYLOAD_INVALID', /payload\.step/],
      [JSON.stringify({ messageId: 'fhir', kind: 'correspondence-letter', payload: { ...valid, bundle: JSON.stringify({ resourceType: 'Bundle', type: 'message' }) } }), 422, 'PAYLOAD_INVALID', /payload\.bundle/],
    ];
    for (const [body, status, error, message] of cases) {
      const result = await post(body);
      expect(result.status, body.slice(0, 80)).toBe(status);
      expect(result.body['error']).toBe(error);
      expect(String(result.body['message'])).toMatch(message);
      expect(String(result.body['message'])).not.toContain(LETTER_CPR);
    }
    expect(await post(letter('no-sender'), { [SENDER_HEADER]: '' })).toMatchObject({ status: 400, body: { error: 'BAD_SENDER' } });
    const wrongType = await post(letter('text-plain'), { 'content-type': 'text/plain' });
    expect(wrongType).toMatchObject({ status: 400, body: { error: 'BODY_REQUIRED' } });
    expect(handleCalls).toBe(calls);
    expect(await storedIds()).toEqual(before);
  });

  it('answers 413 to a body over 2 MB', async () => {
    const body = letter('huge', { padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(await post(body)).toMatchObject({ status: 413, body: { error: 'UNREADABLE_BODY' } });
  });

  it('answers the receiver’s refusal with 422 and its code, stores nothing, and answers a redelivery the same', async () => {
    rejectNext = true;
    const first = await post(letter('rejected-1'));
    expect(first).toMatchObject({ status: 422, body: { error: 'UNKNOWN_INBOX' } });
    expect(String(first.body['message'])).toMatch(/No municipal inbox/);
    expect(await storedIds()).not.toContain('rejected-1');
    expect(applied).not.toContain('rejected-1');
  });

  it('answers 500 when storing fails, so the sender retries, and never logs the payload', async () => {
    failNext = true;
    expect(await post(letter('fails-once'))).toMatchObject({ status: 500, body: { error: 'NOT_STORED' } });
    expect(await storedIds()).not.toContain('fails-once');
    expect(await post(letter('fails-once'))).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(applied.filter((id) => id === 'fails-once')).toHaveLength(1);
    expect(captured.lines.some((line) => line.includes('fails-once') && line.includes('"level":50'))).toBe(true);
    expect(captured.lines.join('\n')).not.toContain(LETTER_CPR);
  });

  it('is what the delivery worker talks to: a 500 is retried and stored once, a refusal is FAILED at once with its reason', async () => {
    const db = database.db;
    await db.delete(tables.outbox);
    const enqueue = (messageId: string, childId: string) =>
      enqueueMessage(db, tables, 'general-practice', { kind: 'correspondence-letter', to: 'municipality', messageId, childId, payload: letterPayload(messageId) });
    await enqueue('via-worker', 'child-e');
    const responses: unknown[] = [];
    const worker = createDeliveryWorker({
      sender: 'general-practice',
      db,
      tables,
      endpoints: { municipality: url },
      signingKey: gpKey(),
      backoffMs: () => 0,
      log: pino({ level: 'silent' }),
      onDelivered: { 'correspondence-letter': async (_tx, _row, response) => void responses.push(response) },
    });
    failNext = true;
    expect(await worker.runOnce()).toBe(0);
    expect(await worker.runOnce()).toBe(1);
    expect(responses).toEqual([{}]);
    expect(applied.filter((id) => id === 'via-worker')).toHaveLength(1);
    const [row] = await db.select().from(tables.outbox).where(eq(tables.outbox.messageId, 'via-worker'));
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 2, lastError: null });

    await enqueue('refused-by-worker', 'child-f');
    rejectNext = true;
    expect(await worker.runOnce()).toBe(0);
    const [refused] = await db.select().from(tables.outbox).where(eq(tables.outbox.messageId, 'refused-by-worker'));
    expect(refused).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(refused!.lastError).toMatch(/^HTTP 422 UNKNOWN_INBOX: No municipal inbox has the receiver location number/);
  });
});
