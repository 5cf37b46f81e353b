import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkResponseTooLargeError } from '../src/errors/response-errors.js';
import { SparkSdkError } from '../src/errors/sdk-error.js';
import { rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

const MiB = 1024 * 1024;
// 64 MiB of spaces: each codec packs it into a few KB, far past a 1 MiB cap once decoded.
const SPACES = Buffer.alloc(64 * MiB, 32);
const BOMBS = { deflate: zlib.deflateSync(SPACES, { level: 9 }), br: zlib.brotliCompressSync(SPACES) } as const;
// A JSON answer of exactly 1 MiB decoded: at the cap, not past it.
const EXACT = Buffer.from(`"${'x'.repeat(MiB - 2)}"`);
const AT_CAP = { deflate: zlib.deflateSync(EXACT), br: zlib.brotliCompressSync(EXACT) } as const;

// gzip is covered in bounded-responses.test.ts; the Node pool decodes deflate and br with the same caps.
describe.each(TRANSPORTS)('deflate and br bombs (%s)', (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const [, kind, codec] = /\/(bomb|exact)-(deflate|br)$/.exec(req.url) ?? [];
      const body = (kind === 'bomb' ? BOMBS : AT_CAP)[codec as 'deflate' | 'br'];
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': codec!, 'content-length': body.byteLength });
      res.end(body);
    });
  });
  afterAll(() => server.close());
  const client = () => createClient({ baseUrl: server.baseUrl, apiKey: 'k', maxResponseBytes: MiB, ...transport });

  test.each(['deflate', 'br'])('a %s bomb stops at maxResponseBytes with a SparkResponseTooLargeError', async (codec) => {
    using spark = client();
    const error = await rejection(spark.request({ operation: 'test.get', method: 'GET', path: `api/v3/bomb-${codec}` }));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(MiB);
  });

  // request() is public: a per-call value that is not a whole number > 0 must not lift the cap (Infinity read the whole 64 MiB).
  test.each([Infinity, Number.NaN, 1.5, '1048576'])('a per-call maxResponseBytes of %s is refused before anything is sent', async (value) => {
    using spark = client();
    const before = server.requests.length;
    const error = await rejection(spark.request({ operation: 'test.get', method: 'GET', path: 'api/v3/bomb-br', maxResponseBytes: value as number }));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe(`test.get: maxResponseBytes must be a whole number of bytes > 0, got ${String(value)}`);
    expect(server.requests.length).toBe(before);
  });

  test.each(['deflate', 'br'])('a %s answer of exactly maxResponseBytes decoded is read whole', async (codec) => {
    using spark = client();
    const data = (await spark.request({ operation: 'test.get', method: 'GET', path: `api/v3/exact-${codec}` })).data as string;
    expect(data.length).toBe(MiB - 2);
  });
});
