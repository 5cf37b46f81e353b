// Issue 14 §3: `maxResponseBytes` is a per-call override on every operation, not only on
// `core.request()`. A loopback server answers 5,000-byte bodies; the caller's cap decides.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient, executeService, exportServices, runBatchSync, SparkResponseTooLargeError, type SparkClientOptions,
} from '../src/index.js';

const BIG = 'x'.repeat(5_000);
const TRANSPORTS: Array<[string, Partial<SparkClientOptions>]> = [
  ['node pool', {}],
  ['fetch', { fetch: (input, init) => globalThis.fetch(input, init) }],
];

/** Spark's answers, each body over 5,000 bytes except the export job's start. */
function answer(req: http.IncomingMessage, res: http.ServerResponse, base: string): void {
  const send = (body: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const url = req.url ?? '';
  if (url.endsWith('/api/v3/folders/f/services/s/execute')) {
    return send({ status: 'Success', response_data: { outputs: { text: BIG } }, response_meta: { system: 'SPARK' }, error: null });
  }
  if (url.endsWith('/api/v4/execute')) return send({ outputs: [{ text: BIG }], errors: [null], warnings: [null], process_time: [1] });
  if (url.endsWith('/api/v4/export')) return send({ id: 'job-1', object: 'export', status_url: `${base}/api/v4/export/job-1/status` });
  if (url.endsWith('/api/v4/export/job-1/status')) {
    return send({ id: 'job-1', object: 'export', status: 'completed', outputs: { files: [{ file: `${base}/files/a.zip` }] }, padding: BIG });
  }
  res.writeHead(404).end();
}

describe.each(TRANSPORTS)('per-call maxResponseBytes (%s)', (_name, transport) => {
  let server: http.Server;
  let base = '';
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume().on('end', () => answer(req, res, base));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tenant`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => { seen.length = 0; });

  const client = (options: Partial<SparkClientOptions> = {}) => createClient({ baseUrl: base, apiKey: 'k', maxRetries: 2, retryInterval: 0.01, ...transport, ...options });
  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as SparkResponseTooLargeError);

  it('executeService({ maxResponseBytes: 1000 }) fails on a 5,000-byte answer with the cap named; without it the call succeeds', async () => {
    using spark = client();
    const error = await failure(executeService(spark, 'f/s', { inputs: { a: 1 }, maxResponseBytes: 1_000 }));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(1_000);
    expect(error.message).toContain('services.execute: the response body is larger than maxResponseBytes (1000 bytes)');
    expect(seen).toHaveLength(1); // never retried
    const result = await executeService(spark, 'f/s', { inputs: { a: 1 } });
    expect(result.outputs[0]?.['text']).toHaveLength(BIG.length);
  });

  it("a per-call cap larger than the client's lets the body through", async () => {
    using spark = client({ maxResponseBytes: 1_000 });
    const error = await failure(executeService(spark, 'f/s', { inputs: { a: 1 } }));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(1_000);
    const result = await executeService(spark, 'f/s', { inputs: { a: 1 }, maxResponseBytes: 10_000 });
    expect(result.outputs[0]?.['text']).toHaveLength(BIG.length);
  });

  it("a long job passes the cap to its status checks, not only to the request that starts it", async () => {
    using spark = client();
    const params = { services: ['f/s'], pollInterval: 0, download: false };
    const error = await failure(exportServices(spark, { ...params, maxResponseBytes: 2_000 }));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(2_000);
    expect(seen.map((s) => s.replace(/^\w+ \/tenant/, ''))).toEqual(['/api/v4/export', '/api/v4/export/job-1/status']);
    expect((await exportServices(spark, params)).job.status).toBe('completed');
  });

  it('a batch runner passes the cap to every execution: a chunk past it fails with the cap as its cause', async () => {
    using spark = client();
    const failed = await collect(runBatchSync(spark, 'f/s', [{ a: 1 }], { maxResponseBytes: 1_000, maxRetries: 0 }));
    expect(failed[0]?.error?.kind).toBe('chunk');
    expect(failed[0]?.error?.cause).toBeInstanceOf(SparkResponseTooLargeError);
    const passed = await collect(runBatchSync(spark, 'f/s', [{ a: 1 }]));
    expect(passed[0]?.outputs?.['text']).toHaveLength(BIG.length);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
