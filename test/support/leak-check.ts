/**
 * Set-up file of the shared-module-graph system project (vitest.config.ts): a worker there runs many files one after
 * another, so whatever one file leaves behind (a listening server, a listener on `process`) would live on into the
 * next and make its result depend on the order. After each file's own hooks, this fails the file that left a server
 * listening or a `process` listener more than it found. LEAK_REPORT=<file> also appends one JSON line per file (the
 * worker's RSS and the resources it holds) to see memory across a worker's files.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { appendFileSync } from 'node:fs';

const EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection', 'warning'] as const;

interface Snapshot {
  listeners: Record<string, number>;
  resources: Record<string, number>;
}

function snapshot(): Snapshot {
  const resources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
  return { listeners: Object.fromEntries(EVENTS.map((event) => [event, process.listenerCount(event)])), resources };
}

let before: Snapshot;

beforeAll(() => {
  before = snapshot();
});

// Registered before the file's own hooks, so with Vitest's default hook order ('stack') it runs after them.
afterAll(async () => {
  // A closed server's handle goes at the next turn of the event loop, not in close()'s callback.
  await new Promise((resolve) => setImmediate(resolve));
  const after = snapshot();
  const report = process.env['LEAK_REPORT'];
  if (report) {
    const file = expect.getState().testPath ?? '?';
    appendFileSync(report, `${JSON.stringify({ pid: process.pid, file, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), before, after })}\n`);
  }
  const left = EVENTS.filter((event) => after.listeners[event]! > before.listeners[event]!).map(
    (event) => `${after.listeners[event]! - before.listeners[event]!} process '${event}' listener(s)`,
  );
  const servers = (after.resources['TCPServerWrap'] ?? 0) - (before.resources['TCPServerWrap'] ?? 0);
  if (servers > 0) left.push(`${servers} listening server(s)`);
  if (left.length > 0) throw new Error(`this file left ${left.join(', ')} for the next file in its worker`);
});
