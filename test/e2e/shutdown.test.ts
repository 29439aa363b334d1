/**
 * The gateway's own process (`gateway/src/main.ts`, as an operator runs it in front of the subgraphs) stopped with
 * SIGTERM after load: a request still in flight is answered in full, one that never could be is cut off at the end of
 * the grace period, the process exits with 0, and the spans of its last requests reach the trace collector (the
 * tracer provider is flushed on exit; its batch would otherwise wait far longer than the process).
 *
 * Both requests are in flight in the one process when it is stopped: each shutdown is a whole gateway start, and
 * one start shows both (the drained request is answered although another still holds the grace period open).
 * The gateway keeps no database, so the subgraphs behind it run on the first backend only: a PostgreSQL run would
 * start a second system to show the gateway doing the same.
 */
import { CONFIG_VARIABLES, SUBGRAPH_NAMES, SUBGRAPHS } from '@pathway-graph/shared';
import { readmeExamples } from '@pathway-graph/gateway/ide/readme-examples';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, TEST_AUDIENCE, TEST_ISSUER, testSigningKey } from '../support/auth.ts';
import { backends, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const [FIRST_QUERY] = readmeExamples(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** The trace id of a request's `traceparent`, which the gateway passes on to the subgraphs it calls. */
const traceOf = (req: IncomingMessage) => /^00-([0-9a-f]{32})-/.exec(String(req.headers['traceparent'] ?? ''))?.[1];

/** Forwards to `target`; the calls of a held trace wait until it is released (a subgraph that is slow for them). */
function holdingProxy(target: string) {
  const holds = new Map<string, { waiting: (() => void)[]; arrived: () => void }>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const forward = () => {
      const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    const hold = holds.get(traceOf(req) ?? '');
    if (!hold) return forward();
    hold.waiting.push(forward);
    hold.arrived();
  });
  return {
    server,
    /** Holds the subgraph calls of trace `traceId`: `arrived` resolves at the first, `release` lets them all through. */
    hold(traceId: string) {
      let arrived: () => void = () => {};
      const first = new Promise<void>((resolve) => (arrived = resolve));
      const hold = { waiting: [] as (() => void)[], arrived };
      holds.set(traceId, hold);
      return {
        arrived: first,
        release: () => {
          holds.delete(traceId);
          for (const forward of hold.waiting.splice(0)) forward();
        },
      };
    },
    releaseAll: () => {
      for (const [traceId, hold] of [...holds]) {
        holds.delete(traceId);
        for (const forward of hold.waiting.splice(0)) forward();
      }
    },
  };
}

interface Gateway {
  process: ChildProcess;
  url: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Resolves once the gateway has logged that it is shutting down. */
  shuttingDown: Promise<void>;
  /** What it logged so far, for a failure's message. */
  output(): string;
}

async function startGatewayProcess(env: Record<string, string>): Promise<Gateway> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.includes(name) && !name.startsWith('OTEL_')));
  const child = spawn(TSX, ['gateway/src/main.ts'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let lines = '';
  let onShutdown: () => void = () => {};
  const shuttingDown = new Promise<void>((resolve) => (onShutdown = resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      lines += chunk.toString();
      for (const line of lines.split('\n')) {
        const port = /"port":(\d+).*"msg":"gateway listening"/.exec(line)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}/graphql`);
        if (line.includes('"msg":"shutting down"')) onShutdown();
      }
    });
    void exited.then((code) => reject(new Error(`the gateway exited with ${code} before it listened: ${stderr}`)));
  });
  return { process: child, url, exited, shuttingDown, output: () => `${lines}\n${stderr}` };
}

describe('the gateway process stopped with SIGTERM after load', () => {
  let t: TestSystem;
  let jwks: Server;
  let collector: Server;
  let collectorUrl: string;
  let jwksUrl: string;
  const received: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'pathway-shutdown-'));
  let proxy: ReturnType<typeof holdingProxy>;
  let proxyUrl: string;

  beforeAll(async () => {
    t = await startTestSystem(backends[0]!);
    const { publicJwks } = await testSigningKey();
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(publicJwks)));
    jwksUrl = `${await listen(jwks)}/jwks.json`;
    // An OTLP/HTTP collector that keeps what it is sent.
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    collectorUrl = await listen(collector);
    proxy = holdingProxy(new URL(t.system.subgraphs.screening.url).origin);
    proxyUrl = await listen(proxy.server);
  }, 600_000);
  afterAll(async () => {
    proxy?.releaseAll();
    await Promise.all([jwks, collector, proxy?.server].filter(Boolean).map((s) => close(s!)));
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const gatewayEnv = () => ({
    PORT: '0',
    DATA_DIR: scratch,
    LOG_LEVEL: 'info',
    GRAPHQL_IDE: 'false',
    CHILD_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_URL: jwksUrl,
    // Screening through the proxy, which the test can make slow; the others straight.
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${SUBGRAPHS[name].envPrefix}_URL`, name === 'screening' ? `${proxyUrl}/graphql` : t.system.subgraphs[name].url])),
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
    // The batch is sent only when the provider is flushed: what arrives was flushed on exit.
    OTEL_BSP_SCHEDULE_DELAY: '3600000',
  });

  const ask = async (url: string, traceId: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await as(FIRST_QUERY!.user!)), traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: FIRST_QUERY!.query, variables: FIRST_QUERY!.variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] } };
  };

  const newTraceId = () => randomBytes(16).toString('hex');

  it('answers the request in flight in full, cuts off one that outlasts the grace period, exits with 0, and flushes the traces of its last requests', async () => {
    const gateway = await startGatewayProcess(gatewayEnv());
    try {
      // Load first: requests at once leave several keep-alive connections open from the client and to the subgraphs.
      const load = await Promise.all(Array.from({ length: 4 }, () => ask(gateway.url, newTraceId())));
      expect(load.map((r) => r.status), gateway.output()).toEqual(load.map(() => 200));
      expect(load.flatMap((r) => r.body.errors ?? [])).toEqual([]);

      const drainedTrace = newTraceId();
      const stuckTrace = newTraceId();
      const drained = proxy.hold(drainedTrace);
      // Its subgraph call is never released: only the grace period ends it.
      const stuck = proxy.hold(stuckTrace);
      const inFlight = ask(gateway.url, drainedTrace);
      const outlasting = ask(gateway.url, stuckTrace).then(
        () => 'answered',
        () => 'connection closed',
      );
      await Promise.all([drained.arrived, stuck.arrived]);
      gateway.process.kill('SIGTERM');
      await gateway.shuttingDown;
      drained.release();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(Object.values(answer.body.data?.['childByCpr'] as Record<string, unknown>).every((v) => v !== null)).toBe(true);
      expect(await gateway.exited, gateway.output()).toBe(0);
      expect(await outlasting).toBe('connection closed');
      expect(received.join('\n')).toContain(drainedTrace);
    } finally {
      proxy.releaseAll();
      gateway.process.kill('SIGKILL');
    }
  }, 300_000);
});
