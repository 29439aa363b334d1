import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { startHttpService } from './http.ts';
import { createLogger } from './logger.ts';
import { assertPortsFree, describeStartupFailure, StartupError } from './startup.ts';

// drizzle's migrator wants a journal; an empty one migrates nothing.
const EMPTY_MIGRATIONS = mkdtempSync(join(tmpdir(), 'pathway-no-migrations-'));
mkdirSync(join(EMPTY_MIGRATIONS, 'meta'));
writeFileSync(join(EMPTY_MIGRATIONS, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }));
afterAll(() => rmSync(EMPTY_MIGRATIONS, { recursive: true, force: true }));

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '0.0.0.0', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('a port that is in use', () => {
  it('is found before anything opens, every taken one in one list, naming each service’s setting', async () => {
    const error = await assertPortsFree([
      { service: 'gateway', port: busyPort },
      { service: 'bua', port: busyPort },
      { service: 'screening', port: 0 },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      `PORT: port ${busyPort} is already in use; stop what listens there (an \`npm start\` still running?) or set PORT to a free port`,
      `BUA_PORT: port ${busyPort} is already in use; stop what listens there (an \`npm start\` still running?) or set BUA_PORT to a free port`,
    ]);
  });

  it('taken after that check still stops the service with its setting named, and releases what it opened', async () => {
    let closed = false;
    const error = await startHttpService({
      name: 'municipality',
      port: busyPort,
      log: createLogger('municipality', 'silent'),
      // Built by Apollo's own graphql (CommonJS), as every subgraph's schema is.
      apollo: { schema: buildSubgraphSchema({ typeDefs: parse('type Query { ok: Boolean }') }) },
      context: async (base) => base,
      verifier: { verify: () => Promise.reject(new Error('not called')) },
      ready: async () => {},
      onClose: async () => {
        closed = true;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ setting: 'MUNICIPALITY_PORT', message: expect.stringMatching(new RegExp(`^MUNICIPALITY_PORT: port ${busyPort} is already in use;`)) });
    expect(closed).toBe(true);
  });
});

describe('a database that cannot be reached', () => {
  it('is named by the setting its URL came from, without the password', async () => {
    const error = await openDatabase({
      target: { kind: 'postgres', url: 'postgres://someone:hunter2@127.0.0.1:1/sector', setting: 'BUA_DATABASE_URL' },
      pgSchema: 'bua',
      migrationsFolder: '/nonexistent',
      schema: {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).message).toBe(
      'BUA_DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1/sector (connection refused); check the host and port in BUA_DATABASE_URL, and that the server is running and accepts connections',
    );
  });
});

describe('an embedded database another process has open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const open = (dataDir: string) => openDatabase({ target: { kind: 'pglite', dataDir }, pgSchema: 'lock_test', migrationsFolder: EMPTY_MIGRATIONS, schema: {} });

  it('is not opened a second time: the service says which process holds it', async () => {
    // The test runner's own parent: a process that is certainly running.
    writeFileSync(join(dir, 'held.lock'), String(process.ppid));
    const error = await open(join(dir, 'held')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).message).toBe(
      `DATA_DIR: the embedded database in ${join(dir, 'held')} is in use by process ${process.ppid} (\`npm start\`, or a subgraph started alone); stop it, or give this service another DATA_DIR or a database URL`,
    );
  });

  it('is taken over from a process that ended without letting go, and let go on close', async () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'stale.lock'), ended.stdout);
    const database = await open(join(dir, 'stale'));
    expect(readFileSync(join(dir, 'stale.lock'), 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(existsSync(join(dir, 'stale.lock'))).toBe(false);
  });
});

describe('a failed start', () => {
  it('is one line for one problem, a list for several, and left to its stack trace when it is a bug', () => {
    expect(describeStartupFailure('bua', new StartupError('BUA_PORT: port 1 is already in use'))).toEqual(['bua cannot start: BUA_PORT: port 1 is already in use']);
    expect(describeStartupFailure('bua', new ConfigError(['A: wrong', 'B: missing']))).toEqual(['bua cannot start; fix these 2 settings:', '  - A: wrong', '  - B: missing']);
    expect(describeStartupFailure('bua', new TypeError('undefined is not a function'))).toBeUndefined();
  });
});
