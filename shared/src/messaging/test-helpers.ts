import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { SubgraphName } from '../config.ts';
import { openDatabase, type DatabaseTarget } from '../db/database.ts';
import { buildCareCommunicationBundle } from '../fhir/build.ts';
import { newLetter } from '../fhir/fixtures/messages.ts';
import type { Logger } from '../server/logger.ts';
import type { MessagePayload } from './contract.ts';
import { messageEndpoint } from './endpoint.ts';
import type { MessageReceiverApi, ReceiveOutcome } from './receiver.ts';
import { generateMessagingKeyring } from './sector.ts';
import type { MessagingTables } from './tables.ts';
import * as testSchema from './test-schema.ts';

export const tables: MessagingTables = { outbox: testSchema.outbox, receivedMessages: testSchema.receivedMessages };

/** One key pair per sender of the contract, for the whole test process. */
export const keyring = generateMessagingKeyring();
export const keyOf = (sender: SubgraphName) => keyring.signingKeys[sender]!;

/** The messaging tables in schema `messaging_test`, created by the drizzle-kit migrations generated from test-schema.ts. */
export function openTestDatabase(target: DatabaseTarget) {
  return openDatabase({
    target,
    pgSchema: 'messaging_test',
    migrationsFolder: fileURLToPath(new URL('./test-migrations', import.meta.url)),
    schema: testSchema,
  });
}

/** A logger whose every line is kept, to prove what the code under test never logs. */
export function capturingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }), lines };
}

/** The synthetic letter's CPR number: inside every letter payload, it must never reach a log line or last_error. */
export const LETTER_CPR = newLetter.patient.cpr;

/** A correspondence-letter payload as general practice sends it, its bundle (as JSON text) carrying `messageId`. */
export function letterPayload(messageId: string): MessagePayload<'correspondence-letter'> {
  return {
    bundle: JSON.stringify(buildCareCommunicationBundle({ ...newLetter, messageId })),
    ydernummer: '107510',
    step: 'TRIN_1',
    subject: 'Bekymring for trivsel',
  };
}

export interface ReceivedByTest {
  messageId: string;
  kind: string;
  sender: string;
  payload: unknown;
}

export interface TestRecipient {
  port: number;
  url: string;
  /** Every message the endpoint accepted, in arrival order, redeliveries included. */
  received: ReceivedByTest[];
  /** Answer with this status instead of accepting (undefined: accept). */
  refuseWith: number | undefined;
  /** Awaited before a message is accepted: lets a test act while the sender waits for the answer. */
  beforeAccept: ((m: ReceivedByTest) => Promise<void>) | undefined;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

/**
 * The municipality reduced to its message endpoint, for the delivery worker's tests: the real endpoint (signature,
 * body checks) in front of a receiver that records what arrives and answers as the contract says. `delayMs` widens
 * race windows in the concurrency tests.
 */
export async function startRecipient(
  options: { port?: number; delayMs?: () => number; log?: Logger; name?: SubgraphName } = {},
): Promise<TestRecipient> {
  const log = options.log ?? pino({ level: 'silent' });
  const app = express();
  const recipient: TestRecipient = {
    port: options.port ?? 0,
    url: '',
    received: [],
    refuseWith: undefined,
    beforeAccept: undefined,
    stop: async () => {},
    restart: async () => {},
  };
  const receiver: MessageReceiverApi = {
    name: options.name ?? 'municipality',
    async receive(sender, message): Promise<ReceiveOutcome> {
      const m = { ...(message as Omit<ReceivedByTest, 'sender'>), sender };
      const delay = options.delayMs?.() ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      await recipient.beforeAccept?.(m);
      recipient.received.push(m);
      return { ok: true, messageId: m.messageId, duplicate: false, response: { replyDueOn: '2026-12-01' } };
    },
  };
  app.post(
    '/messages',
    (_req, res, next) => {
      if (recipient.refuseWith === undefined) return next();
      res.status(recipient.refuseWith).json({ error: 'TEST_REFUSAL', message: 'refused by the test' });
    },
    messageEndpoint({ receiver, publicKeys: keyring.publicKeys, log }),
  );
  let server: Server | undefined;
  const listen = async (port: number) => {
    const s = createServer(app);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    server = s;
    recipient.port = (s.address() as AddressInfo).port;
    recipient.url = `http://127.0.0.1:${recipient.port}/messages`;
  };
  recipient.stop = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    // The worker's fetch keeps connections alive; a down recipient must refuse them, not keep serving them.
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  recipient.restart = () => listen(recipient.port);
  await listen(recipient.port);
  return recipient;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
