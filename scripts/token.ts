/**
 * `npm run token -- <demo-user>`: a development token for one of the demo users, and nothing else on stdout, so that
 * `TOKEN=$(npm run -s token -- gp-107510)` works. `--list` shows the demo users; `--expires-in 15m` shortens the life.
 */
import { parseArgs } from 'node:util';
import { DEMO_USERS, findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { dataDirFrom } from '@pathway-graph/shared/config';
import { loadOrCreateDevSigningKey } from '@pathway-graph/shared/auth/keys';
import { DEFAULT_AUTH_AUDIENCE, DEV_AUTH_ISSUER, durationSeconds, mintToken } from '@pathway-graph/shared/auth/tokens';

const USAGE = 'Usage: npm run -s token -- <demo-user> [--expires-in 15m]   |   npm run token -- --list';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function listing(): string {
  return table([
    ['USERNAME', 'ROLE', 'SECTOR', 'ORGANISATION', 'DESCRIPTION'],
    ...DEMO_USERS.map((u) => [u.username, u.roles.join(','), u.sector, u.organisation, u.description]),
  ]);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        list: { type: 'boolean', short: 'l' },
        'expires-in': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;

  if (values.help) {
    console.log(`${USAGE}\n\n${listing()}`);
    return;
  }
  if (values.list) {
    console.log(listing());
    return;
  }

  // The production keys belong to the identity provider; a token from this dev key would be refused there, and a
  // deployment that trusted it would let anyone who can run this script act as anyone.
  if (process.env['AUTH_JWKS_URL']) {
    fail(
      'AUTH_JWKS_URL is set, so services verify tokens from that identity provider and would refuse tokens minted here.\n' +
        'This command only mints development tokens with the local key in DATA_DIR; get a token from the identity provider instead.',
    );
  }
  if (process.env['NODE_ENV'] === 'production') {
    fail('NODE_ENV=production: this command only mints development tokens for synthetic demo users and is refused in production.');
  }

  const username = positionals[0];
  if (!username || positionals.length > 1) fail(`${USAGE}\nDemo users: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  const user = findDemoUser(username);
  if (!user) {
    fail(`Unknown demo user "${username}". Valid usernames:\n  ${DEMO_USERS.map((u) => u.username).join('\n  ')}\n(npm run token -- --list describes them)`);
  }

  const expiresIn = values['expires-in'] ?? '8h';
  try {
    durationSeconds(expiresIn);
  } catch (error) {
    fail((error as Error).message);
  }

  // The same data directory every service uses, whichever folder this runs in.
  const { privateJwk } = await loadOrCreateDevSigningKey(dataDirFrom(process.env));
  const { username: _username, description: _description, ...principal } = user;
  const token = await mintToken(principal, {
    privateJwk,
    issuer: process.env['AUTH_ISSUER'] || DEV_AUTH_ISSUER,
    audience: process.env['AUTH_AUDIENCE'] || DEFAULT_AUTH_AUDIENCE,
    expiresIn,
  });
  process.stdout.write(`${token}\n`);
  // Only for a person looking at a terminal; a captured stdout stays just the token.
  if (process.stdout.isTTY) console.error(`(${user.username}: ${user.roles.join(', ')}, ${user.sector} ${user.organisation}; expires in ${expiresIn})`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
