import {
  createTokenVerifier,
  generateSigningKey,
  mintToken,
  type Principal,
  type SigningKey,
  type TokenVerifier,
  type TokenVerifierOptions,
} from '@pathway-graph/shared';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';

/** Tests sign their own tokens with a key made for the test process; no service ever sees the development key. */
export const TEST_ISSUER = 'pathway-graph-test';
export const TEST_AUDIENCE = 'pathway-graph';

let key: Promise<SigningKey> | undefined;
export function testSigningKey(): Promise<SigningKey> {
  key ??= generateSigningKey();
  return key;
}

export async function testVerifierOptions(): Promise<TokenVerifierOptions> {
  return { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, jwks: { keys: (await testSigningKey()).publicJwks } };
}

export async function testVerifier(): Promise<TokenVerifier> {
  return createTokenVerifier(await testVerifierOptions());
}

/** A valid token for `principal` (or a demo user by username), as the identity provider would issue it. */
export async function tokenFor(who: string | Principal, options: { expiresIn?: string; now?: Date } = {}): Promise<string> {
  const principal = typeof who === 'string' ? findDemoUser(who) : who;
  if (!principal) throw new Error(`No demo user named ${String(who)}`);
  const { privateJwk } = await testSigningKey();
  return mintToken(principal, { privateJwk, issuer: TEST_ISSUER, audience: TEST_AUDIENCE, ...options });
}

/** Request headers of a demo user, optionally with a stated purpose of use. */
export async function as(who: string | Principal, purpose?: string): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await tokenFor(who)}`,
    ...(purpose ? { 'x-purpose-of-use': purpose } : {}),
  };
}
