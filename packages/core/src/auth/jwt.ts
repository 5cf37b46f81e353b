import { SparkSdkError } from '../errors/sdk-error.js';
import { stripBearer } from './bearer.js';

/** The claims of a Spark token this SDK reads; every other claim is kept as decoded. */
export interface SparkJwtClaims {
  /** Issuer: `https://keycloak.{env}.coherent.global/auth/realms/{tenant}`. */
  iss?: string;
  /** The tenant (Keycloak realm). */
  realm?: string;
  /** Expiry, in seconds since the epoch. */
  exp?: number;
  [claim: string]: unknown;
}

/** A decoded (not verified) Spark token and where it points. */
export interface SparkJwt {
  readonly header: Record<string, unknown>;
  readonly claims: SparkJwtClaims;
  /** Spark's origin for the token's issuer (`https://excel.{env}.coherent.global`; another host is kept as issued). */
  readonly origin: string;
  /** The tenant: the `realm` claim, else the issuer's realm segment. */
  readonly tenant: string;
  /** From `exp`, when the token has one. */
  readonly expiresAt: Date | undefined;
}

const KEYCLOAK = /^keycloak\.((?:[^.]+\.)?[^.]+)\.coherent\.global$/i;

/**
 * Decodes a bearer token's header and claims and derives the Spark location from them: the
 * `iss` claim gives the environment, `realm` the tenant. The signature is **not** verified
 * (the SDK never trusts a token's claims for anything but where to send it; Spark verifies).
 * A malformed token throws a `SparkSdkError` that says what is wrong, never the token itself.
 *
 * @param token - the JWT, with or without `Bearer `
 * @example
 * const { origin, tenant, expiresAt } = decodeJwt(token);
 * // 'https://excel.uat.us.coherent.global', 'my-tenant', Date
 */
export function decodeJwt(token: string): SparkJwt {
  if (typeof token !== 'string' || stripBearer(token) === '') throw new SparkSdkError('token must be a non-empty JWT string');
  const parts = stripBearer(token).split('.');
  if (parts.length !== 3) throw new SparkSdkError(`token is not a JWT: expected three dot-separated parts, got ${parts.length}`);
  const header = part(parts[0]!, 'header');
  const claims = part(parts[1]!, 'payload') as SparkJwtClaims;
  const { origin, realm } = issuer(claims.iss);
  const tenant = typeof claims.realm === 'string' && claims.realm.trim() ? claims.realm.trim() : realm;
  if (!tenant) throw new SparkSdkError('JWT names no tenant: it has no "realm" claim and its "iss" has no /auth/realms/{tenant} path');
  if (claims.exp !== undefined && typeof claims.exp !== 'number') throw new SparkSdkError('JWT "exp" claim must be a number of seconds');
  return { header, claims, origin, tenant, expiresAt: claims.exp === undefined ? undefined : new Date(claims.exp * 1000) };
}

/**
 * Whether a decoded token has expired (`exp` in the past, less `leewaySeconds`); a token
 * without `exp` never expires here.
 *
 * @example
 * if (isJwtExpired(decodeJwt(token), { leewaySeconds: 30 })) token = await refresh();
 */
export function isJwtExpired(jwt: SparkJwt, options: { leewaySeconds?: number; now?: number } = {}): boolean {
  if (!jwt.expiresAt) return false;
  return jwt.expiresAt.getTime() + (options.leewaySeconds ?? 0) * 1000 <= (options.now ?? Date.now());
}

function part(segment: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw new SparkSdkError(`token is not a JWT: its ${name} is not base64url-encoded JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SparkSdkError(`token is not a JWT: its ${name} is not a JSON object`);
  return value as Record<string, unknown>;
}

function issuer(iss: unknown): { origin: string; realm: string | undefined } {
  const expected = 'https://keycloak.{env}.coherent.global/auth/realms/{tenant}';
  if (typeof iss !== 'string' || !iss.trim()) throw new SparkSdkError(`JWT has no "iss" claim, so it names no Spark environment (expected ${expected})`);
  let url: URL;
  try {
    url = new URL(iss.trim());
  } catch {
    throw new SparkSdkError(`JWT "iss" claim must be a URL like ${expected}, got "${iss}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SparkSdkError(`JWT "iss" claim must be an http(s) URL, got "${iss}"`);
  const env = KEYCLOAK.exec(url.hostname)?.[1];
  const origin = env ? `${url.protocol}//excel.${env.toLowerCase()}.coherent.global${url.port ? `:${url.port}` : ''}` : url.origin;
  const realm = /\/realms\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  return { origin, realm: realm ? decodeURIComponent(realm) : undefined };
}

/**
 * Client options from a bearer token alone (the official SDKs' `JwtConfig`): the base URL and
 * tenant come from its claims. `createClient({ token })` does the same when no location is
 * given; this adds the optional expiry check.
 *
 * @example
 * using spark = new Client(jwtOptions(token, { checkExpiry: true }));
 */
export function jwtOptions(token: string, options: { checkExpiry?: boolean; leewaySeconds?: number } = {}): { baseUrl: string; token: string } {
  const jwt = decodeJwt(token);
  if (options.checkExpiry && isJwtExpired(jwt, options)) {
    throw new SparkSdkError(`the bearer token expired at ${jwt.expiresAt!.toISOString()}: get a new one`);
  }
  return { baseUrl: `${jwt.origin}/${encodeURIComponent(jwt.tenant)}`, token };
}
