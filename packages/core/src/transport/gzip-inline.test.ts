import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { json, startServer, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';

// Where the Node pool gzips a large request body: inline while none of the client's sockets
// carries a request (nothing of the client's waits on the event loop), on the thread pool while
// one does (a batch runner's calls compress in parallel), and always on the pool above 512 KiB.
let server: TestServer;
let release: (() => void) | undefined;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.endsWith('/hold')) {
      release = () => json(res, 200, { held: true });
      return;
    }
    const body = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(req.body) : req.body;
    json(res, 200, { records: (JSON.parse(body.toString()) as { inputs: unknown[] }).inputs.length });
  });
});
afterAll(() => server.close());
afterEach(() => {
  vi.restoreAllMocks();
  release = undefined;
  server.requests.length = 0;
});

/** `n` records of about 190 bytes of JSON each. */
const records = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ id: `POL-${100000 + i}`, note: `record ${i} `.repeat(12), i }));
const post = (n: number) => ({ operation: 'test.v4', method: 'POST', path: 'api/v4/execute', json: { inputs: records(n) }, compress: true } as const);
const spies = () => ({ inline: vi.spyOn(zlib, 'gzipSync'), pooled: vi.spyOn(zlib, 'gzip') });
/** The sizes (bytes before compression) each spy was called with. */
const sizes = (spy: { mock: { calls: unknown[][] } }): number[] => spy.mock.calls.map((call) => (call[0] as Uint8Array).byteLength);

describe('gzip of request bodies in the Node pool', () => {
  test('an idle client gzips a 170 KB body (over the 128 KiB limit) inline, call after call, and the server reads every record', async () => {
    using spark = createClient({ baseUrl: server.baseUrl, apiKey: 'k' });
    const { inline, pooled } = spies();
    for (let i = 0; i < 3; i++) expect((await spark.request(post(1_000))).data).toEqual({ records: 1_000 });
    expect(sizes(inline)).toHaveLength(3);
    for (const size of sizes(inline)) expect(size).toBeGreaterThan(128 * 1024);
    expect(pooled).not.toHaveBeenCalled();
    expect(server.requests.every((r) => r.headers['content-encoding'] === 'gzip')).toBe(true);
  });

  test('with another call on the wire, the same body goes to the thread pool', async () => {
    using spark = createClient({ baseUrl: server.baseUrl, apiKey: 'k' });
    const held = spark.request({ operation: 'test.hold', method: 'GET', path: 'api/v3/hold' });
    held.catch(() => undefined); // awaited below; handled if an assertion fails first and the client closes
    await vi.waitFor(() => expect(release).toBeDefined());
    const { inline, pooled } = spies();
    expect((await spark.request(post(1_000))).data).toEqual({ records: 1_000 });
    expect(sizes(pooled)).toHaveLength(1);
    expect(sizes(pooled)[0]).toBeGreaterThan(128 * 1024);
    expect(inline).not.toHaveBeenCalled();
    release!();
    expect((await held).data).toEqual({ held: true });
  });

  test('above 512 KiB even an idle client gzips on the thread pool', async () => {
    using spark = createClient({ baseUrl: server.baseUrl, apiKey: 'k' });
    const { inline, pooled } = spies();
    expect((await spark.request(post(4_000))).data).toEqual({ records: 4_000 });
    expect(sizes(pooled)).toHaveLength(1);
    expect(sizes(pooled)[0]).toBeGreaterThan(512 * 1024);
    expect(inline).not.toHaveBeenCalled();
  });
});
