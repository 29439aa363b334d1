import { describe, expect, it } from 'vitest';
import { exportKeyJwk, generateMessageKeyPair, parseKeyJwk, SENDER_HEADER, SIGNATURE_HEADER, signMessage, verifyMessageSignature } from './signature.ts';

const body = JSON.stringify({ messageId: 'm', kind: 'letter-receipt', payload: {} });
const route = { sender: 'municipality', receiver: 'general-practice' };

describe('message signatures', () => {
  const { privateKey, publicKey } = generateMessageKeyPair();
  const other = generateMessageKeyPair();

  it('signs exactly the bytes sent, for one sender and one receiver, verifiable with the sender’s public key only', () => {
    const signature = signMessage(body, route, privateKey);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyMessageSignature(Buffer.from(body), signature, route, publicKey)).toBe(true);
    expect(signMessage(Buffer.from(body), route, privateKey)).toBe(signature); // Ed25519 is deterministic
    expect(verifyMessageSignature(Buffer.from(body), signature, route, other.publicKey)).toBe(false);
    expect(verifyMessageSignature(Buffer.from(`${body} `), signature, route, publicKey)).toBe(false);
    // The sender and the receiver are signed: the signature is no good for another sector, or at another receiver.
    expect(verifyMessageSignature(Buffer.from(body), signature, { ...route, sender: 'general-practice' }, publicKey)).toBe(false);
    expect(verifyMessageSignature(Buffer.from(body), signature, { ...route, receiver: 'bua' }, publicKey)).toBe(false);
    expect(verifyMessageSignature(Buffer.from(body), undefined, route, publicKey)).toBe(false);
    expect(verifyMessageSignature(Buffer.from(body), 'A'.repeat(86), route, publicKey)).toBe(false);
    expect(SIGNATURE_HEADER).toBe('x-message-signature');
    expect(SENDER_HEADER).toBe('x-message-sender');
  });

  it('reads keys as Ed25519 JWK, refusing the wrong half or another key type, without echoing the key', () => {
    const privateJwk = exportKeyJwk(privateKey);
    const publicJwk = exportKeyJwk(publicKey);
    expect(JSON.parse(publicJwk)).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
    const reread = parseKeyJwk(privateJwk, 'private');
    expect(typeof reread).not.toBe('string');
    const signature = signMessage(body, route, reread as Exclude<typeof reread, string>);
    expect(verifyMessageSignature(Buffer.from(body), signature, route, parseKeyJwk(publicJwk, 'public') as Exclude<typeof reread, string>)).toBe(true);

    expect(parseKeyJwk(publicJwk, 'private')).toMatch(/is a public key/);
    expect(parseKeyJwk(privateJwk, 'public')).toMatch(/contains the private key/);
    expect(parseKeyJwk('-----BEGIN PRIVATE KEY-----', 'private')).toMatch(/is not JSON/);
    expect(parseKeyJwk(JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' }), 'public')).toMatch(/must be an Ed25519 JWK/);
    const broken = parseKeyJwk(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'short', d: 'secret-material' }), 'private');
    expect(broken).toBe('is not a valid Ed25519 key');
  });
});
