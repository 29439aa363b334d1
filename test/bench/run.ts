/**
 * `npm run bench`: the project's gateway side by side with Hive Gateway (JavaScript planner, and the Rust planner of
 * @graphql-hive/router-runtime), each in its own process in front of the same subgraph process on the same committed
 * supergraph, and the direct-subgraph reference (the sub-requests the project's gateway sends, replayed straight to
 * the subgraphs stage by stage, so the gateways' own cost shows). Every gateway's answer to every query is checked
 * against the others' before anything is timed; in-flight request merging is off everywhere. Load comes from
 * autocannon at each connection count, in interleaved rounds (every gateway once per round), and the table shows the
 * medians: requests per second, p50 and p99 latency, CPU milliseconds per request in the gateway, the subgraph process
 * and (on PostgreSQL) the database server, errors, and RSS. The last line gives the ratios project / Hive Gateway.
 *
 * The database is the one `npm start` would use: embedded PGlite under DATA_DIR (a fresh temporary one when unset,
 * seeded with the demo data), or PostgreSQL with DATABASE_URL (`npm run seed -- --scale region` first for region
 * scale). Options: --duration seconds per measurement (10), --rounds (3), --connections (1,20), --queries,
 * --gateways (project,hive-js,hive-rust,direct). A script, not a test: nothing here is asserted.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { loadSystemConfig } from '@pathway-graph/shared/config';
import { loadOrCreateDevSigningKey } from '@pathway-graph/shared/auth/keys';
import { DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, mintToken } from '@pathway-graph/shared/auth/tokens';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from '@pathway-graph/shared/registry';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,20' },
    queries: { type: 'string', default: 'one-child,page-50,inbox,pathway,worklist' },
    gateways: { type: 'string', default: 'project,hive-js,hive-rust,direct' },
  },
});
const DURATION = Number(args.duration);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = args.connections.split(',').map(Number);

const QUERIES = {
  'one-child': {
    user: 'caseworker-751',
    query:
      'query($cpr: String!) { childByCpr(cpr: $cpr) { id birthDate knownToMunicipality residenceMunicipality { name } listedPractice { name ydernummer } knownToBua buaPatient { registeredOn } screeningTracks { track since } age ageBand involvedSectors withheld { sector reason } synthetic } }',
    variables: { cpr: '120615-4764' },
  },
  'page-50': {
    user: 'caseworker-751',
    query:
      'query { municipality(code: 751) { name children(first: 50) { edges { node { id birthDate knownToMunicipality listedPractice { name } knownToBua buaPatient { registeredOn } screeningTracks { track } age ageBand involvedSectors withheld { sector reason } } } pageInfo { hasNextPage endCursor } } } }',
    variables: {},
  },
  inbox: {
    user: 'caseworker-751',
    query:
      'query { inbox(municipalityCode: 751, first: 50) { edges { node { id messageId subject status receivedAt replyDueOn overdue knownToMunicipality child { id birthDate listedPractice { name } } } } pageInfo { hasNextPage endCursor } } }',
    variables: {},
  },
  // The README's pathway view (agreement section 2) of the same child.
  pathway: {
    user: 'caseworker-751',
    query:
      'query($cpr: String!) { childByCpr(cpr: $cpr) { pathway { currentStep stepBasis { sector kind at rule } treatmentResponsibility { holder startedAt basis } timeline(first: 20) { edges { cursor node { id sector at kind recordStep summary } } pageInfo { hasNextPage endCursor } totalCount } contactPersons { sector status name role } openActions { kind heldBy ownerSector ownerOrganisation dueOn overdue } withheld { sector reason message } } } }',
    variables: { cpr: '120615-4764' },
  },
  // The README's municipality worklist: open actions of every sector, each child with its pathway step.
  worklist: {
    user: 'caseworker-751',
    query:
      'query($department: ReceivingDepartment) { worklist(department: $department, first: 10) { totalCount edges { node { earliestDueOn overdue child { id ageBand pathway { currentStep } } actions { kind subjectId heldBy dueOn overdue } } } pageInfo { hasNextPage endCursor } } }',
    variables: { department: 'CHILDREN_AND_YOUTH' },
  },
} as const;
type QueryName = keyof typeof QUERIES;
const queries = args.queries.split(',') as QueryName[];

type GatewayName = 'project' | 'hive-js' | 'hive-rust' | 'direct';
const wanted = args.gateways.split(',') as GatewayName[];

// ---------------------------------------------------------------------------------------------------------------
// Processes

// On PostgreSQL the data directory is the one `npm run seed` and `npm start` use (DATA_DIR, or the default `.data`):
// it holds the pseudonym secret the seeded children's ids were made with, and a fresh one would make every seeded
// child a stranger to the sectors (their consents unreachable, the answers a fraction of the real work).
const dataDir = process.env['DATA_DIR'] ?? (process.env['DATABASE_URL'] ? loadSystemConfig().gateway.dataDir : mkdtempSync(join(tmpdir(), 'pathway-bench-')));
const ownDataDir = process.env['DATA_DIR'] === undefined && !process.env['DATABASE_URL'];
const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' };
const children: ChildProcess[] = [];
// However the run ends, nothing it started keeps running.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});

function spawnTsx(script: string, extraEnv: Record<string, string>): ChildProcess {
  // BENCH_PROFILE=<dir>: a V8 CPU profile of every process the benchmark starts, written there when it stops.
  const profile = process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(ROOT, script)], { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${script}] ${chunk.toString()}`));
  return child;
}

function firstLine(child: ChildProcess, prefix: string, timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${prefix}" line within ${timeoutMs} ms`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    let found = false;
    lines.on('line', (line) => {
      // Keep draining stdout (the services' logs) after the line is found.
      if (found || !line.startsWith(prefix)) return;
      found = true;
      clearTimeout(timer);
      resolve(line.slice(prefix.length).trim());
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before "${prefix}"`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * user+system CPU milliseconds of a process (Linux /proc; clock ticks of 10 ms); with `reaped`, also that of its
 * children that have exited and been waited for (the postmaster: a backend whose connection closed between two
 * readings moves its CPU there, so the server's sum never goes down).
 */
function cpuMs(pid: number, reaped = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0)) * 10;
  } catch {
    return 0;
  }
}
function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}
/** The PostgreSQL server's processes (the postmaster and its children), when it runs on this machine. */
function postgresPids(postmaster: number | null): number[] {
  if (postmaster === null) return [];
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** The PostgreSQL server's CPU so far: its processes now, and (through the postmaster) those that have exited. */
function postgresCpuMs(): number {
  return postgresPids(postmaster).reduce((sum, pid) => sum + cpuMs(pid, pid === postmaster), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Start everything

const databaseKind = process.env['DATABASE_URL'] ? 'postgres' : 'pglite';
let postmaster: number | null = null;
if (process.env['DATABASE_URL']) {
  const sql = postgres(process.env['DATABASE_URL'], { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ setting: string }[]>`select setting from pg_settings where name = 'data_directory'`;
    postmaster = Number(readFileSync(join(row!.setting, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    postmaster = null; // a server elsewhere: its CPU is not measured
  }
  await sql.end();
}

process.stderr.write(`bench: starting the subgraphs on ${databaseKind} (DATA_DIR ${dataDir})\n`);
const subgraphProcess = spawnTsx('test/bench/subgraphs.ts', {});
const ready = JSON.parse(await firstLine(subgraphProcess, 'BENCH_READY')) as { ports: Record<SubgraphName, number>; seconds: number };
const subgraphUrl = (name: SubgraphName) => `http://127.0.0.1:${ready.ports[name]}/graphql`;
const urlEnv = (urlOf: (name: SubgraphName) => string) => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${SUBGRAPHS[name].envPrefix}_URL`, urlOf(name)]));

interface Gateway {
  name: GatewayName;
  url: string;
  pid: number | null;
}

async function startProjectGateway(urlOf: (name: SubgraphName) => string): Promise<Gateway & { process: ChildProcess }> {
  const port = await freePort();
  const child = spawnTsx('gateway/src/main.ts', { PORT: String(port), ...urlEnv(urlOf) });
  // Its log lines are not read, but they must be drained: once the pipe is full, every log write blocks the gateway
  // (timed as if it were slow, and at the end it could not even log its shutdown, so it never exited).
  child.stdout!.resume();
  await waitReady(`http://127.0.0.1:${port}/ready`);
  return { name: 'project', url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, process: child };
}

async function startHive(planner: 'js' | 'rust'): Promise<Gateway> {
  const child = spawnTsx('test/bench/hive-gateway.ts', { PORT: '0', BENCH_PLANNER: planner, ...urlEnv(subgraphUrl) });
  const { port } = JSON.parse(await firstLine(child, '{', 120_000).then((rest) => `{${rest}`)) as { port: number };
  return { name: planner === 'rust' ? 'hive-rust' : 'hive-js', url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! };
}

const gateways: Gateway[] = [];
if (wanted.includes('project')) gateways.push(await startProjectGateway(subgraphUrl));
for (const planner of ['js', 'rust'] as const) {
  if (!wanted.includes(planner === 'js' ? 'hive-js' : 'hive-rust')) continue;
  try {
    gateways.push(await startHive(planner));
  } catch (error) {
    process.stderr.write(`bench: Hive Gateway with the ${planner} planner did not start (${(error as Error).message}); left out\n`);
  }
}

const { privateJwk } = await loadOrCreateDevSigningKey(dataDir);
const tokens = new Map<string, string>();
for (const q of queries) {
  const user = findDemoUser(QUERIES[q].user)!;
  const { username: _u, description: _d, ...principal } = user;
  tokens.set(q, await mintToken(principal, { privateJwk, issuer: DEV_AUTH_ISSUER, audience: DEFAULT_AUTH_AUDIENCE, expiresIn: '8h' }));
}
const headersFor = (q: QueryName) => ({ 'content-type': 'application/json', authorization: `Bearer ${tokens.get(q)}`, 'x-purpose-of-use': 'CARE_COORDINATION' });
const bodyFor = (q: QueryName) => JSON.stringify({ query: QUERIES[q].query, variables: QUERIES[q].variables });

// ---------------------------------------------------------------------------------------------------------------
// Identical answers first

interface Answer {
  data: unknown;
  errors?: { path?: unknown; extensions?: { code?: unknown } }[];
}
// The same data, and the same set of (path, code) errors: gateways differ in how often they repeat an error and in
// its wording, which is no difference to a client.
const normalise = (a: Answer) =>
  JSON.stringify({ data: a.data, errors: [...new Set((a.errors ?? []).map((e) => `${JSON.stringify(e.path)} ${String(e.extensions?.code)}`))].sort() });

const answerSizes = new Map<QueryName, string>();
const excluded: string[] = [];
/** `query|gateway` pairs not timed, because that gateway's answer differs. */
const leftOut = new Set<string>();
/** Where two answers first differ, with a little of each around it. */
function difference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `…${a.slice(from, i + 160)}… where the other has …${b.slice(from, i + 160)}…`;
}
for (const q of queries) {
  const answers = await Promise.all(
    gateways.map(async (g) => (await (await fetch(g.url, { method: 'POST', headers: headersFor(q), body: bodyFor(q) })).json()) as Answer),
  );
  const reference = normalise(answers[0]!);
  for (const [i, answer] of answers.entries()) {
    if (normalise(answer) !== reference) {
      // A gateway that answers differently is not timed: its figures would be for other work.
      const text = `${gateways[i]!.name} answers ${q} differently from ${gateways[0]!.name}, so it is left out: ${difference(normalise(answer), reference)}`;
      process.stderr.write(`bench: ${text}\n`);
      excluded.push(text);
      leftOut.add(`${q}|${gateways[i]!.name}`);
    }
  }

  const errors = answers[0]!.errors?.length ?? 0;
  answerSizes.set(q, `${reference.length.toLocaleString('en')} bytes, ${errors} errors in the answer`);
  process.stderr.write(`bench: ${q}: every gateway gives the same answer (${answerSizes.get(q)})\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// The direct-subgraph reference: record what the project's gateway sends, replay it stage by stage

interface SubRequest {
  url: string;
  body: string;
  start: number;
  end: number;
}
const plans = new Map<QueryName, SubRequest[][]>();
if (wanted.includes('direct')) {
  const recorded: SubRequest[] = [];
  const proxies = await Promise.all(
    SUBGRAPH_NAMES.map(
      (name) =>
        new Promise<{ name: SubgraphName; port: number; close: () => void }>((resolve) => {
          const server = createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
              const body = Buffer.concat(chunks).toString();
              const entry: SubRequest = { url: subgraphUrl(name), body, start: performance.now(), end: 0 };
              const upstream = httpRequest(new URL(req.url ?? '/', subgraphUrl(name)), { method: req.method, headers: req.headers }, (up) => {
                res.writeHead(up.statusCode ?? 502, up.headers);
                up.pipe(res);
                up.on('end', () => {
                  entry.end = performance.now();
                  if (req.url?.endsWith('/graphql')) recorded.push(entry);
                });
              });
              upstream.end(body);
            });
          });
          server.listen(0, '127.0.0.1', () => resolve({ name, port: (server.address() as { port: number }).port, close: () => server.close() }));
        }),
    ),
  );
  const proxyPort = new Map(proxies.map((p) => [p.name, p.port]));
  const recorder = await startProjectGateway((name) => `http://127.0.0.1:${proxyPort.get(name)}/graphql`);
  for (const q of queries) {
    // The second run, with the plan cached, is the one recorded.
    await fetch(recorder.url, { method: 'POST', headers: headersFor(q), body: bodyFor(q) });
    recorded.length = 0;
    await fetch(recorder.url, { method: 'POST', headers: headersFor(q), body: bodyFor(q) });
    const sorted = [...recorded].sort((a, b) => a.start - b.start);
    const stages: SubRequest[][] = [];
    for (const r of sorted) {
      const current = stages.at(-1);
      // A request that began before every request of the current stage ended ran alongside them.
      if (current && r.start < Math.min(...current.map((c) => c.end))) current.push(r);
      else stages.push([r]);
    }
    plans.set(q, stages);
    process.stderr.write(`bench: ${q}: ${sorted.length} sub-requests in ${stages.length} stages (${stages.map((s) => s.length).join('+')})\n`);
  }
  recorder.process.kill('SIGTERM');
  for (const p of proxies) p.close();
  gateways.push({ name: 'direct', url: '', pid: null });
}

// ---------------------------------------------------------------------------------------------------------------
// Load

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  gatewayCpu: number | null;
  subgraphCpu: number;
  postgresCpu: number | null;
  errors: number;
  gatewayRss: number | null;
  subgraphRss: number;
}

async function loadDirect(q: QueryName, connections: number): Promise<{ requests: number; latencies: number[]; errors: number }> {
  const stages = plans.get(q)!;
  const headers = headersFor(q);
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          for (const stage of stages) {
            await Promise.all(
              stage.map(async (r) => {
                const res = await fetch(r.url, { method: 'POST', headers, body: r.body });
                await res.arrayBuffer();
                if (!res.ok) errors += 1;
              }),
            );
          }
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, latencies, errors };
}

async function measure(g: Gateway, q: QueryName, connections: number): Promise<Sample> {
  const before = { gateway: g.pid ? cpuMs(g.pid) : 0, subgraph: cpuMs(subgraphProcess.pid!), pg: postgresCpuMs() };
  let requests: number;
  let p50: number;
  let p99: number;
  let errors: number;
  let seconds: number;
  if (g.name === 'direct') {
    const t0 = performance.now();
    const result = await loadDirect(q, connections);
    seconds = (performance.now() - t0) / 1000;
    requests = result.requests;
    const at = (p: number) => result.latencies[Math.min(result.latencies.length - 1, Math.floor((p / 100) * result.latencies.length))] ?? NaN;
    [p50, p99, errors] = [at(50), at(99), result.errors];
  } else {
    const result = await autocannon({ url: g.url, method: 'POST', headers: headersFor(q), body: bodyFor(q), connections, duration: DURATION, timeout: 30 });
    seconds = result.duration;
    requests = result.requests.total;
    [p50, p99, errors] = [result.latency.p50, result.latency.p99, result.errors + result.non2xx];
  }
  const after = { gateway: g.pid ? cpuMs(g.pid) : 0, subgraph: cpuMs(subgraphProcess.pid!), pg: postgresCpuMs() };
  const per = (ms: number) => (requests > 0 ? ms / requests : NaN);
  return {
    rps: requests / seconds,
    p50,
    p99,
    gatewayCpu: g.pid ? per(after.gateway - before.gateway) : null,
    subgraphCpu: per(after.subgraph - before.subgraph),
    postgresCpu: postmaster === null ? null : per(after.pg - before.pg),
    errors,
    gatewayRss: g.pid ? rssMiB(g.pid) : null,
    subgraphRss: rssMiB(subgraphProcess.pid!),
  };
}

// Warm up every gateway on every query (JIT, query plans, connection pools).
for (const q of queries) for (const g of gateways) if (g.name !== 'direct' && !leftOut.has(`${q}|${g.name}`)) await autocannon({ url: g.url, method: 'POST', headers: headersFor(q), body: bodyFor(q), connections: 4, amount: 40 });

const samples = new Map<string, Sample[]>();
const key = (q: QueryName, c: number, g: GatewayName) => `${q}|${c}|${g}`;
for (let round = 1; round <= ROUNDS; round++) {
  for (const q of queries) {
    for (const c of CONNECTIONS) {
      for (const g of gateways) {
        if (leftOut.has(`${q}|${g.name}`)) continue;
        const sample = await measure(g, q, c);
        samples.set(key(q, c, g.name), [...(samples.get(key(q, c, g.name)) ?? []), sample]);
        process.stderr.write(`bench: round ${round}/${ROUNDS} ${q} c=${c} ${g.name}: ${sample.rps.toFixed(1)} rps, p50 ${sample.p50.toFixed(1)} ms\n`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const median = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};
const fmt = (x: number | null, digits = 1) => (x === null ? '-' : x.toFixed(digits));
const header = ['query', 'conn', 'gateway', 'rps', 'p50 ms', 'p99 ms', 'gw cpu ms/req', 'subgraph cpu ms/req', 'pg cpu ms/req', 'errors', 'gw rss MiB', 'subgraph rss MiB'];
const rows: string[][] = [header];
for (const q of queries) {
  for (const c of CONNECTIONS) {
    for (const g of gateways) {
      if (leftOut.has(`${q}|${g.name}`)) continue;
      const s = samples.get(key(q, c, g.name)) ?? [];
      const m = (f: (x: Sample) => number | null) => median(s.map(f));
      rows.push([
        q,
        String(c),
        g.name,
        fmt(m((x) => x.rps)),
        fmt(m((x) => x.p50)),
        fmt(m((x) => x.p99)),
        fmt(m((x) => x.gatewayCpu), 2),
        fmt(m((x) => x.subgraphCpu), 2),
        fmt(m((x) => x.postgresCpu), 2),
        String(s.reduce((n, x) => n + x.errors, 0)),
        fmt(m((x) => x.gatewayRss), 0),
        fmt(m((x) => x.subgraphRss), 0),
      ]);
    }
  }
}
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const rowCount = await childCount();
process.stdout.write(
  `\npathway-graph benchmark on ${databaseKind}${rowCount === null ? '' : ` (${rowCount.toLocaleString('en')} children)`}: ${ROUNDS} interleaved rounds of ${DURATION} s, medians; subgraphs ready in ${ready.seconds.toFixed(1)} s\n` +
    `${queries.map((q) => `  ${q}: ${answerSizes.get(q)}${plans.get(q) ? `; ${plans.get(q)!.flat().length} sub-requests in ${plans.get(q)!.length} stages` : ''}`).join('\n')}\n\n` +
    rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n') +
    '\n\n' +
    excluded.map((e) => `Left out: ${e}\n`).join(''),
);
const ratios: string[] = [];
for (const hive of ['hive-js', 'hive-rust'] as const) {
  if (!gateways.some((g) => g.name === hive) || !gateways.some((g) => g.name === 'project')) continue;
  const parts: string[] = [];
  for (const q of queries) {
    for (const c of CONNECTIONS) {
      const rps = (g: GatewayName) => median((samples.get(key(q, c, g)) ?? []).map((x) => x.rps));
      const cpu = (g: GatewayName) => median((samples.get(key(q, c, g)) ?? []).map((x) => x.gatewayCpu));
      const [a, b, x, y] = [rps('project'), rps(hive), cpu('project'), cpu(hive)];
      // A gateway none of whose requests finished has no ratio (not an infinite one).
      if (a === null || b === null || x === null || y === null || b === 0 || y === 0) continue;
      parts.push(`${q}@${c} rps ${(a / b).toFixed(2)} gateway cpu/req ${(x / y).toFixed(2)}`);
    }
  }
  ratios.push(`project/${hive}: ${parts.length > 0 ? parts.join(', ') : 'no query answered alike'}`);
}
process.stdout.write(`ratios ${ratios.join('; ')}\n`);

async function childCount(): Promise<number | null> {
  if (!process.env['DATABASE_URL']) return null;
  const sql = postgres(process.env['DATABASE_URL'], { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from municipality.children`;
    return row?.n ?? null;
  } finally {
    await sql.end();
  }
}

for (const child of children) child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1000));
if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
