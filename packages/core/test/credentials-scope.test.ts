import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkApiError } from '../src/errors/api-error.js';
import { SparkSdkError } from '../src/errors/sdk-error.js';
import { json, rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

const KEY = 'sk-scope-SECRET-0123456789';
const CREDENTIAL_HEADERS = ['x-synthetic-key', 'authorization', 'x-gateway-key', 'x-tenant-name'];

// Issue 14 §1: credentials go only to Spark's own origin (and origins the user trusts).
describe.each(TRANSPORTS)('credentials stay on Spark\'s origin (%s)', (_name, transport) => {
  let spark: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    [spark, other] = await Promise.all([startServer(), startServer()]);
  });
  afterAll(async () => { await Promise.all([spark.close(), other.close()]); });
  beforeEach(() => { spark.requests.length = 0; other.requests.length = 0; });

  const client = (options = {}) => createClient({
    baseUrl: spark.baseUrl, apiKey: KEY, headers: { 'x-gateway-key': 'gw-SECRET-9876' }, maxRetries: 0, ...transport, ...options,
  });
  const get = (url: string) => ({ operation: 'test.absolute', method: 'GET', url } as const);

  test('a URL on another origin (a handed-out download_url) gets no credentials, no client headers, no tenant', async () => {
    using c = client();
    await c.request(get(`${other.origin}/bucket/file.zip?sig=1`));
    await c.request(get(`${other.origin.replace('127.0.0.1', 'localhost')}/x`));
    expect(other.requests).toHaveLength(2);
    for (const seen of other.requests) for (const name of CREDENTIAL_HEADERS) expect(seen.headers[name]).toBeUndefined();
    expect(JSON.stringify(other.requests.map((r) => r.headers))).not.toContain('SECRET');
  });

  test('the client\'s own origin, as an absolute URL or a path, gets them', async () => {
    using c = client();
    await c.request(get(`${spark.origin}/my-tenant/api/v3/x`));
    await c.request(get(`${spark.origin.toUpperCase().replace('HTTP://', 'http://')}/other`));
    await c.request({ operation: 'test.path', method: 'GET', path: 'api/v3/y' });
    expect(spark.requests.map((r) => r.headers['x-synthetic-key'])).toEqual([KEY, KEY, KEY]);
    expect(spark.requests.map((r) => r.headers['x-gateway-key'])).toEqual(['gw-SECRET-9876', 'gw-SECRET-9876', 'gw-SECRET-9876']);
  });

  test('look-alike URLs are foreign: a userinfo trick, the Spark origin in the path', async () => {
    using c = client();
    const port = new URL(spark.origin).port;
    // Served by `other`, but beginning with (or holding) Spark's origin text. fetch refuses userinfo URLs outright.
    await c.request(get(`http://127.0.0.1:${port}@127.0.0.1:${new URL(other.origin).port}/u`)).catch((e: unknown) => expect(e).toBeInstanceOf(SparkSdkError));
    await c.request(get(`${other.origin}/${spark.origin}/x`));
    expect(other.requests.length).toBeGreaterThanOrEqual(1);
    for (const seen of other.requests) expect(seen.headers['x-synthetic-key']).toBeUndefined();
    expect(spark.requests).toHaveLength(0);
  });

  test('trustedOrigins widens the rule, and only for the listed origins', async () => {
    using c = client({ trustedOrigins: [other.origin] });
    await c.request(get(`${other.origin}/trusted`));
    expect(other.requests[0]!.headers['x-synthetic-key']).toBe(KEY);
    expect(() => client({ trustedOrigins: [`${other.origin}/path`] })).toThrow(SparkSdkError);
    expect(() => client({ trustedOrigins: ['ftp://x'] })).toThrow('trustedOrigins[0] must be an http(s) origin');
  });

  test('redirects are never followed: a 302 to another origin is an error naming the Location, and nothing reaches it', async () => {
    spark.handle((_req, res) => { res.writeHead(302, { location: `${other.origin}/steal` }); res.end(); });
    try {
      using c = client();
      const error = await rejection(c.request({ operation: 'test.redirect', method: 'GET', path: 'api/v3/r' }));
      expect(error).toBeInstanceOf(SparkApiError);
      expect(error.status).toBe(302);
      expect(error.message).toContain(`redirect to ${other.origin}/steal, which the SDK does not follow`);
      expect(other.requests).toHaveLength(0);
    } finally {
      spark.handle((_req, res) => json(res, 200, { ok: true }));
    }
  });
});
