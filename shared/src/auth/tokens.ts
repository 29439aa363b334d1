import { GraphQLError } from 'graphql';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { ErrorCode, type ErrorDetails } from '../errors.ts';
import { parsePrincipal, principalClaims, type Principal } from './principal.ts';

/** The issuer of development tokens, minted by `npm run token` with the key in DATA_DIR. */
export const DEV_AUTH_ISSUER = 'pathway-graph-dev';
/** The audience every service of this API expects unless AUTH_AUDIENCE says otherwise. */
export const DEFAULT_AUTH_AUDIENCE = 'pathway-graph';

/**
 * The longest lifetime (exp - iat) a token may have unless AUTH_MAX_TOKEN_LIFETIME says otherwise: a working day and
 * then some. A stolen token is only as harmless as it is short-lived, so one minted for weeks is refused outright.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME = '12h';

/** Algorithms a token may be signed with: ES256 for our development keys, RS256 for most identity providers. */
export const ACCEPTED_ALGORITHMS = ['ES256', 'RS256'] as const;

/**
 * UNAUTHENTICATED with HTTP status 401. `unauthenticated()` in errors.ts cannot carry `http` (its details are flat
 * values), and without it Apollo answers a refused sign-in with 200 or 500 instead of 401.
 */
export function authenticationRefused(message: string, details: ErrorDetails = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** The identity provider's keys could not be fetched: our problem, not the caller's, so not a 401. */
function keysUnavailable(cause: unknown): GraphQLError {
  return new GraphQLError("The identity provider's signing keys could not be fetched; try again shortly", {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, http: { status: 503 } },
    originalError: cause instanceof Error ? cause : undefined,
  });
}

export interface MintOptions {
  privateJwk: JWK;
  issuer: string;
  audience: string;
  /** '30s', '15m', '8h', '1d' or a number of seconds. */
  expiresIn?: string | number;
  /** The issue time; tests set it in the past to get an expired token. */
  now?: Date;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Seconds in a duration such as '15m'; throws with the accepted forms for anything else. */
export function durationSeconds(duration: string | number): number {
  if (typeof duration === 'number' && Number.isInteger(duration) && duration > 0) return duration;
  const match = typeof duration === 'string' ? /^(\d+)\s*([smhd])$/.exec(duration.trim()) : null;
  const amount = match ? Number(match[1]) : 0;
  if (!match || amount <= 0) {
    throw new RangeError(`Invalid token lifetime ${JSON.stringify(duration)}: use e.g. 30s, 15m, 8h or 1d`);
  }
  return amount * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** A signed token for `principal`, carrying the claims `parsePrincipal` reads. */
export async function mintToken(principal: Principal, options: MintOptions): Promise<string> {
  const { privateJwk, issuer, audience, expiresIn = '8h', now = new Date() } = options;
  const claims = principalClaims(principal);
  // Refuse here what every verifier would refuse later, where the cause is far harder to see.
  parsePrincipal({ ...claims, sub: principal.subject });
  const alg = privateJwk.alg === 'RS256' ? 'RS256' : 'ES256';
  const key = await importJWK(privateJwk, alg);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'JWT', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setSubject(principal.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + durationSeconds(expiresIn))
    .sign(key);
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** The identity provider's JWKS URL (fetched, cached, refetched for an unknown kid) or a fixed key set. */
  jwks: { url: string } | { keys: JSONWebKeySet };
  clockToleranceSeconds?: number;
  /** The longest lifetime (exp - iat) accepted, in seconds; default DEFAULT_MAX_TOKEN_LIFETIME. */
  maxLifetimeSeconds?: number;
  /** The verifier's clock; tests move it. */
  now?: () => Date;
  /**
   * What to do when a token names the expected issuer but another key signed it, i.e. where this service's keys come
   * from (e.g. the development key of a data directory). Defaults to getting a new token from the identity provider.
   */
  otherKeyHint?: string;
}

export interface TokenVerifier {
  /** The principal of a valid `Authorization: Bearer` header; UNAUTHENTICATED (HTTP 401) otherwise. */
  verify(authorizationHeader: string | undefined): Promise<Principal>;
}

const SIGN_IN = 'send `Authorization: Bearer <token>`';
// Far above any real token; stops a client from making us base64-decode megabytes.
const MAX_TOKEN_LENGTH = 16_384;
// Verified tokens kept per verifier; the oldest goes first beyond this (a few MB at most).
const MAX_CACHED_TOKENS = 10_000;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { issuer, audience, jwks, clockToleranceSeconds = 5, now, otherKeyHint } = options;
  const maxLifetimeSeconds = options.maxLifetimeSeconds ?? durationSeconds(DEFAULT_MAX_TOKEN_LIFETIME);
  const keySet: JWTVerifyGetKey =
    'url' in jwks
      ? createRemoteJWKSet(new URL(jwks.url), {
          // A token with an unknown kid makes jose refetch, at most once per cooldown, so a rotation at the identity
          // provider is picked up without a restart and a flood of forged kids cannot hammer it.
          cooldownDuration: 30_000,
          cacheMaxAge: 10 * 60_000,
          timeoutDuration: 5_000,
        })
      : createLocalJWKSet(jwks.keys);

  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw keysUnavailable(error);
    }
  };

  // A token verified once is good until it expires: every service of a request verifies the same token (the gateway
  // and each subgraph call), and a signature check costs far more than the rest of a small request. Only accepted
  // tokens are kept, each until its `exp` (plus the clock tolerance jose allows), on this verifier's own clock, so a
  // cached token expires exactly when a fresh check would refuse it. A key withdrawn at the identity provider is
  // honoured for tokens verified before, until they expire, as with any self-contained token.
  const accepted = new Map<string, { principal: Principal; until: number }>();
  const clockMs = () => (now ? now() : new Date()).getTime();

  async function verify(authorizationHeader: string | undefined): Promise<Principal> {
    const token = bearerToken(authorizationHeader);
    const cached = accepted.get(token);
    if (cached) {
      if (clockMs() < cached.until) return cached.principal;
      accepted.delete(token);
    }
    return verifyToken(token);
  }

  async function verifyToken(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        issuer,
        audience,
        algorithms: [...ACCEPTED_ALGORITHMS],
        clockTolerance: clockToleranceSeconds,
        // With iat required, jose also refuses one issued in the future (beyond the tolerance) and one older than
        // the longest lifetime; the lifetime itself (exp - iat) is checked below.
        requiredClaims: ['exp', 'sub', 'iat'],
        maxTokenAge: maxLifetimeSeconds,
        ...(now ? { currentDate: now() } : {}),
      }));
    } catch (error) {
      throw refusal(error, token, { issuer, audience, otherKeyHint });
    }
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    if (lifetime > maxLifetimeSeconds + clockToleranceSeconds) {
      throw authenticationRefused(
        `The token is valid for ${describeSeconds(lifetime)}, longer than the ${describeSeconds(maxLifetimeSeconds)} this API accepts; get a token with a shorter lifetime from the identity provider`,
        { reason: 'lifetime', maxLifetimeSeconds },
      );
    }
    let principal: Principal;
    try {
      principal = parsePrincipal(payload);
    } catch (error) {
      if (error instanceof GraphQLError) throw authenticationRefused(error.message, flatDetails(error));
      throw error;
    }
    // Shared by every request that presents the token, so nobody may change it.
    Object.freeze(principal.roles);
    Object.freeze(principal);
    if (accepted.size >= MAX_CACHED_TOKENS) accepted.delete(accepted.keys().next().value!);
    accepted.set(token, { principal, until: (payload.exp! + clockToleranceSeconds) * 1000 });
    return principal;
  }

  return { verify };
}

function bearerToken(header: string | undefined): string {
  const value = header?.trim() ?? '';
  if (!value) throw authenticationRefused(`Sign in: ${SIGN_IN}`);
  const space = value.search(/\s/);
  if (space < 0) {
    // One word only: most likely a bare token without its scheme, so it must not be echoed.
    throw authenticationRefused(
      /^bearer$/i.test(value)
        ? `The Authorization header has no token after "Bearer": ${SIGN_IN}`
        : `The Authorization header has no scheme: ${SIGN_IN}`,
    );
  }
  const scheme = value.slice(0, space);
  if (!/^bearer$/i.test(scheme)) {
    const named = /^[A-Za-z][A-Za-z0-9-]{0,19}$/.test(scheme) ? `the ${scheme} scheme` : 'another scheme than Bearer';
    throw authenticationRefused(`The Authorization header uses ${named}; this API accepts only bearer tokens: ${SIGN_IN}`);
  }
  const token = value.slice(space).trim();
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw malformed();
  return token;
}

function malformed(): GraphQLError {
  return authenticationRefused(
    'The bearer token is not a well-formed signed JWT (three base64url parts separated by dots); get a new token from the identity provider',
  );
}

/** Maps jose's failures to messages that say what to do, without ever quoting the token. */
function refusal(error: unknown, token: string, expected: { issuer: string; audience: string; otherKeyHint: string | undefined }): Error {
  if (error instanceof GraphQLError) return error;
  if (error instanceof errors.JWTExpired && error.claim === 'iat') {
    return authenticationRefused(
      'The token was issued longer ago than the longest token lifetime this API accepts; get a new one with a shorter lifetime',
      { reason: 'lifetime' },
    );
  }
  if (error instanceof errors.JWTExpired) {
    const exp = typeof error.payload.exp === 'number' ? new Date(error.payload.exp * 1000).toISOString() : 'an unknown time';
    return authenticationRefused(`The token expired at ${exp}; get a new one`, { reason: 'expired' });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return authenticationRefused(
          `The token is meant for another audience; this API accepts tokens issued for audience "${expected.audience}"`,
          { reason: 'audience' },
        );
      case 'iss':
        return authenticationRefused(
          `The token comes from another issuer; this API accepts tokens issued by "${expected.issuer}"`,
          { reason: 'issuer' },
        );
      case 'iat':
        return error.reason === 'check_failed'
          ? authenticationRefused('The token was issued in the future (its `iat` lies ahead of this service\'s clock); check the clock of the issuer', {
              reason: 'issued-in-future',
            })
          : authenticationRefused('The token lacks an issue time: the `iat` claim is missing or invalid; tokens without one are never accepted', {
              reason: 'claims',
            });
      case 'nbf':
        return authenticationRefused('The token is not valid yet (its `nbf` lies in the future); check the clock of the issuer', {
          reason: 'not-yet-valid',
        });
      case 'exp':
        return authenticationRefused(
          `The token lacks an expiry: the \`exp\` claim is ${error.reason === 'missing' ? 'missing' : 'invalid'}; tokens without one are never accepted`,
          { reason: 'claims' },
        );
      default:
        return authenticationRefused(`The token's \`${error.claim}\` claim is ${error.reason === 'missing' ? 'missing' : 'invalid'}`, {
          reason: 'claims',
        });
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return authenticationRefused(
      `The token is signed with ${algorithmOf(token)}, which this API does not accept; it accepts ${ACCEPTED_ALGORITHMS.join(' and ')}`,
      { reason: 'algorithm' },
    );
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    // The signature is checked before the claims, so a token from the right issuer signed with another key (often: a
    // development token minted from another data directory) would otherwise be told to come from that very issuer.
    if (unverifiedIssuer(token) === expected.issuer) {
      return authenticationRefused(
        `The token's signature cannot be verified with the keys of the configured identity provider: it names the expected issuer "${expected.issuer}" but was signed with another key; ${expected.otherKeyHint ?? 'get a new token from the identity provider'}`,
        { reason: 'signature' },
      );
    }
    return authenticationRefused(
      `The token's signature cannot be verified with the keys of the configured identity provider; get a token issued by "${expected.issuer}"`,
      { reason: 'signature' },
    );
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return malformed();
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The `iss` a token claims, unverified: only compared with the expected issuer, never echoed. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    return typeof alg === 'string' && /^[A-Za-z0-9+-]{1,20}$/.test(alg) ? alg : 'an unsupported algorithm';
  } catch {
    return 'an unsupported algorithm';
  }
}

/** '12 hours', '30 days', '45 minutes': a lifetime as a person reads it. */
function describeSeconds(seconds: number): string {
  const [unit, size] = seconds % 86_400 === 0 ? ['day', 86_400] : seconds % 3600 === 0 ? ['hour', 3600] : seconds % 60 === 0 ? ['minute', 60] : ['second', 1];
  const n = Math.round(seconds / (size as number));
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function flatDetails(error: GraphQLError): ErrorDetails {
  const { code: _code, http: _http, ...rest } = error.extensions;
  return rest as ErrorDetails;
}
