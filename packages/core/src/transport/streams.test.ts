import { existsSync } from 'node:fs';
import { getEventListeners } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, rejection, startServer, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';
import { SparkNotFoundError } from '../errors/api-errors.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { abortLinks } from './attempt-abort.js';

let server: TestServer;
let dir: string;
const PAYLOAD = { message: 'hello', list: [1, 2, 3] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-streams-'));
  server = await startServer((req, res) => {
    if (req.url.endsWith('/enc/gzip')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return void res.end(zlib.gzipSync(JSON.stringify(PAYLOAD)));
    }
    if (req.url.endsWith('/file')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="model v1.xlsx"' });
      return void res.end(Buffer.alloc(100_000, 7));
    }
    if (req.url.endsWith('/broken')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
      res.write(Buffer.alloc(1_000, 1));
      return void setTimeout(() => res.destroy(), 20);
    }
    if (req.url.endsWith('/trickle')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.write(Buffer.alloc(10, 1)); // never ends: only an abort stops it
    }
    json(res, 404, { message: 'gone' });
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const client = (options: SparkClientOptions = {}) => createClient({ baseUrl: server.baseUrl, apiKey: 'k', ...options });
const get = (path: string) => ({ operation: 'test.get', method: 'GET', path } as const);

describe('streamed responses and downloads', () => {
  test('streamed responses release the close-signal link once consumed or cancelled', async () => {
    using spark = client();
    for (let i = 0; i < 3; i++) {
      const response = await spark.request<ReadableStream<Uint8Array>>({ ...get('api/v3/file'), responseType: 'stream' });
      expect(abortLinks(spark.signal)).toBe(1);
      expect(getEventListeners(spark.signal, 'abort')).toHaveLength(1);
      if (i === 2) await response.data.cancel();
      else expect((await new Response(response.data).arrayBuffer()).byteLength).toBe(100_000);
      expect(abortLinks(spark.signal)).toBe(0);
      // The shared listener goes with the last link: nothing is left on the client's signal.
      expect(getEventListeners(spark.signal, 'abort')).toHaveLength(0);
    }
  });

  const drain = async (stream: ReadableStream<Uint8Array>): Promise<void> => {
    const reader = stream.getReader();
    for (;;) if ((await reader.read()).done) return;
  };

  test('close() aborts a stream still being read, with SparkClosedError', async () => {
    const spark = client();
    const download = await spark.download(get('api/v3/trickle'));
    spark.close();
    const error = await rejection(drain(download.stream));
    expect(error).toBeInstanceOf(SparkClosedError);
    expect(abortLinks(spark.signal)).toBe(0);
  });

  test("the caller's signal aborts a stream still being read, with its reason", async () => {
    using spark = client();
    const controller = new AbortController();
    const download = await spark.download({ ...get('api/v3/trickle'), signal: controller.signal });
    const reason = new Error('enough');
    controller.abort(reason);
    expect(await rejection(drain(download.stream))).toBe(reason);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test("responseType 'stream' returns a ReadableStream", async () => {
    using spark = client();
    const response = await spark.request<ReadableStream<Uint8Array>>({ ...get('api/v3/enc/gzip'), responseType: 'stream' });
    expect(response.data).toBeInstanceOf(ReadableStream);
    expect(JSON.parse(await new Response(response.data).text())).toEqual(PAYLOAD);
  });

  test('download() + toFile() writes the file; bytes(); error statuses still throw', async () => {
    using spark = client();
    const download = await spark.download(get('api/v3/file'));
    expect(download.fileName).toBe('model v1.xlsx');
    expect(download.contentType).toBe('application/octet-stream');
    const path = join(dir, 'model.xlsx');
    expect(await download.toFile(path)).toBe(100_000);
    expect((await readFile(path)).equals(Buffer.alloc(100_000, 7))).toBe(true);
    expect((await (await spark.download(get('api/v3/file'))).bytes()).byteLength).toBe(100_000);
    const error = await rejection(spark.download(get('api/v3/missing')));
    expect(error).toBeInstanceOf(SparkNotFoundError);
    expect(error.body).toEqual({ message: 'gone' });
  });

  test('toFile() leaves no partial file when the stream breaks', async () => {
    using spark = client();
    const download = await spark.download(get('api/v3/broken'));
    const path = join(dir, 'broken.bin');
    const error = await rejection(download.toFile(path));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toMatch(new RegExp(`^test\\.get could not reach ${server.baseUrl}/api/v3/broken: `));
    expect(existsSync(path)).toBe(false);
    expect((await readdir(dir)).filter((name) => name.startsWith('broken'))).toEqual([]);
  });
});
