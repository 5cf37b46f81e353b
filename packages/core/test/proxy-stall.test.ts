import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { abortLinks } from '../src/transport/attempt-abort.js';
import { SparkTimeoutError } from '../src/errors/timeout-error.js';
import { eventually } from '../../../tooling/test-utils/src/waits.js';
import { rejection } from './server.js';

const PASSWORD = 'pr0xy-PASSWORD-s3cret';

// A proxy that takes the connection and never answers the CONNECT (a broken corporate proxy,
// or one still waiting on the target): the request has no socket yet, and destroying it settled
// nothing, so `timeout` and the caller's signal never ended the call.
describe('a proxy that never answers CONNECT', () => {
  let proxy: net.Server;
  let url: string;
  const open = new Set<net.Socket>();
  beforeAll(async () => {
    proxy = net.createServer((socket) => {
      open.add(socket);
      // Reads (and ignores) the CONNECT, so it sees the client hang up.
      socket.resume();
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    url = `http://proxy-user:${PASSWORD}@127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => { for (const socket of open) socket.destroy(); proxy.close(() => resolve()); }));

  test('timeout ends the call with SparkTimeoutError, the proxy credentials masked', async () => {
    using spark = createClient({ baseUrl: 'https://spark.invalid/my-tenant', apiKey: 'k', proxy: url, timeout: 300, maxRetries: 0 });
    const started = Date.now();
    const error = await rejection(spark.request({ operation: 'test.proxy', method: 'GET', path: 'api/v3/x' }));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.message).toBe('test.proxy timed out after 300 ms (GET https://spark.invalid/my-tenant/api/v3/x)');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect(abortLinks(spark.signal)).toBe(0);
  }, 10_000);

  test('the caller\'s signal ends the call with its reason', async () => {
    using spark = createClient({ baseUrl: 'https://spark.invalid/my-tenant', apiKey: 'k', proxy: url, timeout: 60_000, maxRetries: 0 });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 200);
    expect(await rejection(spark.request({ operation: 'test.proxy', method: 'GET', path: 'api/v3/x', signal: controller.signal }))).toBe(reason);
  }, 10_000);

  test('the unanswered CONNECT is closed after the client\'s timeout too, not held until close()', async () => {
    using spark = createClient({ baseUrl: 'https://spark.invalid/my-tenant', apiKey: 'k', proxy: url, timeout: 300, maxRetries: 0 });
    await eventually(() => open.size === 0);
    expect(await rejection(spark.request({ operation: 'test.proxy', method: 'GET', path: 'api/v3/x' }))).toBeInstanceOf(SparkTimeoutError);
    // The client is still open: only the CONNECT's own timeout can close the proxy's socket.
    await eventually(() => open.size === 0, 3_000);
  }, 10_000);
});
