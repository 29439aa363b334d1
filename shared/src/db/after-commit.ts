import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * Work to do once the data a transaction wrote is visible to everyone, e.g. waking the delivery worker that sends the
 * message the transaction queued. A worker woken before the commit would, on PostgreSQL, look through its own
 * connection, not see the new row and sleep until its next poll.
 */
interface Pending {
  callbacks: (() => void)[];
  settled: boolean;
}

const inTransaction = new AsyncLocalStorage<Pending>();

/**
 * Runs `callback` when the transaction this code runs in has committed, or now when it runs in none (its statements
 * autocommit). Dropped when the transaction rolls back: nothing it wrote exists. Only transactions of databases opened
 * by `openDatabase` are seen; inside any other one the callback runs at once, which is early but harmless for a wake-up.
 */
export function afterCommit(callback: () => void): void {
  const pending = inTransaction.getStore();
  if (pending && !pending.settled) pending.callbacks.push(callback);
  else callback();
}

/**
 * Makes `db.transaction` run the `afterCommit` callbacks of its work once it has committed. Each call opens its own
 * scope, so a transaction begun inside another one's work (on another database) keeps its own callbacks; nested
 * `tx.transaction` savepoints share their outer transaction's, since their writes become visible only with it.
 * Callbacks must not throw: the transaction has committed, and its caller must not be told otherwise.
 */
export function runAfterCommitCallbacks<TSchema extends Record<string, unknown>>(
  db: PgDatabase<PgQueryResultHKT, TSchema>,
): PgDatabase<PgQueryResultHKT, TSchema> {
  const transaction = db.transaction.bind(db);
  const wrapped: typeof db.transaction = async (work, config) => {
    const pending: Pending = { callbacks: [], settled: false };
    try {
      const result = await inTransaction.run(pending, () => transaction(work, config));
      pending.settled = true;
      for (const callback of pending.callbacks) callback();
      return result;
    } finally {
      // Rolled back: the callbacks are dropped, and code it left running no longer waits for a commit.
      pending.settled = true;
    }
  };
  db.transaction = wrapped;
  return db;
}
