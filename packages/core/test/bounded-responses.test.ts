import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkRateLimitError } from '../src/errors/api-errors.js';
import { SparkResponseTooLargeError, SparkUnexpectedResponseError } from '../src/errors/response-errors.js';
import { SparkSdkError } from '../src/errors/sdk-error.js';
import { SparkTimeoutError } from '../src/errors/timeout-error.js';
import { json, rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

const MiB = 1024 * 1024;
// 64 MiB of zeros gzip to ~64 KB: a small answer that inflates far past a 1 MiB cap.
const BOMB = zlib.gzipSync(Buffer.alloc(64 * MiB), { level: 9 });

// Issue 14 §3: every response is bounded; a hostile server bombs, drips, stalls and lies.
describe.each(TRANSPORTS)('bounded responses (%s)', (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url.endsWith('/bomb')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': BOMB.byteLength });
        return void res.end(BOMB);
      }
      if (req.url.endsWith('/endless')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 32);
        const pump = (): void => { while (res.write(chunk)); };
        res.on('drain', pump);
        return void pump();
      }
      if (req.url.endsWith('/corrupt')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return void res.end(Buffer.concat([BOMB.subarray(0, 10), Buffer.from('this is not deflate data at all, sorry')]));
      }
      if (req.url.endsWith('/stall')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return void res.write(Buffer.alloc(1024, 1)); // then nothing, forever
      }
      if (req.url.endsWith('/half')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
        res.write(Buffer.alloc(50_000, 1));
        return void setTimeout(() => res.destroy(), 20);
      }
      if (req.url.includes('/blob')) {
        // A 3 MiB download, chunked or with its length declared; `/blob-endless` never ends.
        const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream' };
        if (req.url.endsWith('/blob-sized')) headers['content-length'] = 3 * MiB;
        res.writeHead(200, headers);
        res.on('close', () => { if (!res.writableFinished) cutShort++; });
        const chunk = Buffer.alloc(64 * 1024, 7);
        let left = req.url.endsWith('/blob-endless') ? Infinity : 48;
        const pump = (): void => {
          while (left > 0) { left--; if (!res.write(chunk)) return; }
          res.end();
        };
        res.on('drain', pump);
        return void pump();
      }
      if (req.url.endsWith('/busy')) return json(res, 429, { message: 'slow down' }, { 'retry-after': '3' });
      json(res, 200, { ok: true });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => { server.requests.length = 0; cutShort = 0; });
  let cutShort = 0;

  const client = (options = {}) => createClient({ baseUrl: server.baseUrl, apiKey: 'k', retryInterval: 0.01, maxRetries: 2, ...transport, ...options });
  const get = (path: string, extra = {}) => ({ operation: 'test.get', method: 'GET', path, ...extra } as const);

  test('a gzip bomb stops at maxResponseBytes (decoded bytes): a typed error naming cap and option, not retried', async () => {
    using spark = client({ maxResponseBytes: MiB });
    const error = await rejection(spark.request(get('api/v3/bomb')));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(MiB);
    expect(error.message).toContain(`maxResponseBytes (${MiB} bytes)`);
    expect(server.requests).toHaveLength(1);
  });

  test('an endless body stops at the cap; a per-call maxResponseBytes overrides the client\'s', async () => {
    using spark = client();
    const error = await rejection(spark.request(get('api/v3/endless', { maxResponseBytes: 2 * MiB })));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(2 * MiB);
    expect(server.requests).toHaveLength(1);
    expect((await spark.request(get('api/v3/ok'))).data).toEqual({ ok: true });
    await expect(spark.request(get('api/v3/ok', { maxResponseBytes: -1 }))).rejects.toThrow(SparkSdkError);
  });

  test('corrupt gzip is an "invalid response" in the SparkApiError family, not a connection error, not retried', async () => {
    using spark = client();
    const error = await rejection(spark.request(get('api/v3/corrupt')));
    expect(error).toBeInstanceOf(SparkUnexpectedResponseError);
    expect(error.message).toContain('invalid response');
    expect(server.requests).toHaveLength(1);
  });

  test('a download that stops sending fails with SparkTimeoutError after `timeout` ms of silence', async () => {
    using spark = client({ timeout: 300 });
    const download = await spark.download(get('api/v3/stall'));
    const started = Date.now();
    const error = await rejection(download.bytes());
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.message).toContain('sent nothing for 300 ms');
    expect(Date.now() - started).toBeLessThan(4_000);
  }, 10_000);

  test.each(['blob-endless', 'blob', 'blob-sized'])('bytes() of a download (%s) stops at the client\'s maxResponseBytes and cancels the stream', async (path) => {
    using spark = client({ maxResponseBytes: MiB, maxRetries: 0 });
    const download = await spark.download(get(`api/v3/${path}`, { operation: 'test.download' }));
    const error = await rejection(download.bytes());
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(MiB);
    expect(error.message).toContain(`test.download: the response body is larger than maxResponseBytes (${MiB} bytes)`);
    // An endless body proves the stream was cancelled: the server sees the connection dropped.
    if (path === 'blob-endless') await expect.poll(() => cutShort, { timeout: 5_000 }).toBe(1);
  }, 15_000);

  test('stream and toFile() of a download are not capped by the client\'s maxResponseBytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-dl-'));
    try {
      using spark = client({ maxResponseBytes: MiB });
      expect(await (await spark.download(get('api/v3/blob'))).toFile(join(dir, 'out.bin'))).toBe(3 * MiB);
      const bytes = await new Response((await spark.download(get('api/v3/blob'))).stream).arrayBuffer();
      expect(bytes.byteLength).toBe(3 * MiB);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a per-call maxResponseBytes overrides the client\'s for a download: larger lets bytes() through, smaller caps toFile()', async () => {
    using spark = client({ maxResponseBytes: MiB, maxRetries: 0 });
    const big = await spark.download(get('api/v3/blob', { maxResponseBytes: 4 * MiB }));
    expect((await big.bytes()).byteLength).toBe(3 * MiB);
    const small = await spark.download(get('api/v3/blob', { maxResponseBytes: 2 * MiB }));
    const error = await rejection(small.toFile(join(tmpdir(), `spark-never-${process.pid}.bin`)));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(2 * MiB);
  });

  test('toFile() of a download that breaks mid-way leaves no file, partial or temporary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-dl-'));
    try {
      using spark = client({ maxRetries: 0 });
      const download = await spark.download(get('api/v3/half'));
      await expect(download.toFile(join(dir, 'out.bin'))).rejects.toThrow();
      expect(existsSync(join(dir, 'out.bin'))).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Retry-After past the call\'s deadline fails now with the 429 error instead of waiting', async () => {
    using spark = client({ timeout: 1_000 });
    const started = Date.now();
    const error = await rejection(spark.request(get('api/v3/busy')));
    expect(error).toBeInstanceOf(SparkRateLimitError);
    expect(Date.now() - started).toBeLessThan(2_500); // waiting would take 3 s (Retry-After: 3)
    expect(server.requests).toHaveLength(1);
  });
});
