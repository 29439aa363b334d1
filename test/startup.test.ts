/**
 * Start-up a person can act on: the real commands (each subgraph's main.ts, the gateway's, `npm start`'s launcher)
 * refuse a busy port, an unreachable database, a too-short secret and an unconfigured production with one line (or
 * one list) that names the setting and what to do, and no stack trace.
 *
 * Each kind of failure (a busy port, an unreachable database, a configuration refusal) is shown once per kind of
 * entry point that has it by starting the real command as a person does (a sector subgraph's main.ts, all four being
 * the same one call of runSectorSubgraph; the pathway subgraph's; the gateway's; the launcher's), and for every
 * command in-process, through the same configuration loader, port check, database check and refusal wording
 * (describeStartupFailure) the command runs before it loads its service: a spawned process per command would prove
 * nothing more and cost a start each.
 */
// The start-up modules only, as the commands import them, not the shared index (which loads every service).
import { CONFIG_VARIABLES, loadGatewayConfig, loadPathwayConfig, loadSubgraphConfig, loadSystemConfig, portVariable } from '@pathway-graph/shared/config';
import { sendersTo, sendsMessages } from '@pathway-graph/shared/messaging/contract';
import { SECTOR_SUBGRAPH_NAMES, SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from '@pathway-graph/shared/registry';
import type { DatabaseTarget } from '@pathway-graph/shared/db/database';
import { assertDatabaseReachable, assertDatabasesReachable } from '@pathway-graph/shared/db/reachable';
import { assertPortsFree, describeStartupFailure } from '@pathway-graph/shared/server/startup';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Command {
  service: string;
  entry: string;
}
const COMMANDS: Command[] = [
  ...SUBGRAPH_NAMES.map((name) => ({ service: name, entry: `${SUBGRAPHS[name].folder}/src/main.ts` })),
  { service: 'gateway', entry: 'gateway/src/main.ts' },
  { service: 'pathway-graph', entry: 'scripts/launcher/start.ts' },
];
const WITH_DATABASE = COMMANDS.filter((c) => (SECTOR_SUBGRAPH_NAMES as readonly string[]).includes(c.service) || c.service === 'pathway-graph');
/** One command of each kind of entry point: a sector subgraph (all four run runSectorSubgraph), pathway, gateway, launcher. */
const ENTRY_KINDS = COMMANDS.filter((c) => ['bua', 'pathway', 'gateway', 'pathway-graph'].includes(c.service));

/** Generous: the starts queue up two at a time behind each other, and CI machines are shared. */
const TIMEOUT = 300_000;

const scratch = mkdtempSync(join(tmpdir(), 'pathway-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

/**
 * The environment of a person who set only `settings`: none of this machine's own settings leak in, every port is
 * free (0) unless stated, and each run has a data directory of its own.
 */
function environment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.includes(name)));
  const freePorts = Object.fromEntries(['gateway', ...SUBGRAPH_NAMES].map((service) => [portVariable(service), '0']));
  return { ...inherited, ...freePorts, DATA_DIR: join(scratch, `run-${(runs += 1)}`), SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...settings };
}

interface Exit {
  code: number | null;
  stderr: string;
}

// Two at a time: each start compiles and loads the whole service, and the machine has two cores.
let running = 0;
const waiting: (() => void)[] = [];
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finished run hands its slot straight to the next in line, so no newcomer can slip in between.
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

function run(entry: string, settings: Record<string, string>): Promise<Exit> {
  return inTurn(() => start(entry, settings));
}

function start(entry: string, settings: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [entry], { cwd: ROOT, env: environment(settings), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A command that starts after all would run forever: stop it and let the assertions say so.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Exit code 1, no stack trace, and stderr exactly one line naming `variable` (or a list of `count` such lines). */
function expectReadableRefusal(exit: Exit, service: string, variable: string, count = 1): string {
  expect(exit.code, exit.stderr).toBe(1);
  expect(exit.stderr).not.toMatch(/^\s+at /m);
  const lines = exit.stderr.trimEnd().split('\n');
  if (count === 1) {
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^${service} cannot start: ${variable}: `))]);
  } else {
    expect(lines[0]).toBe(`${service} cannot start; fix these ${count} settings:`);
    expect(lines.slice(1)).toEqual(Array.from({ length: count }, () => expect.stringMatching(/^ {2}- [A-Z_]+: /)));
    expect(lines.some((line) => line.startsWith(`  - ${variable}: `))).toBe(true);
  }
  return exit.stderr;
}

/**
 * What a command does before it loads its service, in this process: read its settings, check its ports, check its
 * sector databases (the launcher: every sector's), and word a refusal as runService prints it.
 */
async function startInProcess(service: string, settings: Record<string, string>): Promise<Exit> {
  const env = environment(settings);
  try {
    if (service === 'pathway-graph') {
      const { gateway, subgraphs } = loadSystemConfig(env);
      await assertPortsFree([{ service: 'gateway', port: gateway.port }, ...SUBGRAPH_NAMES.map((name) => ({ service: name, port: subgraphs[name].port }))]);
      await assertDatabasesReachable(SECTOR_SUBGRAPH_NAMES.map((name): DatabaseTarget => subgraphs[name].database));
    } else if (service === 'gateway') {
      await assertPortsFree([{ service, port: loadGatewayConfig(env).port }]);
    } else if (service === 'pathway') {
      await assertPortsFree([{ service, port: loadPathwayConfig(env).port }]);
    } else {
      const config = loadSubgraphConfig(service as SubgraphName, env);
      await assertPortsFree([{ service, port: config.port }]);
      await assertDatabaseReachable(config.database);
    }
    return { code: 0, stderr: '' };
  } catch (error) {
    const lines = describeStartupFailure(service, error);
    if (!lines) throw error;
    return { code: 1, stderr: `${lines.join('\n')}\n` };
  }
}

/** The cases of one failure mode: the real command for each kind of entry point (or those given), in-process for every command. */
function cases(commands: readonly Command[], spawned: readonly Command[] = ENTRY_KINDS) {
  return [
    ...commands.filter((c) => spawned.includes(c)).map((c) => ({ ...c, how: 'started as a person starts it', exit: (s: Record<string, string>) => run(c.entry, s) })),
    ...commands.map((c) => ({ ...c, how: 'in-process', exit: (s: Record<string, string>) => startInProcess(c.service, s) })),
  ];
}

describe.concurrent('starting a service on a port that is in use', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '0.0.0.0', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it.each(cases(COMMANDS))('$entry ($how) says which port setting to change', async ({ service, exit }) => {
    const variable = service === 'pathway-graph' ? 'PORT' : portVariable(service);
    const stderr = expectReadableRefusal(await exit({ [variable]: String(port) }), service, variable);
    expect(stderr).toContain(`port ${port} is already in use`);
    expect(stderr).toContain(`set ${variable} to a free port`);
  }, TIMEOUT);
});

describe.concurrent('starting a sector subgraph whose database cannot be reached', () => {
  // The pathway subgraph and the gateway keep no database: a sector subgraph and the launcher are the entry kinds here.
  it.each(cases(WITH_DATABASE))('$entry ($how) names the database setting and what to check', async ({ service, exit }) => {
    const stderr = expectReadableRefusal(await exit({ DATABASE_URL: 'postgres://someone:hunter2-secret@127.0.0.1:1/x' }), service, 'DATABASE_URL');
    expect(stderr).toContain('cannot connect to PostgreSQL at 127.0.0.1:1/x (connection refused)');
    expect(stderr).not.toMatch(/someone|hunter2/);
  }, TIMEOUT);
});

describe.concurrent('starting with a too-short pseudonym secret', () => {
  // In-process only: a setting refused by the configuration takes the same path in every command as production's
  // list below, which starts each kind of entry point, and a one-line refusal crosses the process boundary as the
  // busy port's above does in each of them.
  it.each(cases(COMMANDS, []))('$entry ($how) states the minimum length', async ({ service, exit }) => {
    const stderr = expectReadableRefusal(await exit({ CHILD_PSEUDONYM_SECRET: 'dev-secret' }), service, 'CHILD_PSEUDONYM_SECRET');
    expect(stderr).toContain('must be at least 32 characters long, it has 10');
    expect(stderr).not.toContain('dev-secret');
  }, TIMEOUT);
});

/**
 * What production asks of a service: the identity provider and the pseudonym secret, and, for a subgraph the message
 * contract has send or receive, its own signing key and its senders' public keys (npm start runs every subgraph).
 */
function productionRequirements(service: string): string[] {
  const subgraphs: SubgraphName[] = service === 'pathway-graph' ? [...SUBGRAPH_NAMES] : (SUBGRAPH_NAMES as readonly string[]).includes(service) ? [service as SubgraphName] : [];
  const keys = subgraphs.flatMap((name) => [
    ...(sendsMessages(name) ? [`${SUBGRAPHS[name].envPrefix}_MESSAGE_SIGNING_KEY`] : []),
    ...sendersTo(name).map((sender) => `${SUBGRAPHS[sender].envPrefix}_MESSAGE_PUBLIC_KEY`),
  ]);
  return ['AUTH_JWKS_URL', 'CHILD_PSEUDONYM_SECRET', ...new Set(keys)];
}

describe.concurrent('starting in production with nothing configured', () => {
  it.each(cases(COMMANDS))('$entry ($how) lists every missing setting at once', async ({ service, exit }) => {
    const required = productionRequirements(service);
    // Beside the missing settings, the development issuer, which production refuses.
    const stderr = expectReadableRefusal(await exit({ NODE_ENV: 'production' }), service, 'AUTH_JWKS_URL', required.length + 1);
    for (const variable of required) expect(stderr).toContain(`  - ${variable}: required in production`);
    expect(stderr).toContain('  - AUTH_ISSUER: the development issuer "pathway-graph-dev" is refused in production');
  }, TIMEOUT);
});
