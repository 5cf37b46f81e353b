import { afterEach, describe, expect, it, vi } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { createClient } from '../index.node.js';
import { decodeJwt, isJwtExpired, jwtOptions } from './jwt.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string =>
  `${b64url(header)}.${b64url(claims)}.c2lnbmF0dXJl`;
const UAT = { iss: 'https://keycloak.uat.us.coherent.global/auth/realms/my-tenant', realm: 'my-tenant', exp: 2_000_000_000, sub: 'u-1' };

describe('decodeJwt', () => {
  it('derives Spark\'s origin from iss (keycloak → excel) and the tenant from realm, keeping every claim', () => {
    const decoded = decodeJwt(`Bearer ${jwt(UAT)}`);
    expect(decoded.origin).toBe('https://excel.uat.us.coherent.global');
    expect(decoded.tenant).toBe('my-tenant');
    expect(decoded.claims.sub).toBe('u-1');
    expect(decoded.header.alg).toBe('RS256');
    expect(decoded.expiresAt?.toISOString()).toBe('2033-05-18T03:33:20.000Z');
  });

  it('falls back to the realm in iss, keeps a non-Spark issuer\'s origin, and reads UTF-8 claims', () => {
    const decoded = decodeJwt(jwt({ iss: 'http://127.0.0.1:4010/auth/realms/t%C3%A9st', name: 'Zoë' }));
    expect([decoded.origin, decoded.tenant, decoded.claims.name, decoded.expiresAt]).toEqual(['http://127.0.0.1:4010', 'tést', 'Zoë', undefined]);
  });

  it.each([
    ['', 'token must be a non-empty JWT string'],
    ['abc', 'token is not a JWT: expected three dot-separated parts, got 1'],
    ['a.b', 'token is not a JWT: expected three dot-separated parts, got 2'],
    [`${b64url({ alg: 'none' })}.%%%.sig`, 'token is not a JWT: its payload is not base64url-encoded JSON'],
    [`${b64url({ alg: 'none' })}.${b64url([1])}.sig`, 'token is not a JWT: its payload is not a JSON object'],
    [jwt({ realm: 't' }), 'JWT has no "iss" claim, so it names no Spark environment'],
    [jwt({ iss: 'keycloak' }), 'JWT "iss" claim must be a URL like https://keycloak.{env}.coherent.global/auth/realms/{tenant}, got "keycloak"'],
    [jwt({ iss: 'https://keycloak.sit.coherent.global/auth' }), 'JWT names no tenant'],
    [jwt({ ...UAT, exp: 'soon' }), 'JWT "exp" claim must be a number of seconds'],
  ])('a malformed token is a SparkSdkError that never repeats the token (%#)', (token, message) => {
    const error = (() => { try { decodeJwt(token); } catch (e) { return e as Error; } return undefined; })();
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error!.message).toContain(message);
    if (token.length > 8) expect(error!.message).not.toContain(token.split('.')[1]);
  });
});

describe('expiry', () => {
  it('isJwtExpired compares exp (with leeway) with now; no exp never expires', () => {
    const token = decodeJwt(jwt({ ...UAT, exp: 1_000 }));
    expect(isJwtExpired(token, { now: 999_000 })).toBe(false);
    expect(isJwtExpired(token, { now: 1_000_000 })).toBe(true);
    expect(isJwtExpired(token, { now: 999_000, leewaySeconds: -1 })).toBe(true);
    expect(isJwtExpired(decodeJwt(jwt({ iss: UAT.iss })))).toBe(false);
  });

  it('jwtOptions checks expiry only when asked', () => {
    const old = jwt({ ...UAT, exp: 1_000 });
    expect(jwtOptions(old)).toEqual({ baseUrl: 'https://excel.uat.us.coherent.global/my-tenant', token: old });
    expect(() => jwtOptions(old, { checkExpiry: true })).toThrow('the bearer token expired at 1970-01-01T00:16:40.000Z: get a new one');
  });
});

describe('a client from a bearer token alone (Node build)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes its base URL and tenant from the claims; an explicit location or tenant still wins', () => {
    vi.stubEnv('CSPARK_BASE_URL', '');
    vi.stubEnv('CSPARK_ENV', '');
    vi.stubEnv('CSPARK_TENANT', '');
    using fromToken = createClient({ token: jwt(UAT) });
    expect(fromToken.config.baseUrl).toMatchObject({ full: 'https://excel.uat.us.coherent.global/my-tenant', env: 'uat.us', tenant: 'my-tenant' });
    using otherTenant = createClient({ token: jwt(UAT), tenant: 'other' });
    expect(otherTenant.config.baseUrl.full).toBe('https://excel.uat.us.coherent.global/other');
    using explicit = createClient({ token: jwt(UAT), baseUrl: 'http://127.0.0.1:9/t' });
    expect(explicit.config.baseUrl.full).toBe('http://127.0.0.1:9/t');
  });

  it('an opaque token without a location still asks for baseUrl, saying why the token could not name it', () => {
    vi.stubEnv('CSPARK_BASE_URL', '');
    vi.stubEnv('CSPARK_ENV', '');
    expect(() => createClient({ token: 'opaque-token-value' })).toThrow(
      'baseUrl is required: pass baseUrl, or env + tenant (the bearer token cannot name them: token is not a JWT: expected three dot-separated parts, got 1)');
  });
});
