import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { KeyObject } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SubgraphName } from '../config.ts';
import { describeErrorForLog, type Logger } from '../server/logger.ts';
import { checkResponse, type KindsFrom, type MessageKind, type MessageResponse } from './contract.ts';
import { assertResendable, successorsOf, waitingFor, type MessagingDb, type Reenvelope } from './outbox.ts';
import { SENDER_HEADER, SIGNATURE_HEADER, signMessage } from './signature.ts';
import type { MessagingTables, OutboxRow } from './tables.ts';
import { wakeOnQueued } from './wake.ts';
import { metricsOf } from '../observability/metrics.ts';
import { tracerOf } from '../observability/tracing.ts';

/** Runs in the transaction that marks a message of kind K DELIVERED, with the receiver's answer (null if it gave none the contract knows). */
export type DeliveredHook<K extends MessageKind> = (tx: MessagingDb, row: OutboxRow, response: MessageResponse<K> | null) => Promise<void>;

/**
 * Why a message became FAILED: refused for good by the receiver (`permanent`), out of attempts, or (`unacknowledged`)
 * stored by the receiver but never acknowledged, however often it was resent.
 */
export interface DeliveryFailure {
  permanent: boolean;
  error: string;
  unacknowledged?: boolean;
}

/**
 * A kind whose receiver acknowledges it in a message of its own (a MedCom Acknowledgement). Once stored by the
 * receiver, the message awaits that acknowledgement (the sector records it with `acknowledgeMessage`); when none has
 * come after `acknowledgementTimeoutMs`, it is sent again in the new envelope `reenvelope` builds, at most
 * `maxResends` times, and then it is FAILED. Retries of one envelope's delivery (the receiver down, a timeout) keep
 * its bytes: they are the transport's, not resends.
 */
export interface AcknowledgedKind {
  reenvelope: Reenvelope;
}

/** MedCom reliable messaging (043): resend when no acknowledgement came within 30 minutes, at most twice. */
export const DEFAULT_ACKNOWLEDGEMENT_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_MAX_RESENDS = 2;

export interface DeliveryWorkerOptions<S extends SubgraphName> {
  /** This subgraph: it signs as this sender, and may send only the kinds the contract lets it. */
  sender: S;
  db: MessagingDb;
  tables: MessagingTables;
  /** The message endpoint of each receiver, e.g. `{ municipality: 'http://localhost:4001/messages' }`. Read at send time. */
  endpoints: Partial<Record<SubgraphName, string>>;
  /** This subgraph's Ed25519 private key. */
  signingKey: KeyObject;
  /**
   * Attempts before a message that keeps failing transiently (receiver down, 5xx, timeouts) becomes FAILED. The
   * default, 2,000, is about a day of retrying: the delay doubles from half a second and stays at 30-60 s from the
   * eighth attempt, so a receiver that is down for minutes or hours catches up by itself, in order.
   */
  maxAttempts?: number;
  /** Delay before attempt `attempt + 1`, given the number of attempts made (default: exponential with jitter, capped). */
  backoffMs?: (attempt: number) => number;
  /** Messages claimed per pass, at most one per child and receiver (default 20). */
  batchSize?: number;
  /**
   * Pause between passes that found nothing to send (default 250). A running worker also wakes as soon as a message
   * of its outbox is queued in this process (once that transaction commits) and when a retry or an acknowledgement
   * timeout it set falls due, so the poll only picks up what happens elsewhere: another replica's messages, a lease
   * that ran out, a row changed by hand.
   */
  pollIntervalMs?: number;
  /** Abandon a POST that has not answered after this long (default 10 000). */
  requestTimeoutMs?: number;
  /**
   * How long a claim keeps other workers off a message (default 60 000). Must exceed the request timeout: a lease
   * that ran out mid-send would let another worker send the message again.
   */
  leaseMs?: number;
  /** Per kind: runs in the transaction that marks the message DELIVERED. */
  onDelivered?: { [K in KindsFrom<S>]?: DeliveredHook<K> };
  /** Runs in the transaction that marks a message FAILED. */
  onFailed?: (tx: MessagingDb, row: OutboxRow, failure: DeliveryFailure) => Promise<void>;
  /** The kinds whose receiver acknowledges them, and how each is resent without an acknowledgement. */
  acknowledged?: { [K in KindsFrom<S>]?: AcknowledgedKind };
  /** How long to wait for an acknowledgement before resending (default 30 minutes). */
  acknowledgementTimeoutMs?: number;
  /** Resends without an acknowledgement before the message is FAILED (default 2). */
  maxResends?: number;
  log: Logger;
}

export interface DeliveryWorker {
  /**
   * Sends continuously until stop(): a pass right after one that found work, or when woken (a message queued here, a
   * retry due), otherwise after pollIntervalMs.
   */
  start(): void;
  /** Ends the loop and waits for the pass in progress, so no send is cut off half-recorded. */
  stop(): Promise<void>;
  /** One pass: claims up to batchSize due messages, sends them, records the outcomes. Returns how many were delivered. */
  runOnce(): Promise<number>;
}

export const DEFAULT_MAX_ATTEMPTS = 2000;
export const MAX_BACKOFF_MS = 60_000;

/** 500 ms, doubling per attempt, capped at a minute; "equal jitter" keeps senders recovering together from retrying in step. */
export function defaultBackoffMs(attempt: number): number {
  const ceiling = Math.min(500 * 2 ** Math.min(Math.max(attempt - 1, 0), 30), MAX_BACKOFF_MS);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

type Outcome = { ok: true; response: unknown } | { ok: false; permanent: boolean; error: string };

/**
 * Statuses a message endpoint answers for a message it will never store, however often it is sent: malformed (400),
 * kind not allowed from this sender (403), too large (413), refused by the contract or the receiver's rules (422).
 * Everything else is retried: 401 (the receiver cannot verify our signature: a key not yet configured there, which
 * people fix, after which the retries succeed), 404 and 405 (a misconfigured endpoint URL), 408, 429 and 5xx.
 */
export function isPermanentRefusal(status: number): boolean {
  return status === 400 || status === 403 || status === 413 || status === 422;
}

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
 * Order per child and receiver: a message is claimable only when no earlier message for the same child and receiver
 * is QUEUED (being sent, waiting for a retry, or leased) or FAILED. A FAILED message therefore holds back its
 * successors, which say so in last_error, until a person retries it (the queue then moves on in order) or gives it up.
 */
export function createDeliveryWorker<S extends SubgraphName>(options: DeliveryWorkerOptions<S>): DeliveryWorker {
  const { db, tables, log, sender } = options;
  const { outbox } = tables;
  const tracer = tracerOf(sender);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const batchSize = options.batchSize ?? 20;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 60_000;
  if (leaseMs <= requestTimeoutMs) throw new RangeError('DeliveryWorker: leaseMs must exceed requestTimeoutMs');
  if (maxAttempts < 1 || batchSize < 1) throw new RangeError('DeliveryWorker: maxAttempts and batchSize must be at least 1');
  const onDelivered = (options.onDelivered ?? {}) as Partial<Record<string, (tx: MessagingDb, row: OutboxRow, response: unknown) => Promise<void>>>;
  const acknowledged = (options.acknowledged ?? {}) as Partial<Record<string, AcknowledgedKind>>;
  const acknowledgementTimeoutMs = options.acknowledgementTimeoutMs ?? DEFAULT_ACKNOWLEDGEMENT_TIMEOUT_MS;
  const maxResends = options.maxResends ?? DEFAULT_MAX_RESENDS;

  const interval = (ms: number) => sql`(${`${Math.max(0, Math.round(Math.min(ms, MAX_BACKOFF_MS * 60)))} milliseconds`})::interval`;

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
              .where(
                and(
                  eq(earlier.childId, outbox.childId),
                  eq(earlier.destination, outbox.destination),
                  inArray(earlier.status, ['QUEUED', 'FAILED']),
                  lt(earlier.sequence, outbox.sequence),
                ),
              ),
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
    if (!url) return { ok: false, permanent: false, error: `no message endpoint configured for ${row.destination}` };
    const body = JSON.stringify({ messageId: row.messageId, kind: row.kind, payload: row.payload });
    // A client span in the trace of the request that queued the message; its traceparent goes along, so the
    // recipient's spans join that trace too.
    const queuedIn = row.traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent: row.traceparent }) : ROOT_CONTEXT;
    const span = tracer.startSpan(
      `deliver ${row.kind}`,
      { kind: SpanKind.CLIENT, attributes: { 'pathway.destination': row.destination, 'pathway.message.kind': row.kind, 'pathway.message.attempt': row.attempts } },
      queuedIn,
    );
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signMessage(body, { sender, receiver: row.destination }, options.signingKey),
      [SENDER_HEADER]: sender,
    };
    propagation.inject(trace.setSpan(queuedIn, span), headers);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      span.setAttribute('http.response.status_code', response.status);
      if (!response.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
      // Read to the end either way, so the connection can be reused.
      const text = await response.text();
      const parsed = parseJson(text);
      if (!response.ok) {
        const permanent = isPermanentRefusal(response.status);
        return { ok: false, permanent, error: describeRefusal(response.status, parsed, permanent) };
      }
      return { ok: true, response: parsed?.['response'] };
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'network' });
      return { ok: false, permanent: false, error: describeSendError(error, requestTimeoutMs) };
    } finally {
      span.end();
    }
  }

  async function recordDelivered(row: OutboxRow, response: unknown): Promise<boolean> {
    const hook = onDelivered[row.kind];
    let answer: unknown = null;
    if (hook && response !== undefined && response !== null) {
      const checked = checkResponse(row.kind, response);
      if (checked.ok) answer = checked.value;
      else log.warn({ messageId: row.messageId, kind: row.kind, problems: checked.problems }, 'the receiver’s answer does not match the contract; ignored');
    }
    const awaitsAcknowledgement = acknowledged[row.kind] !== undefined;
    const recorded = await db.transaction(async (tx) => {
      const [delivered] = await tx
        .update(outbox)
        .set(
          awaitsAcknowledgement
            ? { status: 'AWAITING_ACKNOWLEDGEMENT', deliveredAt: sql`now()`, lastError: null, nextAttemptAt: sql`now() + ${interval(acknowledgementTimeoutMs)}` }
            : { status: 'DELIVERED', deliveredAt: sql`now()`, lastError: null },
        )
        .where(stillOurs(row))
        .returning();
      if (!delivered) return false;
      // Had it ever FAILED, its successors say they wait for it; they no longer do.
      if (row.lastError !== null) {
        await tx.update(outbox).set({ lastError: null }).where(and(successorsOf(tables, row), eq(outbox.lastError, waitingFor(row.messageId))));
      }
      await hook?.(tx, delivered, answer);
      return true;
    });
    if (recorded && awaitsAcknowledgement) wakeIn(acknowledgementTimeoutMs);
    return recorded;
  }

  async function recordFailure(row: OutboxRow, outcome: { permanent: boolean; error: string }): Promise<void> {
    const final = outcome.permanent || row.attempts >= maxAttempts;
    const retryInMs = final ? 0 : backoffMs(row.attempts);
    const retrying = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(outbox)
        .set(
          final
            ? { status: 'FAILED', lastError: outcome.error, nextAttemptAt: sql`now()` }
            : { lastError: outcome.error, nextAttemptAt: sql`now() + ${interval(retryInMs)}` },
        )
        .where(stillOurs(row))
        .returning();
      if (!updated || !final) return updated !== undefined;
      await tx.update(outbox).set({ lastError: waitingFor(row.messageId) }).where(successorsOf(tables, row));
      await options.onFailed?.(tx, updated, { permanent: outcome.permanent, error: outcome.error });
      return false;
    });
    if (retrying) wakeIn(retryInMs);
    if (final) metricsOf(options.sender).deliveryFailures.inc({ destination: row.destination, kind: row.kind, reason: outcome.permanent ? 'refused' : 'attempts_exhausted' });
    const fields = { messageId: row.messageId, destination: row.destination, kind: row.kind, attempts: row.attempts, error: outcome.error };
    if (outcome.permanent) log.error(fields, 'message FAILED: refused for good by the receiver; later messages for the child wait for it');
    else if (final) log.error(fields, 'message FAILED: giving up after the last attempt; later messages for the child wait for it');
    else log.warn(fields, 'message delivery failed; will retry');
  }

  async function deliver(row: OutboxRow): Promise<boolean> {
    const ids = { messageId: row.messageId, destination: row.destination, kind: row.kind, attempts: row.attempts };
    try {
      const outcome = await send(row);
      metricsOf(options.sender).deliveryAttempts.inc({ destination: row.destination, kind: row.kind, outcome: outcome.ok ? 'delivered' : outcome.permanent ? 'refused' : 'retry' });
      if (!outcome.ok) {
        await recordFailure(row, outcome);
        return false;
      }
      try {
        if (await recordDelivered(row, outcome.response)) {
          log.info(ids, 'message delivered');
          return true;
        }
        const [now] = await db.select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, row.id));
        if (now && now.attempts === row.attempts && (now.status === 'DELIVERED' || now.status === 'FAILED')) {
          // The receiver's acknowledgement overtook the answer to our POST and settled the message already.
          log.info({ ...ids, status: now.status }, 'message delivered; its acknowledgement had already arrived');
          return now.status === 'DELIVERED';
        }
        log.warn(ids, 'message delivered, but its claim had passed to another worker; that worker records it');
        return false;
      } catch (error) {
        // Rolled back: the recipient has it, but our record does not say so. Count it as a failed attempt; the resend
        // is stored once by the recipient (same message id) and onDelivered gets another chance.
        log.error({ ...ids, err: describeErrorForLog(error) }, 'recording a delivery failed');
        await recordFailure(row, { permanent: false, error: 'recording the delivery failed' });
        return false;
      }
    } catch (error) {
      // The database is unreachable: the lease runs out and the message is retried then.
      log.error({ ...ids, err: describeErrorForLog(error) }, 'recording a delivery outcome failed');
      return false;
    }
  }

  /**
   * Messages whose acknowledgement did not come in time: each is queued again in a new envelope (and then delivered
   * in order like any queued message), or FAILED once it has been resent `maxResends` times.
   */
  async function resendUnacknowledged(): Promise<number> {
    const due = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'AWAITING_ACKNOWLEDGEMENT'), lte(outbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(outbox.sequence))
      .limit(batchSize);
    const results = await Promise.all(due.map(({ id }) => resendOrFail(id)));
    return results.filter(Boolean).length;
  }

  async function resendOrFail(id: string): Promise<boolean> {
    try {
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(outbox)
          .where(and(eq(outbox.id, id), eq(outbox.status, 'AWAITING_ACKNOWLEDGEMENT'), lte(outbox.nextAttemptAt, sql`now()`)))
          .for('update', { skipLocked: true });
        if (!row) return undefined;
        const kind = acknowledged[row.kind];
        const waited = `${Math.round(acknowledgementTimeoutMs / 60_000)} min`;
        if (row.resends >= maxResends || kind === undefined) {
          const error = `no acknowledgement from the receiver within ${waited} of the last of ${row.resends + 1} sends`;
          const [failed] = await tx
            .update(outbox)
            .set({ status: 'FAILED', lastError: error, nextAttemptAt: sql`now()` })
            .where(eq(outbox.id, row.id))
            .returning();
          await tx.update(outbox).set({ lastError: waitingFor(row.messageId) }).where(successorsOf(tables, row));
          await options.onFailed?.(tx, failed!, { permanent: false, unacknowledged: true, error });
          return { row, failed: true, error };
        }
        const payload = assertResendable(row.kind, await kind.reenvelope(tx, row));
        const note = `no acknowledgement within ${waited}; resent in a new envelope (${row.resends + 1} of at most ${maxResends})`;
        await tx
          .update(outbox)
          .set({ payload, status: 'QUEUED', attempts: 0, resends: row.resends + 1, nextAttemptAt: sql`now()`, lastError: note })
          .where(eq(outbox.id, row.id));
        return { row, failed: false, error: note };
      });
      if (!outcome) return false;
      const fields = { messageId: outcome.row.messageId, destination: outcome.row.destination, kind: outcome.row.kind, resends: outcome.row.resends };
      if (outcome.failed) log.error(fields, 'message FAILED: never acknowledged; later messages for the child wait for it');
      else log.warn(fields, 'message not acknowledged in time; resent in a new envelope');
      return !outcome.failed;
    } catch (error) {
      log.error({ err: describeErrorForLog(error) }, 'resending an unacknowledged message failed');
      return false;
    }
  }

  async function pass(): Promise<{ claimed: number; delivered: number }> {
    const resent = Object.keys(acknowledged).length > 0 ? await resendUnacknowledged() : 0;
    const claimed = await claim();
    // Different children or receivers by construction (one claimable message each), so sending them at once keeps order.
    const results = await Promise.all(claimed.map(deliver));
    return { claimed: claimed.length + resent, delivered: results.filter(Boolean).length };
  }

  let loop: Promise<void> | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  // Set by a wake-up that came during a pass: what woke it may have committed after that pass's claim had looked.
  let woken = false;
  let unsubscribe: (() => void) | undefined;
  // Retries and acknowledgement timeouts this worker set, by when they fall due (to 10 ms): one timer each.
  const dueTimers = new Map<number, ReturnType<typeof setTimeout>>();

  const nudge = () => {
    woken = true;
    wake?.();
  };

  /**
   * Wakes the running worker when a message it deferred falls due, instead of at the poll after that. Only within the
   * longest backoff: an acknowledgement timeout of half an hour is left to the poll, keeping the timers few.
   */
  function wakeIn(ms: number): void {
    if (!loop || stopped || ms > MAX_BACKOFF_MS) return;
    // A few ms late, so the database's clock has passed the due time too.
    const at = Math.ceil((Date.now() + ms + 5) / 10) * 10;
    if (dueTimers.has(at)) return;
    const timer = setTimeout(() => {
      dueTimers.delete(at);
      nudge();
    }, at - Date.now());
    // Never what keeps a process alive.
    timer.unref();
    dueTimers.set(at, timer);
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        resolve();
        return;
      }
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
      unsubscribe = wakeOnQueued(tables, nudge);
      loop = (async () => {
        while (!stopped) {
          woken = false;
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
      unsubscribe?.();
      unsubscribe = undefined;
      for (const timer of dueTimers.values()) clearTimeout(timer);
      dueTimers.clear();
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

/**
 * `HTTP <status> <CODE>`, and for a permanent refusal the receiver's reason too: a person must act on it (our
 * endpoints word reasons by field and rule, never by value). Control characters are dropped, anything shaped like a
 * CPR number is withheld and the length is bounded, as the text ends up in last_error, logs and letter histories.
 */
export function describeRefusal(status: number, body: Record<string, unknown> | undefined, withReason: boolean): string {
  const code = typeof body?.['error'] === 'string' && /^[A-Z_]{1,40}$/.test(body['error']) ? ` ${body['error']}` : '';
  const reason = withReason && typeof body?.['message'] === 'string' ? `: ${sanitiseReason(body['message'])}` : '';
  return `HTTP ${status}${code}${reason}`;
}

export function sanitiseReason(text: string): string {
  return [...text]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, '[number withheld]')
    .slice(0, 400);
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
