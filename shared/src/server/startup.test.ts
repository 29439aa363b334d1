import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { startHttpService } from './http.ts';
import { createLogger } from './logger.ts';
import { assertPortsFree, describeStartupFailure, StartupError } from './startup.ts';

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

describe('a failed start', () => {
  it('is one line for one problem, a list for several, and left to its stack trace when it is a bug', () => {
    expect(describeStartupFailure('bua', new StartupError('BUA_PORT: port 1 is already in use'))).toEqual(['bua cannot start: BUA_PORT: port 1 is already in use']);
    expect(describeStartupFailure('bua', new ConfigError(['A: wrong', 'B: missing']))).toEqual(['bua cannot start; fix these 2 settings:', '  - A: wrong', '  - B: missing']);
    expect(describeStartupFailure('bua', new TypeError('undefined is not a function'))).toBeUndefined();
  });
});
