import postgres from 'postgres';
import { StartupError } from '../server/startup.ts';
// A type only: this module is what a service loads to check its database before it loads the rest (drizzle, PGlite).
import type { DatabaseTarget } from './database.ts';

/**
 * Fails, with the line a person can act on, when a service's PostgreSQL server cannot be used; an embedded database
 * has nothing to check. A service runs this before it loads its subgraph, so a wrong or unreachable DATABASE_URL is
 * reported within a second instead of after the whole service has been loaded; the real opening, with its migrations,
 * follows as before. It costs one short connection of its own.
 */
export async function assertDatabaseReachable(target: DatabaseTarget): Promise<void> {
  if (target.kind !== 'postgres') return;
  const client = postgres(target.url, { max: 1, onnotice: () => {}, connection: { application_name: 'pathway-graph/start-up-check' } });
  try {
    await client`select 1`;
  } catch (error) {
    throw unreachable(error, target) ?? error;
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}

/**
 * assertDatabaseReachable for several services' databases (`npm start`'s sectors), each server checked once however
 * many sectors share it, all at once; the first refusal in the order given is the one reported.
 */
export async function assertDatabasesReachable(targets: readonly DatabaseTarget[]): Promise<void> {
  const servers = new Map<string, DatabaseTarget>();
  for (const target of targets) if (target.kind === 'postgres' && !servers.has(target.url)) servers.set(target.url, target);
  for (const outcome of await Promise.allSettled([...servers.values()].map(assertDatabaseReachable))) {
    if (outcome.status === 'rejected') throw outcome.reason;
  }
}

const serverRuns = (setting: string) => `the host and port in ${setting}, and that the server is running and accepts connections`;
/** What went wrong, and what to check, for the failures a person can fix (network errors and SQLSTATEs). */
const CONNECTION_FAILURES: Record<string, { reason: string; check: (setting: string) => string }> = {
  ECONNREFUSED: { reason: 'connection refused', check: serverRuns },
  ETIMEDOUT: { reason: 'connection timed out', check: serverRuns },
  CONNECT_TIMEOUT: { reason: 'connection timed out', check: serverRuns },
  ECONNRESET: { reason: 'the server closed the connection', check: serverRuns },
  ENOTFOUND: { reason: 'unknown host', check: (setting) => `the host name in ${setting}` },
  EAI_AGAIN: { reason: 'the host name could not be looked up', check: (setting) => `the host name in ${setting}, and the DNS` },
  EHOSTUNREACH: { reason: 'host unreachable', check: (setting) => `the host in ${setting}, and the network` },
  ENETUNREACH: { reason: 'network unreachable', check: (setting) => `the host in ${setting}, and the network` },
  '28P01': { reason: 'user name or password refused', check: (setting) => `the user and password in ${setting}` },
  '28000': { reason: 'login refused', check: (setting) => `the user in ${setting}, and the server's pg_hba.conf` },
  '3D000': { reason: 'the database does not exist', check: (setting) => `the database name in ${setting}, or create that database` },
};

/**
 * A database that cannot be used as one line naming the setting, what went wrong and what to check, or undefined for
 * anything else. The URL is quoted without user and password; the server's own message is left out (it may quote the
 * user name).
 */
export function unreachable(error: unknown, target: { url: string; setting?: string }): StartupError | undefined {
  let cause: unknown = error;
  while (cause instanceof Error && typeof (cause as { code?: unknown }).code !== 'string' && cause.cause) cause = cause.cause;
  const failure = CONNECTION_FAILURES[String((cause as { code?: unknown } | null)?.code)];
  if (!failure) return undefined;
  let where = 'the configured server';
  try {
    const url = new URL(target.url);
    where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    // An unparsable URL was refused by the configuration already; keep the generic wording.
  }
  const setting = target.setting ?? 'the database URL';
  return new StartupError(`${setting}: cannot connect to PostgreSQL at ${where} (${failure.reason}); check ${failure.check(setting)}`, target.setting);
}
