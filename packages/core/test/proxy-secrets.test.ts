import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { rejection } from './server.js';

const USER = 'proxy-user';
const PASSWORD = 'pr0xy-PASSWORD-s3cret';

// Issue 14 §1: proxy credentials are masked in errors, bodies and logs like every other secret.
describe('proxy credentials are masked', () => {
  let proxy: http.Server;
  let url: string;
  beforeAll(async () => {
    // A hostile proxy: answers 407 and echoes everything it was sent, Proxy-Authorization included.
    proxy = http.createServer((req, res) => {
      const basic = req.headers['proxy-authorization'] ?? '';
      const decoded = Buffer.from(basic.replace(/^Basic /, ''), 'base64').toString();
      res.writeHead(407, { 'content-type': 'application/json', 'x-echo': basic });
      res.end(JSON.stringify({ message: `denied ${basic} (${decoded})`, headers: req.headers }));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    url = `http://${USER}:${PASSWORD}@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => { proxy.closeAllConnections(); proxy.close(() => resolve()); }));

  test('a 407 echoing Proxy-Authorization: message, body, headers, JSON and logs hold no credential', async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string, x?: unknown) => lines.push(m + JSON.stringify(x)), info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    using spark = createClient({ baseUrl: 'http://spark.invalid/my-tenant', apiKey: 'k', proxy: url, maxRetries: 0, logger });
    const error = await rejection(spark.request({ operation: 'test.proxy', method: 'GET', path: 'api/v3/x' }));
    expect(error.status).toBe(407);
    const basic = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const everything = [error.message, JSON.stringify(error), JSON.stringify(error.body), JSON.stringify([...error.headers.entries()]), ...lines].join('\n');
    expect(everything).toContain('denied');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(basic);
  });
});
