/**
 * `npm run bench:start-up`: `npm start` as a person runs it, measured from outside: the time from launching it to
 * the gateway answering /ready (on a fresh data directory, then on a restart), what the program prints as its own
 * start-up time, its RSS idle, and its RSS after each of --runs (3) runs of --seconds (60) at 20 connections of the
 * README's one-child query (growth across the runs would be a leak). Free ports throughout; the database is what
 * `npm start` would use (DATABASE_URL for PostgreSQL). A script, not a test: nothing here is asserted.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { loadOrCreateDevSigningKey } from '@pathway-graph/shared/auth/keys';
import { DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, mintToken } from '@pathway-graph/shared/auth/tokens';
import { SUBGRAPHS, SUBGRAPH_NAMES } from '@pathway-graph/shared/registry';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '60' } } });
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = process.env['DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'pathway-start-'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** RSS of a process and everything below it (npm, its shell, node). */
function treeRssMiB(root: number): number {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parent.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // gone
    }
  }
  const inTree = (pid: number): boolean => pid === root || (parent.has(pid) && pid !== 1 && inTree(parent.get(pid)!));
  let kib = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kib / 1024;
}

async function start(): Promise<{ child: ChildProcess; url: string; outsideSeconds: number; printed: string }> {
  const gatewayPort = await freePort();
  const ports: Record<string, string> = { PORT: String(gatewayPort) };
  for (const name of SUBGRAPH_NAMES) ports[`${SUBGRAPHS[name].envPrefix}_PORT`] = String(await freePort());
  const t0 = performance.now();
  // Its own process group, so that stopping it stops npm and the node process below it.
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...ports }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${gatewayPort}/ready`)).ok) break;
    } catch {
      // not yet
    }
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const outsideSeconds = (performance.now() - t0) / 1000;
  for (let i = 0; i < 100 && !/ready in [\d.]+ s/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
  return { child, url: `http://127.0.0.1:${gatewayPort}/graphql`, outsideSeconds, printed: /ready in ([\d.]+ s)/.exec(out)?.[1] ?? '?' };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  // The next start may open the embedded database once the process holding its lock has gone (a lock it left behind
  // is taken over).
  const lock = join(dataDir, 'pglite.lock');
  const holder = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : 0;
  while (holder > 0 && isRunning(holder)) await new Promise((r) => setTimeout(r, 100));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const fresh = await start();
process.stdout.write(`fresh data directory: /ready after ${fresh.outsideSeconds.toFixed(1)} s from outside (the program prints ${fresh.printed})\n`);
await new Promise((r) => setTimeout(r, 5000));
process.stdout.write(`idle RSS: ${treeRssMiB(fresh.child.pid!).toFixed(0)} MiB\n`);
await stop(fresh.child);

const restart = await start();
process.stdout.write(`restart: /ready after ${restart.outsideSeconds.toFixed(1)} s from outside (the program prints ${restart.printed})\n`);
await new Promise((r) => setTimeout(r, 5000));
process.stdout.write(`idle RSS after restart: ${treeRssMiB(restart.child.pid!).toFixed(0)} MiB\n`);

const { privateJwk } = await loadOrCreateDevSigningKey(dataDir);
const { username: _u, description: _d, ...principal } = findDemoUser('caseworker-751')!;
const token = await mintToken(principal, { privateJwk, issuer: DEV_AUTH_ISSUER, audience: DEFAULT_AUTH_AUDIENCE });
const body = JSON.stringify({
  query: 'query($cpr: String!) { childByCpr(cpr: $cpr) { id birthDate knownToMunicipality listedPractice { name } knownToBua screeningTracks { track } ageBand involvedSectors } }',
  variables: { cpr: '120615-4764' },
});
for (let run = 1; run <= Number(args.runs); run++) {
  const result = await autocannon({
    url: restart.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections: 20,
    duration: Number(args.seconds),
  });
  process.stdout.write(
    `run ${run}: ${args.seconds} s at 20 connections, ${result.requests.average.toFixed(1)} rps, ${result.errors + result.non2xx} errors; RSS after ${treeRssMiB(restart.child.pid!).toFixed(0)} MiB\n`,
  );
}
await stop(restart.child);
if (process.env['DATA_DIR'] === undefined) rmSync(dataDir, { recursive: true, force: true });
