import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterCommit } from '../db/after-commit.ts';
import type { MessagingTables } from './tables.ts';

/**
 * The delivery workers running in this process, by the outbox they send from: a message queued here is sent at once
 * instead of at the worker's next poll. Polling stays, for what no one here announces (another replica's messages, a
 * claim whose lease ran out, a row changed by hand).
 */
const running = new Map<string, Set<() => void>>();

// By name, not by table object: a sector's tables are module constants, and one process may load a module twice.
function outboxKey(tables: MessagingTables): string {
  const { schema, name } = getTableConfig(tables.outbox);
  return `${schema ?? 'public'}.${name}`;
}

/** Registers a running worker's wake-up for its outbox; the returned function removes it. */
export function wakeOnQueued(tables: MessagingTables, wake: () => void): () => void {
  const key = outboxKey(tables);
  let wakes = running.get(key);
  if (!wakes) running.set(key, (wakes = new Set()));
  wakes.add(wake);
  return () => {
    wakes.delete(wake);
    if (wakes.size === 0 && running.get(key) === wakes) running.delete(key);
  };
}

/**
 * Says that the outbox of `tables` has a message to send now (queued, queued again, or no longer held back), so the
 * workers running here wake once the current transaction has committed. Every worker of that outbox in the process
 * wakes, also one of another system started in the same process: it finds nothing of its own and sleeps again.
 */
export function announceQueued(tables: MessagingTables): void {
  const key = outboxKey(tables);
  afterCommit(() => {
    for (const wake of running.get(key) ?? []) wake();
  });
}
