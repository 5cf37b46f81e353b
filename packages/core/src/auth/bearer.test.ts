import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { json, rejection, startServer, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import { SparkUnauthorizedError } from '../errors/api-errors.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { apiKey } from './api-key.js';
import { bearer, stripBearer } from './bearer.js';
import { publicAccess } from './public-access.js';

let server: TestServer;
let valid: string;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${valid}` || req.headers['x-synthetic-key'] === valid;
    json(res, ok ? 200 : 401, ok ? { ok: true } : { message: 'nope' });
  });
});
afterAll(() => server.close());
beforeEach(() => { server.requests.length = 0; valid = 'good'; });

const call = { operation: 'test.call', method: 'GET', path: 'api/v3/x' } as const;

describe('bearer, apiKey and public auth on the wire', () => {
  test('stripBearer', () => {
    expect(['Bearer abc', 'bearer   abc ', 'abc', ' BEARER abc'].map(stripBearer)).toEqual(['abc', 'abc', 'abc', 'abc']);
    expect(stripBearer('Bearerabc')).toBe('Bearerabc');
  });

  test('a token function is called per attempt and once more after a 401', async () => {
    const handed = ['Bearer stale', 'good'];
    let calls = 0;
    using spark = createClient({ baseUrl: server.baseUrl, auth: bearer(() => handed[Math.min(calls++, 1)]!) });
    expect((await spark.request(call)).status).toBe(200);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer good']);
    expect(calls).toBe(2);
  });

  test('a fixed token or an API key is not replayed after a 401', async () => {
    valid = 'other';
    using withToken = createClient({ baseUrl: server.baseUrl, token: 'good' });
    expect(await rejection(withToken.request(call))).toBeInstanceOf(SparkUnauthorizedError);
    using withKey = createClient({ baseUrl: server.baseUrl, auth: apiKey(' good ') });
    expect(await rejection(withKey.request(call))).toBeInstanceOf(SparkUnauthorizedError);
    expect(server.requests.map((r) => [r.headers.authorization, r.headers['x-synthetic-key']])).toEqual([['Bearer good', undefined], [undefined, 'good']]);
  });

  test('public access sends no credentials', async () => {
    using spark = createClient({ baseUrl: server.baseUrl, auth: publicAccess() });
    await rejection(spark.request(call));
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(server.requests[0]!.headers['x-synthetic-key']).toBeUndefined();
    expect(server.requests[0]!.headers['x-tenant-name']).toBe('my-tenant');
  });

  test('a token function returning nothing', async () => {
    using spark = createClient({ baseUrl: server.baseUrl, auth: bearer(() => '  ') });
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('the bearer token function returned no token');
    expect(server.requests).toHaveLength(0);
  });

  test('invalid strategies', () => {
    expect(() => bearer(42 as never)).toThrow('token must be a string or a function returning one');
    expect(() => apiKey(undefined as never)).toThrow('apiKey must be a non-empty string');
  });
});
