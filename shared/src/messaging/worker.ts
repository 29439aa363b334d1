import { and, asc, eq, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { describeErrorForLog, type Logger } from '../server/logger.ts';
import type { MessagingDb } from './outbox.ts';
import { SENDER_HEADER, SIGNATURE_HEADER, signBody } from './signature.ts';
import type { Destination, MessagingTables, OutboxRow } from './tables.ts';

export interface DeliveryWorkerOptions {
  db: MessagingDb;
  tables: MessagingTables;
  /** The message endpoint of each destination, e.g. `http://localhost:4001/messages`. */
  endpoints: Record<Destination, string>;
  /** Shared with the recipients: HMAC-SHA256 of the raw body, hex, in the x-message-signature header. */
  signingSecret: string;
  /** This sector, sent as x-message-sender, e.g. `general-practice`. */
  sender: string;
  /** Attempts before a message becomes FAILED (default 8). */
  maxAttempts?: number;
  /** Delay before attempt `attempt + 1`, given the number of attempts made (default: exponential with jitter). */
  backoffMs?: (attempt: number) => number;
  /** Messages claimed per pass, at most one per child (default 20). */
  batchSize?: number;
  /** Pause between passes that found nothing to send (default 250). */
  pollIntervalMs?: number;
  /** Abandon a POST that has not answered after this long (default 10 000). */
  requestTimeoutMs?: number;
  /**
   * How long a claim keeps other workers off a message (default 60 000). Must exceed the request timeout: a lease
   * that ran out mid-send would let another worker send the message again.
   */
  leaseMs?: number;
  /** Runs in the transaction that marks the message DELIVERED, with the recipient's `response`. */
  onDelivered?: (tx: MessagingDb, row: OutboxRow, response: unknown) => Promise<void>;
  /** Runs in the transaction that marks the message FAILED. */
  onFailed?: (tx: MessagingDb, row: OutboxRow) => Promise<void>;
  log: Logger;
}

export interface DeliveryWorker {
  /** Sends continuously until stop(): a pass right after one that found work, otherwise after pollIntervalMs. */
  start(): void;
  /** Ends the loop and waits for the pass in progress, so no send is cut off half-recorded. */
  stop(): Promise<void>;
  /** One pass: claims up to batchSize due messages, sends them, records the outcomes. Returns how many were delivered. */
  runOnce(): Promise<number>;
}

/** 500 ms, doubling per attempt, capped at a minute; "equal jitter" keeps senders recovering together from retrying in step. */
export function defaultBackoffMs(attempt: number): number {
  const ceiling = Math.min(500 * 2 ** Math.max(attempt - 1, 0), 60_000);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

type Outcome = { ok: true; response: unknown } | { ok: false; error: string };

/**
 * The delivery worker of one subgraph's outbox. Any number of instances may run against one database.
 *
 * Why a lease and not a row lock held while POSTing: holding a transaction open across the HTTP call would tie up a
 * connection per message in flight, and on embedded PGlite, which has one connection shared by every subgraph of the
 * process, the recipient could not write the message it is being sent until the sender's transaction ended: it never
 * would. So a claim is a short statement (`UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED)`) that moves
 * the message's next_attempt_at to the end of a lease and counts the attempt; the send runs outside any
 * transaction; the outcome is recorded only if the row is still in the state this claim left it in (status QUEUED and
 * the same attempt count), so a worker whose lease ran out cannot overwrite the work of the one that took over.
 * SKIP LOCKED keeps concurrent claims from blocking on or taking each other's rows; a claimed message is no longer
 * due, so later claims pass it over.
 *
 * Order per child: only a child's oldest QUEUED message is ever claimable. While it is being sent, waiting for a retry
 * or leased, it stays QUEUED and holds back the child's later messages; once DELIVERED or FAILED the next one goes.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, tables, log } = options;
  const { outbox } = tables;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const batchSize = options.batchSize ?? 20;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 60_000;
  if (leaseMs <= requestTimeoutMs) throw new RangeError('DeliveryWorker: leaseMs must exceed requestTimeoutMs');
  if (maxAttempts < 1 || batchSize < 1) throw new RangeError('DeliveryWorker: maxAttempts and batchSize must be at least 1');

  const interval = (ms: number) => sql`(${`${Math.max(0, Math.round(ms))} milliseconds`})::interval`;

  async function claim(): Promise<OutboxRow[]> {
    const earlier = alias(outbox, 'earlier');
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'QUEUED'),
          lte(outbox.nextAttemptAt, sql`now()`),
          notExists(
            db
              .select({ one: sql`1` })
              .from(earlier)
              .where(and(eq(earlier.childId, outbox.childId), eq(earlier.status, 'QUEUED'), lt(earlier.sequence, outbox.sequence))),
          ),
        ),
      )
      .orderBy(asc(outbox.sequence))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: sql`now() + ${interval(leaseMs)}` })
      .where(inArray(outbox.id, due))
      .returning();
    return rows.sort((a, b) => a.sequence - b.sequence);
  }

  /** The row as this claim left it: the precondition of recording the outcome. */
  const stillOurs = (row: OutboxRow) => and(eq(outbox.id, row.id), eq(outbox.status, 'QUEUED'), eq(outbox.attempts, row.attempts));

  async function send(row: OutboxRow): Promise<Outcome> {
    const url = options.endpoints[row.destination];
    if (!url) return { ok: false, error: `no endpoint configured for ${row.destination}` };
    const body = JSON.stringify({ messageId: row.messageId, kind: row.kind, payload: row.payload });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signBody(body, options.signingSecret, options.sender),
          [SENDER_HEADER]: options.sender,
        },
        body,
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      // Read to the end either way, so the connection can be reused.
      const text = await response.text();
      const parsed = parseJson(text);
      if (!response.ok) {
        // The recipient's machine-readable code only: its free text is not ours to vet for personal data.
        const code = typeof parsed?.['error'] === 'string' && /^[A-Z_]{1,40}$/.test(parsed['error']) ? ` ${parsed['error']}` : '';
        return { ok: false, error: `HTTP ${response.status}${code}` };
      }
      return { ok: true, response: parsed?.['response'] };
    } catch (error) {
      return { ok: false, error: describeSendError(error, requestTimeoutMs) };
    }
  }

  async function recordDelivered(row: OutboxRow, response: unknown): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [delivered] = await tx
        .update(outbox)
        .set({ status: 'DELIVERED', deliveredAt: sql`now()`, lastError: null })
        .where(stillOurs(row))
        .returning();
      if (!delivered) return false;
      await options.onDelivered?.(tx, delivered, response);
      return true;
    });
  }

  async function recordFailure(row: OutboxRow, error: string): Promise<void> {
    const final = row.attempts >= maxAttempts;
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(outbox)
        .set(
          final
            ? { status: 'FAILED', lastError: error, nextAttemptAt: sql`now()` }
            : { lastError: error, nextAttemptAt: sql`now() + ${interval(backoffMs(row.attempts))}` },
        )
        .where(stillOurs(row))
        .returning();
      if (updated && final) await options.onFailed?.(tx, updated);
    });
    const fields = { messageId: row.messageId, destination: row.destination, kind: row.kind, attempts: row.attempts, error };
    if (final) log.error(fields, 'message FAILED: giving up after the last attempt');
    else log.warn(fields, 'message delivery failed; will retry');
  }

  async function deliver(row: OutboxRow): Promise<boolean> {
    const ids = { messageId: row.messageId, destination: row.destination, kind: row.kind, attempts: row.attempts };
    try {
      const outcome = await send(row);
      if (!outcome.ok) {
        await recordFailure(row, outcome.error);
        return false;
      }
      try {
        if (await recordDelivered(row, outcome.response)) {
          log.info(ids, 'message delivered');
          return true;
        }
        log.warn(ids, 'message delivered, but its claim had passed to another worker; that worker records it');
        return false;
      } catch (error) {
        // Rolled back: the recipient has it, but our record does not say so. Count it as a failed attempt; the resend
        // is stored once by the recipient (same message id) and onDelivered gets another chance.
        log.error({ ...ids, err: describeErrorForLog(error) }, 'recording a delivery failed');
        await recordFailure(row, 'recording the delivery failed');
        return false;
      }
    } catch (error) {
      // The database is unreachable: the lease runs out and the message is retried then.
      log.error({ ...ids, err: describeErrorForLog(error) }, 'recording a delivery outcome failed');
      return false;
    }
  }

  async function pass(): Promise<{ claimed: number; delivered: number }> {
    const claimed = await claim();
    // Different children by construction (one claimable message per child), so sending them at once keeps order.
    const results = await Promise.all(claimed.map(deliver));
    return { claimed: claimed.length, delivered: results.filter(Boolean).length };
  }

  let loop: Promise<void> | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  return {
    runOnce: async () => (await pass()).delivered,
    start() {
      if (loop) return;
      stopped = false;
      loop = (async () => {
        while (!stopped) {
          let claimed = 0;
          try {
            ({ claimed } = await pass());
          } catch (error) {
            log.error({ err: describeErrorForLog(error) }, 'delivery pass failed');
          }
          if (claimed === 0 && !stopped) await pause(pollIntervalMs);
        }
      })();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      loop = undefined;
    },
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What went wrong, in terms that never include the request: error names and codes only. */
function describeSendError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timeout after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return `connection error ${cause.code}`;
  // fetch's own refusals (a blocked port, a malformed URL) carry a plain cause; it describes the URL, not the body.
  if (typeof cause?.message === 'string') return `${(error as Error).message}: ${cause.message.slice(0, 200)}`;
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unknown error';
}
