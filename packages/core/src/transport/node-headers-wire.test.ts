import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../client/create-client.node.js';

// A raw socket server: records each request's head exactly as it came on the wire.
const heads: string[] = [];
let server: net.Server;
let origin: string;

beforeAll(async () => {
  server = net.createServer((socket) => {
    let buffered = '';
    socket.on('data', (data) => {
      buffered += data.toString('latin1');
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.slice(0, end);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        heads.push(head);
        buffered = buffered.slice(end + 4 + length);
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What node:http sends for the same method, path and headers given as an object (Host and Connection its own). */
async function nodeHead(method: string, path: string, sent: string): Promise<string> {
  const headers: Record<string, string> = {};
  for (const line of sent.split('\r\n').slice(1)) {
    const at = line.indexOf(': ');
    const name = line.slice(0, at);
    if (name !== 'Host' && name !== 'Connection') headers[name] = line.slice(at + 2);
  }
  const agent = new http.Agent({ keepAlive: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const req = http.request(origin + path, { method, headers, agent }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', reject);
      req.end(headers['content-length'] ? 'x'.repeat(Number(headers['content-length'])) : undefined);
    });
  } finally {
    agent.destroy();
  }
  return heads.pop()!;
}

describe('Node pool: the header block on the wire', () => {
  test('a JSON body: the same bytes node:http writes for the same headers as an object, Host once, last before Connection', async () => {
    using spark = createClient({ baseUrl: `${origin}/t`, apiKey: 'k', tracing: false });
    await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/x', json: { a: 1 }, headers: { 'X-Extra': 'e' } });
    const sent = heads.pop()!;
    const lines = sent.split('\r\n');
    expect(lines[0]).toBe('POST /t/api/v3/x HTTP/1.1');
    expect(lines.filter((line) => /^host:/i.test(line))).toEqual([`Host: ${new URL(origin).host}`]);
    expect(lines.slice(-2)).toEqual([`Host: ${new URL(origin).host}`, 'Connection: keep-alive']);
    expect(lines).toContain('content-length: 7');
    expect(lines[1]).toBe('x-extra: e');
    expect(sent).toBe(await nodeHead('POST', '/t/api/v3/x', sent));
  });

  test("a caller's own Host header is sent once, in place of Node's", async () => {
    using spark = createClient({ baseUrl: `${origin}/t`, apiKey: 'k', tracing: false });
    await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/x', json: {}, headers: { Host: 'spark.example' } });
    const lines = heads.pop()!.split('\r\n');
    expect(lines.filter((line) => /^host:/i.test(line))).toEqual(['host: spark.example']);
  });

  test("an auth strategy's header in its own case replaces the caller's: one Authorization, the strategy's", async () => {
    const auth = { type: 'bearer' as const, authorize: () => ({ Authorization: 'Bearer fresh' }), secrets: () => ['fresh'] };
    using spark = createClient({ baseUrl: `${origin}/t`, auth, tracing: false });
    await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/x', json: {}, headers: { authorization: 'Bearer caller' } });
    const lines = heads.pop()!.split('\r\n');
    expect(lines.filter((line) => /^authorization:/i.test(line))).toEqual(['authorization: Bearer fresh']);
  });

  test('a GET without a body keeps the object form: the same bytes as node:http', async () => {
    using spark = createClient({ baseUrl: `${origin}/t`, apiKey: 'k', tracing: false });
    await spark.request({ operation: 'test.get', method: 'GET', path: 'api/v3/y' });
    const sent = heads.pop()!;
    expect(sent).toBe(await nodeHead('GET', '/t/api/v3/y', sent));
  });
});
