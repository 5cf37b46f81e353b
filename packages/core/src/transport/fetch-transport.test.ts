// nock first: it patches globalThis.fetch when imported (TOOLCHAIN.md §6).
import nock from 'nock';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { rejection, UUID } from '../../test/server.js';
import { createClient } from '../client/create-client.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkServiceUnavailableError } from '../errors/api-errors.js';
import { VERSION } from '../version.js';

const ORIGIN = 'https://excel.uat.us.coherent.global';

beforeAll(() => { nock.disableNetConnect(); });
afterEach(() => { nock.cleanAll(); });
afterAll(() => { nock.enableNetConnect(); });

describe('fetch transport (default build) over global fetch', () => {
  test('env + tenant → the Spark host, with the SDK headers on the wire', async () => {
    let seen: Record<string, string | string[]> = {};
    const scope = nock(ORIGIN)
      .post('/my-tenant/api/v3/folders/my%20folder/services/svc/execute', { inputs: { x: 1 } })
      .reply(function () {
        seen = this.req.headers;
        return [200, { outputs: { y: 2 } }, { 'content-type': 'application/json' }];
      });
    using spark = createClient({ env: 'uat.us', tenant: 'my-tenant', token: 'Bearer abc' });
    const response = await spark.request({
      operation: 'services.execute', method: 'POST', path: 'api/v3/folders/my%20folder/services/svc/execute', json: { inputs: { x: 1 } },
    });
    expect(response.data).toEqual({ outputs: { y: 2 } });
    scope.done();
    expect(seen['authorization']).toBe('Bearer abc');
    expect(seen['x-tenant-name']).toBe('my-tenant');
    expect(seen['x-request-id']).toMatch(UUID);
    expect(seen['x-spark-ua']).toBe(`agent=spark-typescript-sdk/${VERSION}; env=Node/${process.versions.node}`);
    expect(seen['content-type']).toBe('application/json');
  });

  test('compression with CompressionStream; an injected fetch gets the URL string and init', async () => {
    const seen: Array<[unknown, RequestInit | undefined]> = [];
    using spark = createClient({
      baseUrl: `${ORIGIN}/my-tenant`, apiKey: 'k', compressAbove: 10,
      fetch: async (url: string | URL | Request, init?: RequestInit) => {
        seen.push([url, init]);
        return new Response(null, { status: 204 });
      },
    });
    const json = { inputs: 'x'.repeat(100) };
    expect((await spark.request({ operation: 'op', method: 'POST', path: 'api/v3/x', json, compress: true })).data).toBeNull();
    const [url, init] = seen[0]!;
    expect(url).toBe(`${ORIGIN}/my-tenant/api/v3/x`);
    expect(init?.method).toBe('POST');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init?.headers).get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(init?.body as Uint8Array).toString())).toEqual(json);
  });

  test('api/v1 calls go to the origin; 503 is retried', async () => {
    const scope = nock(ORIGIN).get('/api/v1/lookup/getcategories').reply(503, {}).get('/api/v1/lookup/getcategories').reply(200, { data: [] });
    using spark = createClient({ baseUrl: `${ORIGIN}/my-tenant`, apiKey: 'k', retryInterval: 0.01 });
    expect((await spark.request({ operation: 'folders.categories', method: 'GET', path: 'api/v1/lookup/getcategories' })).data).toEqual({ data: [] });
    scope.done();
  });

  test('a blocked connection is a SparkConnectionError; retries give up', async () => {
    using spark = createClient({ baseUrl: `${ORIGIN}/my-tenant`, apiKey: 'k', maxRetries: 0 });
    const error = await rejection(spark.request({ operation: 'op', method: 'POST', path: 'api/v3/x', json: {} }));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toMatch(/^op could not reach https:\/\/excel\.uat\.us\.coherent\.global\/my-tenant\/api\/v3\/x: /);

    const scope = nock(ORIGIN).get('/my-tenant/api/v3/y').times(2).reply(503, { message: 'busy' });
    using retrying = createClient({ baseUrl: `${ORIGIN}/my-tenant`, apiKey: 'k', maxRetries: 1, retryInterval: 0.01 });
    expect(await rejection(retrying.request({ operation: 'op', method: 'GET', path: 'api/v3/y' }))).toBeInstanceOf(SparkServiceUnavailableError);
    scope.done();
  });
});
