import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { json, rejection, startServer, type TestServer } from '../../test/server.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkTimeoutError } from '../errors/timeout-error.js';
import type { SparkClientOptions } from '../config/options.js';
import { createClient } from './create-client.node.js';

let server: TestServer;
let releases: Array<() => void>;
beforeAll(async () => {
  // `/hang` never answers; `/held` answers when the test releases it; anything else at once.
  server = await startServer((req, res) => {
    if (req.url.endsWith('/hang')) return;
    if (req.url.endsWith('/half')) return void res.writeHead(200, { 'content-type': 'application/json' }).write('{"partial":');
    if (req.url.endsWith('/held')) return void releases.push(() => json(res, 200, { held: true }));
    json(res, 200, { ok: true });
  });
});
afterAll(() => server.close());
beforeEach(() => { server.requests.length = 0; releases = []; });

const client = (options: SparkClientOptions = {}) => createClient({ baseUrl: server.baseUrl, apiKey: 'k', retryInterval: 0.01, ...options });
const quick = { operation: 'test.quick', method: 'GET', path: 'api/v3/quick' } as const;
const hang = { operation: 'test.hang', method: 'GET', path: 'api/v3/hang' } as const;
const held = { operation: 'test.held', method: 'GET', path: 'api/v3/held' } as const;
const CLOSED = 'Spark client is already closed';

describe('timeouts and cancellation', () => {
  test('a server that never answers → SparkTimeoutError (not retried)', async () => {
    using spark = client({ timeout: 100 });
    const error = await rejection(spark.request(hang));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.message).toBe(`test.hang timed out after 100 ms (GET ${server.baseUrl}/api/v3/hang)`);
    expect(error.timeout).toBe(100);
    expect(error.requestId).toBe(server.requests[0]!.headers['x-request-id']);
    expect(server.requests).toHaveLength(1);
  });

  test('a body that never completes also times out', async () => {
    using spark = client({ timeout: 100 });
    const error = await rejection(spark.request({ operation: 'test.half', method: 'GET', path: 'api/v3/half' }));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.message).toBe(`test.half timed out after 100 ms (GET ${server.baseUrl}/api/v3/half)`);
  });

  test('the per-request timeout overrides the client one', async () => {
    using spark = client({ timeout: 60_000 });
    const error = await rejection(spark.request({ ...hang, timeout: 50 }));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.timeout).toBe(50);
  });

  test('a timeout beyond setTimeout range does not fire at once', async () => {
    using spark = client({ timeout: 2 ** 31 });
    const pending = spark.request(held);
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    releases[0]!();
    expect((await pending).data).toEqual({ held: true });
  });

  const viaFetch = { fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, init) };
  test.each([
    ['an Error', new Error('user cancelled'), {}],
    ['a plain object', { why: 'user' }, {}],
    ['a frozen Error', Object.freeze(new Error('frozen')), {}],
    ['an Error, fetch transport', new Error('user cancelled'), viaFetch],
    ['a string, fetch transport', 'just a string', viaFetch],
    ['a frozen Error, fetch transport', Object.freeze(new Error('frozen')), viaFetch],
  ])('caller abort rejects with the exact reason (%s)', async (_kind, reason, transport) => {
    using spark = client(transport);
    const controller = new AbortController();
    const pending = spark.request({ ...hang, signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    if (typeof reason === 'object') expect(Object.keys(reason)).toEqual(reason instanceof Error ? [] : ['why']); // not mutated
  });

  test('an already aborted signal sends nothing', async () => {
    using spark = client();
    const reason = new Error('too late');
    expect(await rejection(spark.request({ ...quick, signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

describe('close', () => {
  test('calls after close() reject with SparkClosedError; close is idempotent', async () => {
    const spark = client();
    spark.close();
    spark.close();
    expect(spark.closed).toBe(true);
    expect(spark.signal.aborted).toBe(true);
    const error = await rejection(spark.request(quick));
    expect(error).toBeInstanceOf(SparkClosedError);
    expect(error.message).toBe(CLOSED);
    expect(server.requests).toHaveLength(0);
  });

  test('close() rejects an in-flight request promptly', async () => {
    const spark = client({ timeout: 60_000 });
    const pending = spark.request(hang);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    expect(spark.pending).toBe(1);
    spark.close();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(SparkClosedError);
    expect(error.message).toBe(CLOSED);
    expect(spark.pending).toBe(0);
  }, 3_000);

  test('close() during a retry wait rejects with SparkClosedError', async () => {
    server.handle((_req, res) => json(res, 503, {}, { 'retry-after': '30' }));
    try {
      const spark = client();
      const pending = spark.request(quick);
      await vi.waitFor(() => expect(server.requests).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 20));
      spark.close();
      expect(await rejection(pending)).toBeInstanceOf(SparkClosedError);
    } finally {
      server.handle((req, res) => {
        if (req.url.endsWith('/hang')) return;
    if (req.url.endsWith('/half')) return void res.writeHead(200, { 'content-type': 'application/json' }).write('{"partial":');
        if (req.url.endsWith('/held')) return void releases.push(() => json(res, 200, { held: true }));
        json(res, 200, { ok: true });
      });
    }
  }, 3_000);

  test('closeGracefully() lets in-flight calls finish and refuses new ones', async () => {
    const spark = client();
    const calls = [spark.request(held), spark.request(held), spark.request(held)];
    await vi.waitFor(() => expect(releases).toHaveLength(3));
    let done = false;
    const closing = spark.closeGracefully().then(() => { done = true; });
    expect(spark.closed).toBe(true);
    const refused = await rejection(spark.request(quick));
    expect(refused).toBeInstanceOf(SparkClosedError);
    expect(refused.message).toBe(CLOSED);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(spark.signal.aborted).toBe(false);
    for (const release of releases) release();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.data)).toEqual([{ held: true }, { held: true }, { held: true }]);
    await closing;
    expect(done).toBe(true);
    expect(spark.signal.aborted).toBe(true);
    expect(server.requests.filter((r) => r.url.endsWith('/quick'))).toHaveLength(0);
  });

  test('closeGracefully() with nothing in flight resolves at once', async () => {
    const spark = client();
    await spark.closeGracefully();
    expect(spark.signal.aborted).toBe(true);
    expect(await rejection(spark.request(quick))).toBeInstanceOf(SparkClosedError);
  });

  test('`using` closes the client at the end of the block (aborting in-flight calls)', async () => {
    let pending!: Promise<unknown>;
    let leaked: { closed: boolean } | undefined;
    {
      using spark = client();
      leaked = spark;
      pending = spark.request(hang);
      await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    }
    expect(leaked.closed).toBe(true);
    expect(await rejection(pending)).toBeInstanceOf(SparkClosedError);
  }, 3_000);

  test('`await using` drains in-flight calls before closing', async () => {
    let result: unknown;
    let leaked: { closed: boolean; signal: AbortSignal } | undefined;
    {
      await using spark = client();
      leaked = spark;
      void spark.request(held).then((r) => { result = r.data; });
      await vi.waitFor(() => expect(releases).toHaveLength(1));
      setTimeout(() => releases[0]!(), 20);
    }
    expect(result).toEqual({ held: true });
    expect(leaked.closed).toBe(true);
    expect(leaked.signal.aborted).toBe(true);
  });

  test('disposers are the well-known symbols', () => {
    const spark = client();
    expect(typeof spark[Symbol.dispose]).toBe('function');
    expect(typeof spark[Symbol.asyncDispose]).toBe('function');
    spark[Symbol.dispose]();
    expect(spark.closed).toBe(true);
  });
});
