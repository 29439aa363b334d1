import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { SignJWT, importJWK, type JSONWebKeySet } from 'jose';
import { generateSigningKey, type SigningKey } from './keys.ts';
import type { Principal } from './principal.ts';
import { createTokenVerifier, durationSeconds, mintToken, type TokenVerifier } from './tokens.ts';

const issuer = 'pathway-graph-test';
const audience = 'pathway-graph';
const gp: Principal = {
  subject: 'demo:gp-107510',
  displayName: 'Demo GP Aarhus 107510',
  sector: 'GENERAL_PRACTICE',
  organisation: '107510',
  roles: ['GP'],
};

let key: SigningKey;
let otherKey: SigningKey;
let verifier: TokenVerifier;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  verifier = createTokenVerifier({ issuer, audience, jwks: { keys: key.publicJwks } });
});

const mint = (overrides: Partial<Parameters<typeof mintToken>[1]> = {}, principal: Principal = gp) =>
  mintToken(principal, { privateJwk: key.privateJwk, issuer, audience, ...overrides });

/** The refusal, checked to be a 401 UNAUTHENTICATED that does not quote `token`. */
async function refusal(promise: Promise<unknown>, token?: string): Promise<GraphQLError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the token to be refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const graphqlError = error as GraphQLError;
  expect(graphqlError.extensions['code']).toBe('UNAUTHENTICATED');
  expect(graphqlError.extensions['http']).toEqual({ status: 401 });
  if (token) {
    const text = JSON.stringify({ message: graphqlError.message, extensions: graphqlError.extensions });
    for (const part of token.split('.')) if (part.length > 8) expect(text).not.toContain(part);
  }
  return graphqlError;
}

describe('mintToken and verify', () => {
  it('round-trips the principal', async () => {
    const token = await mint();
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual(gp);
  });

  it('writes the agreed claims and the key id', async () => {
    const token = await mint({ now: new Date('2026-05-01T10:00:00Z'), expiresIn: '15m' });
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: key.privateJwk.kid });
    expect(payload).toEqual({
      sub: gp.subject,
      name: gp.displayName,
      sector: 'GENERAL_PRACTICE',
      org: '107510',
      roles: ['GP'],
      iss: issuer,
      aud: audience,
      iat: Date.parse('2026-05-01T10:00:00Z') / 1000,
      exp: Date.parse('2026-05-01T10:15:00Z') / 1000,
    });
  });

  it('accepts the scheme in any case and surrounding whitespace', async () => {
    const token = await mint();
    await expect(verifier.verify(`  bearer   ${token} `)).resolves.toEqual(gp);
  });

  it('refuses to mint a token no verifier would accept', async () => {
    await expect(mint({}, { ...gp, organisation: '1234567' })).rejects.toThrow(/ydernummer/);
  });

  it('parses lifetimes', () => {
    expect(durationSeconds('30s')).toBe(30);
    expect(durationSeconds('15m')).toBe(900);
    expect(durationSeconds('8h')).toBe(28_800);
    expect(durationSeconds('1d')).toBe(86_400);
    expect(durationSeconds(60)).toBe(60);
    for (const bad of ['0m', '15', '1w', '-5m', 'soon', 0, 1.5]) expect(() => durationSeconds(bad)).toThrow(/30s, 15m, 8h or 1d/);
  });
});

describe('verified tokens are kept for their lifetime', () => {
  it('verifies a token once: later requests with it get the same (frozen) principal', async () => {
    const token = await mint();
    const first = await verifier.verify(`Bearer ${token}`);
    const second = await verifier.verify(`bearer  ${token} `);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.roles)).toBe(true);
  });

  it('refuses a kept token once it has expired, as a fresh check would', async () => {
    let offsetMs = 0;
    const clocked = createTokenVerifier({ issuer, audience, jwks: { keys: key.publicJwks }, now: () => new Date(Date.now() + offsetMs) });
    const token = await mint({ expiresIn: '15m' });
    await expect(clocked.verify(`Bearer ${token}`)).resolves.toEqual(gp);
    offsetMs = 15 * 60_000 + 2_000;
    await expect(clocked.verify(`Bearer ${token}`)).resolves.toEqual(gp);
    offsetMs = 16 * 60_000;
    const error = await refusal(clocked.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/^The token expired at .*; get a new one$/);
  });

  it('keeps no refused token: a forged one is refused every time', async () => {
    const token = await mint();
    const other = await mint({ privateJwk: otherKey.privateJwk });
    const forged = `${token.split('.').slice(0, 2).join('.')}.${other.split('.')[2]}`;
    await refusal(verifier.verify(`Bearer ${forged}`), forged);
    await refusal(verifier.verify(`Bearer ${forged}`), forged);
    // The genuine token is still accepted.
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual(gp);
  });
});

describe('refusals', () => {
  it('without a header asks the caller to sign in', async () => {
    for (const header of [undefined, '', '   ']) {
      const error = await refusal(verifier.verify(header));
      expect(error.message).toBe('Sign in: send `Authorization: Bearer <token>`');
    }
  });

  it('refuses another scheme, naming it', async () => {
    const error = await refusal(verifier.verify('Basic dXNlcjpwYXNzd29yZA=='), 'dXNlcjpwYXNzd29yZA==');
    expect(error.message).toMatch(/uses the Basic scheme; this API accepts only bearer tokens/);
  });

  it('refuses a bare token without quoting it', async () => {
    const token = await mint();
    const error = await refusal(verifier.verify(token), token);
    expect(error.message).toMatch(/no scheme: send `Authorization: Bearer <token>`/);
  });

  it('refuses "Bearer" alone', async () => {
    const error = await refusal(verifier.verify('Bearer'));
    expect(error.message).toMatch(/no token after "Bearer"/);
  });

  const notAJwt = /^The bearer token is not a well-formed signed JWT/;
  const unverifiable = /^The token's signature cannot be verified with the keys of the configured identity provider; get a token issued by/;
  it.each([
    ['garbage', notAJwt],
    ['a.b', notAJwt],
    ['a.b.c.d.e', notAJwt],
    ['ab!cd.ef.gh', notAJwt],
    ['x'.repeat(20_000) + '.a.b', notAJwt],
    // Well-formed, but its "signature" is the word itself: no key verifies it.
    ['eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', unverifiable],
  ] as const)('refuses a malformed token %#', async (token, expected) => {
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(expected);
  });

  it('refuses an expired token, saying when it expired', async () => {
    const token = await mint({ now: new Date('2026-01-01T08:00:00Z'), expiresIn: '1h' });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toBe('The token expired at 2026-01-01T09:00:00.000Z; get a new one');
  });

  it('refuses a token that expired by a clock moved forward, beyond the tolerance', async () => {
    const token = await mint({ expiresIn: '15m' });
    const at = (ms: number) => createTokenVerifier({ issuer, audience, jwks: { keys: key.publicJwks }, now: () => new Date(Date.now() + ms) });
    await expect(at(15 * 60_000 + 2_000).verify(`Bearer ${token}`)).resolves.toEqual(gp);
    const error = await refusal(at(16 * 60_000).verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/^The token expired at .*; get a new one$/);
  });

  it('refuses a token signed by another key', async () => {
    const token = await mint({ privateJwk: otherKey.privateJwk });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/signature cannot be verified with the keys of the configured identity provider/);
  });

  it('says the key differs, not the issuer, when a token of the expected issuer is signed with another key', async () => {
    const token = await mint({ privateJwk: otherKey.privateJwk });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/names the expected issuer "pathway-graph-test" but was signed with another key; get a new token from the identity provider$/);
    expect(error.message).not.toMatch(/get a token issued by/);
    const development = createTokenVerifier({ issuer, audience, jwks: { keys: key.publicJwks }, otherKeyHint: 'mint it with the same DATA_DIR' });
    const explained = await refusal(development.verify(`Bearer ${token}`), token);
    expect(explained.message).toMatch(/signed with another key; mint it with the same DATA_DIR$/);
  });

  it('tells a token of another issuer, signed with another key, which issuer this API accepts', async () => {
    const token = await mint({ privateJwk: otherKey.privateJwk, issuer: 'someone-else' });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/get a token issued by "pathway-graph-test"$/);
    expect(error.message).not.toContain('someone-else');
  });

  it('refuses a token whose signature was tampered with', async () => {
    const token = await mint();
    const other = await mint({ privateJwk: { ...otherKey.privateJwk, kid: key.privateJwk.kid } });
    const forged = `${token.split('.').slice(0, 2).join('.')}.${other.split('.')[2]}`;
    const error = await refusal(verifier.verify(`Bearer ${forged}`), forged);
    expect(error.message).toMatch(/signature cannot be verified/);
  });

  it('refuses a token for another audience', async () => {
    const token = await mint({ audience: 'another-api' });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toBe('The token is meant for another audience; this API accepts tokens issued for audience "pathway-graph"');
  });

  it('refuses a token from another issuer', async () => {
    const token = await mint({ issuer: 'someone-else' });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toBe('The token comes from another issuer; this API accepts tokens issued by "pathway-graph-test"');
  });

  it('refuses a token without an expiry', async () => {
    const privateKey = await importJWK(key.privateJwk, 'ES256');
    const token = await new SignJWT({ name: 'x', sector: 'REGION', org: 'REGION_MIDTJYLLAND', roles: ['ANALYST'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .setSubject('s')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .sign(privateKey);
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/lacks an expiry/);
  });

  it('refuses a token signed with an algorithm it does not accept', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32).fill(7));
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toBe('The token is signed with HS256, which this API does not accept; it accepts ES256 and RS256');
  });

  it('refuses a correctly signed token whose claims are invalid, with the claim at fault', async () => {
    const privateKey = await importJWK(key.privateJwk, 'ES256');
    const token = await new SignJWT({ name: 'x', sector: 'MUNICIPALITY', org: '101', roles: ['CASEWORKER'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .setSubject('s')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/^The token lacks a valid organisation: for sector MUNICIPALITY/);
    expect(error.extensions['claims']).toEqual(['org']);
  });
});

describe('token lifetime and issue time', () => {
  const signed = async (claims: { iat?: number; exp: number }) => {
    const privateKey = await importJWK(key.privateJwk, 'ES256');
    const jwt = new SignJWT({ name: 'x', sector: 'GENERAL_PRACTICE', org: '107510', roles: ['GP'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .setSubject('s')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime(claims.exp);
    return (claims.iat === undefined ? jwt : jwt.setIssuedAt(claims.iat)).sign(privateKey);
  };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('accepts a token of the longest lifetime (12 hours by default)', async () => {
    const iat = nowSeconds() - 60;
    const token = await signed({ iat, exp: iat + 12 * 3600 });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 's' });
  });

  it('refuses a token valid for longer than the longest lifetime, saying both', async () => {
    const iat = nowSeconds() - 60;
    const token = await signed({ iat, exp: iat + 30 * 86_400 });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toBe(
      'The token is valid for 30 days, longer than the 12 hours this API accepts; get a token with a shorter lifetime from the identity provider',
    );
    expect(error.extensions['reason']).toBe('lifetime');
  });

  it('takes the longest lifetime from its options', async () => {
    const short = createTokenVerifier({ issuer, audience, jwks: { keys: key.publicJwks }, maxLifetimeSeconds: 1800 });
    const iat = nowSeconds();
    const token = await signed({ iat, exp: iat + 3600 });
    const error = await refusal(short.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/^The token is valid for 1 hour, longer than the 30 minutes this API accepts/);
  });

  it('refuses a token issued in the future beyond the clock tolerance', async () => {
    const iat = nowSeconds() + 3600;
    const token = await signed({ iat, exp: iat + 3600 });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/^The token was issued in the future/);
    expect(error.extensions['reason']).toBe('issued-in-future');
  });

  it('accepts a token issued a moment ahead, within the clock tolerance', async () => {
    const iat = nowSeconds() + 2;
    const token = await signed({ iat, exp: iat + 3600 });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 's' });
  });

  it('refuses a token without an issue time', async () => {
    const token = await signed({ exp: nowSeconds() + 3600 });
    const error = await refusal(verifier.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/lacks an issue time/);
  });
});

describe('remote JWKS', () => {
  let server: Server;
  let url: string;
  let jwks: JSONWebKeySet;
  let requests = 0;

  beforeAll(async () => {
    jwks = key.publicJwks;
    server = createServer((req, res) => {
      requests++;
      if (req.url !== '/.well-known/jwks.json') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies with keys fetched from the identity provider, and caches them', async () => {
    const remote = createTokenVerifier({ issuer, audience, jwks: { url: `${url}/.well-known/jwks.json` } });
    const before = requests;
    const token = await mint();
    await expect(remote.verify(`Bearer ${token}`)).resolves.toEqual(gp);
    await expect(remote.verify(`Bearer ${token}`)).resolves.toEqual(gp);
    expect(requests - before).toBe(1);
  });

  it('refuses a token signed by a key the identity provider does not publish', async () => {
    const remote = createTokenVerifier({ issuer, audience, jwks: { url: `${url}/.well-known/jwks.json` } });
    const token = await mint({ privateJwk: otherKey.privateJwk });
    const error = await refusal(remote.verify(`Bearer ${token}`), token);
    expect(error.message).toMatch(/signature cannot be verified/);
  });

  it('answers 503, not 401, when the keys cannot be fetched', async () => {
    const remote = createTokenVerifier({ issuer, audience, jwks: { url: `${url}/missing` } });
    const token = await mint();
    const error = (await remote.verify(`Bearer ${token}`).catch((e: unknown) => e)) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', http: { status: 503 } });
    expect(error.message).toMatch(/signing keys could not be fetched/);
  });
});
