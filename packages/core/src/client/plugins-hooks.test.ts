import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { json, rejection, sequence, startServer, UUID, type TestServer } from '../../test/server.js';
import { SparkNotFoundError } from '../errors/api-errors.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { VERSION } from '../version.js';
import { createClient } from './create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';
import type { SparkPlugin } from './plugin.js';
import type { SparkCore } from './types.js';
import type { SparkHookContext } from '../transport/hooks.js';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle((_req, res) => json(res, 200, { ok: true }));
});

const client = (options: SparkClientOptions = {}) => createClient({ baseUrl: server.baseUrl, apiKey: 'the-api-key', retryInterval: 0.01, ...options });
const call = { operation: 'things.get', method: 'GET', path: 'api/v3/thing' } as const;

describe('plugins', () => {
  const seen: SparkCore[] = [];
  const things: SparkPlugin<'things', { get(): Promise<unknown> }> = {
    key: 'things',
    create: (core) => {
      seen.push(core);
      return { get: async () => (await core.request(call)).data };
    },
  };
  const other: SparkPlugin<'other', { n: number }> = { key: 'other', create: () => ({ n: 1 }) };

  test('use() returns a new client with the namespace, sharing the core', async () => {
    seen.length = 0;
    const base = client();
    const withThings = base.use(things);
    const both = withThings.use(other);
    expect(withThings).not.toBe(base);
    expect('things' in base).toBe(false);
    expect(both.other.n).toBe(1);
    expect(await both.things.get()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(typeof seen[0]!.request).toBe('function');
    expect(seen[0]!.config).toBe(base.config);
    expect(withThings.signal).toBe(base.signal);
    expect(both.config).toBe(base.config);
    both.close();
    expect(base.closed).toBe(true);
    expect(seen[0]!.closed).toBe(true);
    expect(base.signal.aborted).toBe(true);
  });

  test('a duplicate or reserved key is refused', () => {
    using spark = client();
    const once = spark.use(things);
    const error = (() => { try { once.use(things); } catch (e) { return e as Error; } })();
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error?.message).toBe('a namespace named "things" is already registered on this client');
    expect(() => spark.use({ key: 'config', create: () => ({}) })).toThrow('a namespace named "config" is already registered on this client');
    expect(() => spark.use({ key: 'x' } as never)).toThrow('use() expects a plugin: { key, create(core) }');
  });
});

describe('SDK headers and hooks', () => {
  test('wire headers of a request', async () => {
    using spark = client({ headers: { 'X-Extra': 'extra' } });
    await spark.request({ ...call, headers: { 'x-per-call': 'p' }, query: { a: 'x y', b: undefined, c: '' } });
    const [req] = server.requests;
    expect(req!.url).toBe('/my-tenant/api/v3/thing?a=x%20y&c=');
    expect(req!.headers).toMatchObject({
      'x-synthetic-key': 'the-api-key',
      'x-tenant-name': 'my-tenant',
      'x-extra': 'extra',
      'x-per-call': 'p',
      'user-agent': `Spark TypeScript SDK v${VERSION} (Node/${process.versions.node})`,
      'x-spark-ua': `agent=spark-typescript-sdk/${VERSION}; env=Node/${process.versions.node}`,
    });
    expect(req!.headers['x-request-id']).toMatch(UUID);
    expect(req!.headers.authorization).toBeUndefined();
  });

  test('bad requests are refused before anything is sent', async () => {
    using spark = client();
    const cases: Array<[unknown, string]> = [
      [{ operation: 'op', method: 'POST', path: 'x', json: { n: 1n } }, 'op: the request body cannot be serialised to JSON'],
      [{ operation: 'op', method: 'GET', url: 'ftp://elsewhere/x' }, 'url must be an absolute http(s) URL, got "ftp://elsewhere/x"'],
      [{ method: 'GET', path: 'x' }, 'request must be an object with an operation'],
      [null, 'request must be an object with an operation'],
    ];
    for (const [request, message] of cases) {
      const error = await rejection(spark.request(request as never));
      expect(error).toBeInstanceOf(SparkSdkError);
      expect(error.message).toBe(message);
    }
    expect(server.requests).toHaveLength(0);
    expect(spark.pending).toBe(0);
  });

  test('api/v1 paths hang off the origin, others off origin/tenant', async () => {
    using spark = client();
    await spark.request({ operation: 'a', method: 'GET', path: '/api/v1/product/list' });
    await spark.request({ operation: 'b', method: 'GET', url: `${server.origin}/elsewhere?x=1`, query: { y: 2 } });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v1/product/list', '/elsewhere?x=1&y=2']);
  });

  test('beforeRequest can add headers but cannot override the SDK or auth headers', async () => {
    using spark = client({
      hooks: {
        beforeRequest: [(_ctx, headers) => {
          headers['x-added'] = 'yes';
          headers['X-Request-Id'] = 'mine';
          headers['x-tenant-name'] = 'other-tenant';
          headers['X-Synthetic-Key'] = 'stolen';
          headers['User-Agent'] = 'fake';
        }],
      },
    });
    await spark.request({ ...call, headers: { 'X-Request-Id': 'per-call', 'X-Tenant-Name': 'per-call' } });
    const headers = server.requests[0]!.headers;
    expect(headers['x-added']).toBe('yes');
    expect(headers['x-request-id']).toMatch(UUID);
    expect(headers['x-tenant-name']).toBe('my-tenant');
    expect(headers['x-synthetic-key']).toBe('the-api-key');
    expect(headers['user-agent']).toMatch(/^Spark TypeScript SDK v/);
  });

  test('afterResponse and beforeRetry get the operation id; beforeError can replace the error', async () => {
    server.handle(sequence((_q, res) => json(res, 503, {}), (_q, res) => json(res, 404, { message: 'no such thing' })));
    const log: string[] = [];
    const replacement = new Error('replaced');
    using spark = client({
      hooks: {
        beforeRequest: [(ctx) => { log.push(`request ${ctx.operation} #${ctx.attempt} ${ctx.method}`); }],
        afterResponse: [(ctx, r) => { log.push(`response ${ctx.operation} ${r.status} ${typeof r.durationMs}`); }],
        beforeRetry: [(ctx, r) => { log.push(`retry ${ctx.operation} ${r.reason}`); }],
        beforeError: [
          (ctx, error) => { log.push(`error ${ctx.operation} ${error instanceof SparkNotFoundError} ${ctx.requestId === (error as SparkNotFoundError).requestId}`); },
          () => replacement,
        ],
      },
    });
    expect(await rejection(spark.request(call))).toBe(replacement);
    expect(log).toEqual([
      'request things.get #0 GET',
      'response things.get 503 number',
      'retry things.get HTTP 503',
      'request things.get #1 GET',
      'response things.get 404 number',
      'error things.get true true',
    ]);
  });

  test('a dormant beforeRequest hook is skipped until it wakes; an awake one sees the attempt and may set headers', async () => {
    let asleep = true;
    const seen: SparkHookContext[] = [];
    const hook = Object.assign((context: SparkHookContext, headers: Record<string, string>) => {
      seen.push(context);
      headers['X-Trace'] = `attempt-${context.attempt}`;
    }, { dormant: () => asleep });
    using spark = client({ hooks: { beforeRequest: [hook] } });
    await spark.request(call);
    expect(seen).toHaveLength(0);
    expect(server.requests[0]!.headers['x-trace']).toBeUndefined();
    asleep = false;
    await spark.request(call);
    expect(seen.map((c) => [c.operation, c.attempt, c.requestId])).toEqual([['things.get', 0, server.requests[1]!.headers['x-request-id']]]);
    expect(server.requests[1]!.headers['x-trace']).toBe('attempt-0');
  });

  test('operations reject, never throw, on bad input: the caller\'s await sees the error', async () => {
    using spark = client();
    const sent = spark.request({ ...call, maxResponseBytes: -1 });
    expect(sent).toBeInstanceOf(Promise);
    const error = await rejection(sent);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('things.get: maxResponseBytes must be a whole number of bytes > 0, got -1');
    expect(server.requests).toHaveLength(0);
    expect(spark.pending).toBe(0);
  });

  test('hook contexts carry each attempt\'s request id', async () => {
    server.handle(sequence((_q, res) => json(res, 503, {}), (_q, res) => json(res, 200, {})));
    const ids: string[] = [];
    using spark = client({ hooks: { afterResponse: [(ctx) => { ids.push(ctx.requestId); }] } });
    await spark.request(call);
    expect(ids).toEqual(server.requests.map((r) => r.headers['x-request-id']));
  });
});
