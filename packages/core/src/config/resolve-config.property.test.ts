import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { succeedsOrSdkError } from '../../test/property.js';
import { resolveBaseUrl } from './base-url.js';
import { resolveLogger } from './logger.js';
import { resolveConfig } from './resolve-config.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1_500);
const CSPARK = ['CSPARK_BASE_URL', 'CSPARK_TENANT', 'CSPARK_ENV', 'CSPARK_API_KEY', 'CSPARK_BEARER_TOKEN', 'CSPARK_CLIENT_ID', 'CSPARK_CLIENT_SECRET', 'CSPARK_OAUTH_PATH'];
beforeAll(() => { for (const name of CSPARK) vi.stubEnv(name, ''); });
afterAll(() => { vi.unstubAllEnvs(); });

const junk = fc.anything({ withBigInt: true, withNullPrototype: true, withDate: true, withMap: true });
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('', ' ', 'uat.us', 'sit', 'my-tenant', 'a b', '%', '%E0%A4%A', 'é', 'open'));
const segment = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), fc.constantFrom('my-tenant', 'a b', '中文', '%', 'x%2Fy', 'ü'));
const host = fc.oneof(fc.domain(), fc.constantFrom('127.0.0.1', 'localhost', '[::1]', 'excel.uat.us.coherent.global', 'keycloak.sit.coherent.global', 'spark.example.com', 'EXCEL.UAT.US.COHERENT.GLOBAL'));
const url = fc.tuple(fc.constantFrom('http', 'https', 'ftp', 'HTTPS'), host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), fc.array(segment, { maxLength: 3 }))
  .map(([scheme, h, port, path]) => `${scheme}://${h}${port ? `:${port}` : ''}/${path.map(encodeURIComponent).join('/')}`);


describe('base URL and config resolution (property-based)', () => {
  test('resolveBaseUrl succeeds or throws SparkSdkError for any input', () => {
    const input = fc.record({ baseUrl: fc.oneof(url, text, junk), env: fc.oneof(text, junk), tenant: fc.oneof(segment, text, junk) }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(input, junk), (value) => { succeedsOrSdkError(() => resolveBaseUrl(value as never)); }), { numRuns: RUNS });
  });

  test('any http(s) URL with a tenant is accepted (not only *.coherent.global), and resolving full again is stable', () => {
    fc.assert(fc.property(url, fc.option(segment, { nil: undefined }), (raw, tenant) => {
      const base = succeedsOrSdkError(() => resolveBaseUrl({ baseUrl: raw, tenant }));
      const parsed = new URL(raw);
      const first = parsed.pathname.split('/').find(Boolean);
      if (base instanceof SparkSdkError) {
        // The only refusals: a non-http scheme, or no tenant anywhere.
        expect(!/^https?:$/.test(parsed.protocol) || (first === undefined && ['', '.', '..'].includes(tenant?.trim() ?? ''))).toBe(true);
        return;
      }
      expect(base.tenant).toBe(first !== undefined ? decodeURIComponent(first) : tenant!.trim());
      if (!/coherent\.global$/i.test(parsed.hostname)) expect(base.origin).toBe(parsed.origin);
      expect(base.full).toBe(`${base.origin}/${encodeURIComponent(base.tenant)}`);
      expect(resolveBaseUrl({ baseUrl: base.full })).toEqual(base);
    }), { numRuns: RUNS });
  });

  test('env + tenant build the Spark URL, and it resolves back to the same env and tenant', () => {
    const env = fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,8}(\.[a-z0-9-]{1,4})?$/), text);
    fc.assert(fc.property(env, fc.oneof(segment, text), (e, t) => {
      const base = succeedsOrSdkError(() => resolveBaseUrl({ env: e, tenant: t }));
      if (base instanceof SparkSdkError) return;
      expect(base.full).toBe(`https://excel.${e.trim().toLowerCase()}.coherent.global/${t.trim().toLowerCase()}`);
      expect(resolveBaseUrl({ baseUrl: base.full })).toEqual(base);
    }), { numRuns: RUNS });
  });

  test('resolveConfig succeeds or throws SparkSdkError for any options', () => {
    const options = fc.record({
      baseUrl: fc.oneof(url, junk), env: fc.oneof(text, junk), tenant: fc.oneof(segment, junk),
      apiKey: fc.oneof(text, junk), token: fc.oneof(text, junk), oauth: fc.oneof(fc.record({ clientId: fc.oneof(text, junk), clientSecret: fc.oneof(text, junk), tokenUrl: fc.oneof(text, junk) }, { requiredKeys: [] }), junk),
      tokenUrl: fc.oneof(text, junk), timeout: junk, maxRetries: fc.oneof(fc.integer({ min: -2, max: 5 }), junk), retryInterval: junk,
      headers: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), junk)), junk), logger: fc.oneof(fc.constantFrom(true, false, 'debug', 'warn', 'verbose'), junk),
      compressAbove: junk, auth: junk,
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(options, junk), (value) => {
      const config = succeedsOrSdkError(() => resolveConfig(value as never));
      if (config instanceof SparkSdkError) return;
      for (const level of ['debug', 'info', 'warn', 'error'] as const) expect(typeof config.logger[level]).toBe('function');
      expect(JSON.stringify(config)).toBeTypeOf('string');
    }), { numRuns: RUNS });
  });

  test('examples the properties found', () => {
    expect(() => resolveBaseUrl({ baseUrl: Symbol('x') as never })).toThrow(SparkSdkError); // was a TypeError (Symbol to string)
    expect(() => resolveBaseUrl({ baseUrl: 'http://h', tenant: 5 as never })).toThrow(SparkSdkError); // was `tenant.trim is not a function`
    expect(() => resolveBaseUrl({ env: 1 as never, tenant: 't' })).toThrow(SparkSdkError);
    expect(() => resolveBaseUrl({ baseUrl: 'http://h/', tenant: '..' })).toThrow(SparkSdkError); // was full 'http://h/..' = 'http://h/'
    expect(() => resolveLogger(null as never)).toThrow(SparkSdkError); // was accepted, then a TypeError on the first request
    expect(() => resolveLogger('verbose' as never)).toThrow(SparkSdkError); // was accepted as "log everything"
    expect(() => resolveLogger({ debug: () => {} } as never)).toThrow('logger must have debug, info, warn and error methods (missing info)');
  });
});
