import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { json, rejection, sequence, startServer, UUID, type Handler, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';
import { SparkBadGatewayError, SparkBadRequestError, SparkGatewayTimeoutError, SparkRateLimitError, SparkServiceUnavailableError } from '../errors/api-errors.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { backoffMs, isRetryableStatus, retryAfterMs } from './retry.js';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());
beforeEach(() => { server.requests.length = 0; });

const ok: Handler = (_req, res) => json(res, 200, { ok: true });
const status = (code: number, headers: Record<string, string> = {}, body: unknown = { message: `status ${code}` }): Handler =>
  (_req, res) => json(res, code, body, headers);
const drop: Handler = (_req, _res, raw) => { raw.socket.destroy(); };

function client(options: SparkClientOptions = {}) {
  return createClient({ baseUrl: server.baseUrl, apiKey: 'test-key', retryInterval: 0.01, ...options });
}
const get = { operation: 'test.get', method: 'GET', path: 'api/v3/thing' } as const;
const post = { operation: 'test.post', method: 'POST', path: 'api/v3/thing', json: { a: 1 } } as const;

describe('retry policy', () => {
  test('429 with Retry-After: 1 waits about a second, then succeeds', async () => {
    server.handle(sequence(status(429, { 'retry-after': '1' }), ok));
    using spark = client({ retryInterval: 30 });
    const started = Date.now();
    const response = await spark.request(post);
    const elapsed = Date.now() - started;
    expect(response.data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2_500);
  });

  test('x-retry-after (fractional seconds) wins over Retry-After and backoff', async () => {
    server.handle(sequence(status(429, { 'x-retry-after': '0.05', 'retry-after': '100' }), ok));
    const delays: number[] = [];
    const infos: string[] = [];
    const noop = () => {};
    const logger = { debug: noop, warn: noop, error: noop, info: (m: string) => { infos.push(m); } };
    using spark = client({ retryInterval: 100, logger, hooks: { beforeRetry: [(_c, r) => { delays.push(r.delayMs); }] } });
    await spark.request(get);
    expect(delays).toEqual([50]);
    expect(infos).toEqual(['retrying test.get in 50 ms after HTTP 429']);
    expect(server.requests).toHaveLength(2);
  });

  test('Retry-After as an HTTP date', async () => {
    server.handle(sequence(status(503, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() }), ok));
    const delays: number[] = [];
    using spark = client({ retryInterval: 100, hooks: { beforeRetry: [(_c, r) => { delays.push(r.delayMs); }] } });
    await spark.request(get);
    expect(delays).toEqual([0]);
    const now = Date.parse('Wed, 21 Oct 2015 07:27:58 GMT');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), now)).toBe(2_000);
  });

  test('a Retry-After longer than 2 minutes is not waited for', async () => {
    server.handle(status(429, { 'retry-after': '600' }));
    using spark = client();
    expect(await rejection(spark.request(get))).toBeInstanceOf(SparkRateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  test('maxRetries: 0 sends exactly once', async () => {
    server.handle(status(429, { 'retry-after': '0' }, { message: 'slow down' }));
    using spark = client({ maxRetries: 0 });
    const error = await rejection(spark.request(post));
    expect(error).toBeInstanceOf(SparkRateLimitError);
    expect(error.status).toBe(429);
    expect(error.message).toBe(`429 test.post failed (POST ${server.baseUrl}/api/v3/thing): slow down`);
    expect(server.requests).toHaveLength(1);
  });

  test('503 is retried for POST too', async () => {
    server.handle(sequence(status(503), status(503), ok));
    using spark = client();
    expect((await spark.request(post)).data).toEqual({ ok: true });
    expect(server.requests.map((r) => r.body.toString())).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  test('502 is retried for GET, not for POST unless idempotent', async () => {
    using spark = client();
    server.handle(sequence(status(502), ok));
    expect((await spark.request(get)).status).toBe(200);
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.handle(status(502));
    const error = await rejection(spark.request(post));
    expect(error).toBeInstanceOf(SparkBadGatewayError);
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    server.handle(sequence(status(504), ok));
    expect((await spark.request({ ...post, idempotent: true })).status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  test('504 exhausts the retry budget: 1 + maxRetries attempts', async () => {
    server.handle(status(504));
    using spark = client({ maxRetries: 3 });
    expect(await rejection(spark.request(get))).toBeInstanceOf(SparkGatewayTimeoutError);
    expect(server.requests).toHaveLength(4);
  });

  test('400 is never retried', async () => {
    server.handle(status(400, {}, { error: { message: 'bad input' } }));
    using spark = client();
    const error = await rejection(spark.request(get));
    expect(error).toBeInstanceOf(SparkBadRequestError);
    expect(error.message).toBe(`400 test.get failed (GET ${server.baseUrl}/api/v3/thing): bad input`);
    expect(error.body).toEqual({ error: { message: 'bad input' } });
    expect(server.requests).toHaveLength(1);
  });

  test('a dropped connection is retried for GET', async () => {
    server.handle(sequence(drop, ok));
    using spark = client();
    expect((await spark.request(get)).data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  test('a dropped connection is not retried for POST', async () => {
    server.handle(drop);
    using spark = client();
    const error = await rejection(spark.request(post));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toMatch(new RegExp(`^test\\.post could not reach ${server.baseUrl}/api/v3/thing: `));
    expect(error.method).toBe('POST');
    expect(server.requests).toHaveLength(1);
  });

  test('every attempt has a fresh x-request-id; the error carries the last one', async () => {
    server.handle(status(503));
    using spark = client({ maxRetries: 2 });
    const error = await rejection(spark.request(get));
    expect(error).toBeInstanceOf(SparkServiceUnavailableError);
    const ids = server.requests.map((r) => r.headers['x-request-id']);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
    expect(error.requestId).toBe(ids[2]);
  });

  test('the response reports the request id of the attempt that succeeded', async () => {
    server.handle(sequence(status(503), ok));
    using spark = client();
    const response = await spark.request(get);
    expect(response.requestId).toBe(server.requests[1]!.headers['x-request-id']);
  });
});

describe('retry helpers', () => {
  test('isRetryableStatus', () => {
    expect([408, 429, 503].map((s) => isRetryableStatus(s, false))).toEqual([true, true, true]);
    expect([502, 504].map((s) => [isRetryableStatus(s, false), isRetryableStatus(s, true)])).toEqual([[false, true], [false, true]]);
    expect([400, 401, 404, 500].some((s) => isRetryableStatus(s, true))).toBe(false);
  });

  test('backoffMs doubles per retry and stays in [base/2, base]', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 1, () => 0))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((n) => backoffMs(n, 1, () => 1))).toEqual([1_000, 2_000, 4_000]);
    expect(backoffMs(20, 1, () => 1)).toBe(30_000);
  });

  test('retryAfterMs', () => {
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2_000);
    expect(retryAfterMs(new Headers({ 'x-retry-after': '.1' }))).toBe(100);
  });
});
