import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SparkAuthContext } from '../auth/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { resolveBaseUrl, tokenUrlFor } from './base-url.js';
import { resolveLogger, silentLogger } from './logger.js';
import { oauthOption } from './oauth-option.js';
import { resolveConfig } from './resolve-config.js';

/** The Node entry point's platform: OAuth shorthands enabled. */
const node = { oauth: oauthOption };

const VARS = ['CSPARK_BASE_URL', 'CSPARK_TENANT', 'CSPARK_ENV', 'CSPARK_API_KEY', 'CSPARK_BEARER_TOKEN', 'CSPARK_CLIENT_ID', 'CSPARK_CLIENT_SECRET', 'CSPARK_OAUTH_PATH'];
const ctx = {} as SparkAuthContext;
const readTextFile = async () => '{}';

beforeEach(() => { for (const name of VARS) vi.stubEnv(name, undefined); });
afterEach(() => { vi.unstubAllEnvs(); });

function fails(fn: () => unknown): SparkSdkError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SparkSdkError);
    return error as SparkSdkError;
  }
  throw new Error('expected a SparkSdkError');
}

describe('base URL', () => {
  test.each([
    [{ env: 'uat.us', tenant: 'my-tenant' }, 'https://excel.uat.us.coherent.global', 'my-tenant', 'uat.us'],
    [{ env: ' UAT.US ', tenant: ' My-Tenant ' }, 'https://excel.uat.us.coherent.global', 'my-tenant', 'uat.us'],
    [{ env: 'sit', tenant: 't' }, 'https://excel.sit.coherent.global', 't', 'sit'],
    [{ baseUrl: 'https://excel.uat.us.coherent.global/path-tenant', tenant: 'other' }, 'https://excel.uat.us.coherent.global', 'path-tenant', 'uat.us'],
    [{ baseUrl: 'https://excel.uat.us.coherent.global', tenant: 'opt-tenant' }, 'https://excel.uat.us.coherent.global', 'opt-tenant', 'uat.us'],
    [{ baseUrl: 'https://spark.my.env.coherent.global/tenant' }, 'https://excel.my.env.coherent.global', 'tenant', 'my.env'],
    [{ baseUrl: 'https://excel.my.env.coherent.global///', tenant: 't' }, 'https://excel.my.env.coherent.global', 't', 'my.env'],
    [{ baseUrl: 'https://keycloak.uat.us.coherent.global/t/extra/path' }, 'https://keycloak.uat.us.coherent.global', 't', 'uat.us'],
    [{ baseUrl: 'http://127.0.0.1:8080/my-tenant' }, 'http://127.0.0.1:8080', 'my-tenant', undefined],
    [{ baseUrl: new URL('http://localhost:3000/T1') }, 'http://localhost:3000', 'T1', undefined],
  ])('%j → %s / %s', (input, origin, tenant, env) => {
    const base = resolveBaseUrl(input);
    expect(base).toEqual({ origin, tenant, env, full: `${origin}/${tenant}` });
  });

  test.each([
    [{ baseUrl: 'https://excel.uat.us.coherent.global' }, 'tenant is required: put it in baseUrl ("https://excel.uat.us.coherent.global/my-tenant") or pass tenant'],
    [{ baseUrl: 'ftp://excel.uat.us.coherent.global/t' }, 'baseUrl must use http or https, got "ftp:"'],
    [{ baseUrl: 'not a url' }, 'baseUrl must be an absolute http(s) URL, got "not a url"'],
    [{ baseUrl: 'https://user:pw@example.com/t' }, 'baseUrl must not embed credentials; use apiKey, token or oauth'],
    [{ env: 'uat us', tenant: 't' }, 'env must look like "uat.us" or "sit", got "uat us"'],
    [{ env: 'a.b.c', tenant: 't' }, 'env must look like "uat.us" or "sit", got "a.b.c"'],
    [{ env: 'uat.us' }, 'tenant required: pass baseUrl, or both env and tenant'],
    [{ tenant: 't' }, 'env required: pass baseUrl, or both env and tenant'],
    [{ env: 'uat', tenant: 'a/b' }, 'tenant must be a plain name like "my-tenant", got "a/b"'],
    [{ baseUrl: 'http://127.0.0.1:1/%zz' }, 'baseUrl has a malformed tenant segment "%zz"'],
    [{}, 'baseUrl is required: pass baseUrl (e.g. "https://excel.uat.us.coherent.global/my-tenant") or env + tenant, or set CSPARK_BASE_URL'],
  ])('rejects %j', (input, message) => {
    expect(fails(() => resolveBaseUrl(input)).message).toBe(message);
  });

  test('token URL: Keycloak host for coherent.global, same origin otherwise', () => {
    expect(tokenUrlFor(resolveBaseUrl({ env: 'uat.us', tenant: 'my-tenant' })))
      .toBe('https://keycloak.uat.us.coherent.global/auth/realms/my-tenant/protocol/openid-connect/token');
    expect(tokenUrlFor(resolveBaseUrl({ baseUrl: 'https://spark.sit.coherent.global/t' })))
      .toBe('https://keycloak.sit.coherent.global/auth/realms/t/protocol/openid-connect/token');
    expect(tokenUrlFor(resolveBaseUrl({ baseUrl: 'http://127.0.0.1:9999/my-tenant' })))
      .toBe('http://127.0.0.1:9999/auth/realms/my-tenant/protocol/openid-connect/token');
  });
});

describe('environment variables', () => {
  test('CSPARK_BASE_URL + CSPARK_API_KEY', async () => {
    vi.stubEnv('CSPARK_BASE_URL', ' https://excel.uat.us.coherent.global/env-tenant ');
    vi.stubEnv('CSPARK_API_KEY', 'env-key-123');
    const config = resolveConfig(undefined, node);
    expect(config.baseUrl.full).toBe('https://excel.uat.us.coherent.global/env-tenant');
    expect(config.auth.type).toBe('apiKey');
    expect(await config.auth.authorize(ctx)).toEqual({ 'x-synthetic-key': 'env-key-123' });
  });

  test('CSPARK_TENANT completes a base URL without a path; CSPARK_ENV + CSPARK_TENANT build one', () => {
    vi.stubEnv('CSPARK_API_KEY', 'k');
    vi.stubEnv('CSPARK_TENANT', 'env-tenant');
    vi.stubEnv('CSPARK_BASE_URL', 'https://excel.uat.us.coherent.global');
    expect(resolveConfig(undefined, node).baseUrl.full).toBe('https://excel.uat.us.coherent.global/env-tenant');
    vi.stubEnv('CSPARK_BASE_URL', undefined);
    vi.stubEnv('CSPARK_ENV', 'sit');
    expect(resolveConfig(undefined, node).baseUrl.full).toBe('https://excel.sit.coherent.global/env-tenant');
  });

  test('explicit options win over the environment', () => {
    vi.stubEnv('CSPARK_BASE_URL', 'https://excel.uat.us.coherent.global/env-tenant');
    vi.stubEnv('CSPARK_CLIENT_ID', 'id');
    vi.stubEnv('CSPARK_CLIENT_SECRET', 'secret');
    const config = resolveConfig({ env: 'sit', tenant: 'mine', apiKey: 'opt-key' }, node);
    expect(config.baseUrl.full).toBe('https://excel.sit.coherent.global/mine');
    expect(config.auth.type).toBe('apiKey');
  });

  test('CSPARK_BEARER_TOKEN with and without the Bearer prefix', async () => {
    vi.stubEnv('CSPARK_BASE_URL', 'http://127.0.0.1:1/t');
    vi.stubEnv('CSPARK_BEARER_TOKEN', 'Bearer abc.def');
    expect(await resolveConfig(undefined, node).auth.authorize(ctx)).toEqual({ authorization: 'Bearer abc.def' });
    vi.stubEnv('CSPARK_BEARER_TOKEN', 'abc.def');
    expect(await resolveConfig(undefined, node).auth.authorize(ctx)).toEqual({ authorization: 'Bearer abc.def' });
  });

  test('env precedence: client id+secret > oauth path > api key > bearer token', () => {
    vi.stubEnv('CSPARK_BASE_URL', 'http://127.0.0.1:1/t');
    vi.stubEnv('CSPARK_BEARER_TOKEN', 'tok');
    expect(resolveConfig(undefined, node).auth.type).toBe('bearer');
    vi.stubEnv('CSPARK_API_KEY', 'key');
    expect(resolveConfig(undefined, node).auth.type).toBe('apiKey');
    vi.stubEnv('CSPARK_OAUTH_PATH', '/nowhere.json');
    expect(resolveConfig({}, { ...node, readTextFile }).auth.type).toBe('oauth');
    vi.stubEnv('CSPARK_OAUTH_PATH', undefined);
    vi.stubEnv('CSPARK_CLIENT_ID', 'id');
    expect(resolveConfig(undefined, node).auth.type).toBe('apiKey'); // a client id alone is not enough
    vi.stubEnv('CSPARK_CLIENT_SECRET', 'secret');
    expect(resolveConfig(undefined, node).auth.type).toBe('oauth');
    vi.stubEnv('CSPARK_CLIENT_ID', undefined);
    vi.stubEnv('CSPARK_CLIENT_SECRET', undefined);
    vi.stubEnv('CSPARK_API_KEY', 'open');
    expect(resolveConfig(undefined, node).auth.type).toBe('public');
  });

  test('without the Node platform the oauth shorthand is refused (OAuth code stays out of browser bundles)', () => {
    const error = fails(() => resolveConfig({ baseUrl: 'http://127.0.0.1:1/t', oauth: { clientId: 'id', clientSecret: 'secret' } }));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe(
      'the oauth option needs the Node build of @spark/core (or @spark/sdk); elsewhere pass auth: clientCredentials({ clientId, clientSecret })',
    );
  });

  test('CSPARK_OAUTH_PATH outside Node is refused', () => {
    vi.stubEnv('CSPARK_BASE_URL', 'http://127.0.0.1:1/t');
    vi.stubEnv('CSPARK_OAUTH_PATH', '/creds.json');
    expect(fails(() => resolveConfig(undefined, node)).message).toBe('OAuth credentials files can only be read in Node; pass { clientId, clientSecret }');
  });
});

describe('options', () => {
  const base = { baseUrl: 'http://127.0.0.1:1/t' };

  test('defaults', () => {
    const config = resolveConfig({ ...base, apiKey: 'k' }, node);
    expect(config).toMatchObject({ timeout: 60_000, maxRetries: 2, retryInterval: 1, headers: {}, compressAbove: 16_384 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  test('accepts maxRetries 0 and lower-cases extra headers', () => {
    const config = resolveConfig({ ...base, apiKey: 'k', maxRetries: 0, headers: { 'X-Extra': 'v' }, compressAbove: false }, node);
    expect(config.maxRetries).toBe(0);
    expect(config.headers).toEqual({ 'x-extra': 'v' });
    expect(config.compressAbove).toBe(false);
  });

  test.each([
    [{ timeout: 0 }, 'timeout must be a number of milliseconds > 0, got 0'],
    [{ timeout: -5 }, 'timeout must be a number of milliseconds > 0, got -5'],
    [{ timeout: Number.NaN }, 'timeout must be a number of milliseconds > 0, got NaN'],
    [{ maxRetries: -1 }, 'maxRetries must be a whole number >= 0, got -1'],
    [{ maxRetries: 1.5 }, 'maxRetries must be a whole number >= 0, got 1.5'],
    [{ retryInterval: 0 }, 'retryInterval must be a number of seconds > 0, got 0'],
    [{ headers: { 'x-a': 1 } }, 'headers.x-a must be a string'],
    [{ headers: 'x' }, 'headers must be an object of strings'],
  ])('rejects %j', (bad, message) => {
    expect(fails(() => resolveConfig({ ...base, apiKey: 'k', ...(bad as object) })).message).toBe(message);
  });

  test('no auth at all', () => {
    expect(fails(() => resolveConfig(base)).message).toBe(
      'authentication is required: pass apiKey, token or oauth (or auth), set CSPARK_API_KEY, ' +
        'CSPARK_BEARER_TOKEN or CSPARK_CLIENT_ID + CSPARK_CLIENT_SECRET, or use apiKey: "open" for public services',
    );
  });

  test('auth precedence: oauth > apiKey > token; open means public', async () => {
    const oauth = { clientId: 'id', clientSecret: 'secret' };
    expect(resolveConfig({ ...base, oauth, apiKey: 'k', token: 't' }, node).auth.type).toBe('oauth');
    expect(resolveConfig({ ...base, apiKey: 'k', token: 't' }, node).auth.type).toBe('apiKey');
    expect(resolveConfig({ ...base, token: 'Bearer t' }, node).auth.type).toBe('bearer');
    for (const options of [{ apiKey: 'open' }, { token: 'open' }, { apiKey: 'open', token: 'real' }]) {
      const auth = resolveConfig({ ...base, ...options }, node).auth;
      expect(auth.type).toBe('public');
      expect(await auth.authorize(ctx)).toEqual({});
    }
  });

  test.each([
    [{ apiKey: '  ' }, 'apiKey must be a non-empty string'],
    [{ token: 'Bearer ' }, 'token must be a non-empty string'],
    [{ oauth: { clientId: 'id', clientSecret: '' } }, 'oauth.clientSecret must be a non-empty string'],
    [{ oauth: 42 }, 'oauth must be { clientId, clientSecret } or a credentials file path'],
    [{ auth: { type: 'apiKey' } }, 'auth must be a value from apiKey(), bearer(), clientCredentials() or publicAccess()'],
  ])('rejects auth %j', (bad, message) => {
    expect(fails(() => resolveConfig({ ...base, ...(bad as object) }, { ...node, readTextFile })).message).toBe(message);
  });
});

describe('logger option', () => {
  test('levels write to the console from the minimum level up', () => {
    const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
    try {
      const log = resolveLogger('warn');
      log.debug('d');
      log.info('i');
      log.warn('w', { operation: 'op' });
      log.error('e');
      expect(spies.map((s) => s.mock.calls)).toEqual([[], [], [['[spark] WARN w', { operation: 'op' }]], [['[spark] ERROR e']]]);
      resolveLogger(true).info('hello');
      expect(spies[1]!.mock.calls).toEqual([['[spark] INFO hello']]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(resolveLogger(undefined)).toBe(silentLogger);
    expect(resolveLogger(false)).toBe(silentLogger);
    const own = { ...silentLogger };
    expect(resolveLogger(own)).toBe(own);
  });
});
