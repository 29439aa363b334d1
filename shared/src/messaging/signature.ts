import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Message signatures: Ed25519, one key pair per sending subgraph. The sender signs with its private key; each
 * receiver verifies with the public key of the sector the request says it comes from, so a sector's key can only
 * ever speak for that sector (a compromised GP key cannot pose as the municipality).
 *
 * What is signed: `<sender>\n<receiver>\n<raw body>`. The sender's name binds the key to the x-message-sender
 * header; the receiver's name keeps a message addressed to one sector from being replayed to another that accepts the
 * same kind; the raw bytes are signed because JSON parsed and re-serialised need not match.
 */

/** Header carrying the signature: base64url of the 64-byte Ed25519 signature. */
export const SIGNATURE_HEADER = 'x-message-signature';
/** Header naming the sending subgraph, e.g. `general-practice`. */
export const SENDER_HEADER = 'x-message-sender';

export interface MessageRoute {
  sender: string;
  receiver: string;
}

const signedBytes = (body: string | Buffer, { sender, receiver }: MessageRoute) =>
  Buffer.concat([Buffer.from(`${sender}\n${receiver}\n`, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);

export function signMessage(body: string | Buffer, route: MessageRoute, privateKey: KeyObject): string {
  return sign(null, signedBytes(body, route), privateKey).toString('base64url');
}

export function verifyMessageSignature(body: Buffer, signature: string | undefined, route: MessageRoute, publicKey: KeyObject): boolean {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  try {
    return verify(null, signedBytes(body, route), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

export interface MessageKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateMessageKeyPair(): MessageKeyPair {
  return generateKeyPairSync('ed25519');
}

/**
 * Keys are configured as JWK (RFC 8037: `{"kty":"OKP","crv":"Ed25519","x":...}`, with `"d"` for the private key), one
 * line of JSON that fits an environment variable. Generate a pair with
 *   node -e "const k=require('crypto').generateKeyPairSync('ed25519');console.log(JSON.stringify(k.privateKey.export({format:'jwk'})))"
 * (the public key is the same object without "d").
 */
export function exportKeyJwk(key: KeyObject): string {
  return JSON.stringify(key.export({ format: 'jwk' }));
}

/** The key in a JWK string, or a sentence saying what is wrong with it (never the key material). */
export function parseKeyJwk(text: string, kind: 'private' | 'public'): KeyObject | string {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    return 'is not JSON; give the key as a JWK, e.g. {"kty":"OKP","crv":"Ed25519","x":"..."' + (kind === 'private' ? ',"d":"..."}' : '}');
  }
  if (typeof jwk !== 'object' || jwk === null || (jwk as { kty?: unknown }).kty !== 'OKP' || (jwk as { crv?: unknown }).crv !== 'Ed25519') {
    return 'must be an Ed25519 JWK ("kty":"OKP","crv":"Ed25519")';
  }
  const hasPrivatePart = typeof (jwk as { d?: unknown }).d === 'string';
  if (kind === 'private' && !hasPrivatePart) return 'is a public key; the signing key is the private JWK (with "d")';
  if (kind === 'public' && hasPrivatePart) return 'contains the private key ("d"); give receivers the public JWK only';
  try {
    const key = { key: jwk as JsonWebKey, format: 'jwk' as const };
    return kind === 'private' ? createPrivateKey(key) : createPublicKey(key);
  } catch {
    return 'is not a valid Ed25519 key';
  }
}
