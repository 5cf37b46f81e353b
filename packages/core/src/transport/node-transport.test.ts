import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { json, rejection, startServer, UUID, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';
import { SparkInternalServerError } from '../errors/api-errors.js';
import { SparkUnexpectedResponseError } from '../errors/response-errors.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { AttemptAbort } from './attempt-abort.js';
import { nodeTransport } from './node-transport.js';
import type { TransportResponse } from './types.js';

let server: TestServer;
const PAYLOAD = { message: 'hello', list: Array.from({ length: 50 }, (_, i) => ({ i, text: 'spark '.repeat(5) })) };

beforeAll(async () => {
  server = await startServer((req, res) => {
    const encoding = /\/enc\/(\w+)$/.exec(req.url)?.[1];
    if (encoding) {
      const raw = Buffer.from(JSON.stringify(PAYLOAD));
      const body = encoding === 'gzip' ? zlib.gzipSync(raw) : encoding === 'deflate' ? zlib.deflateSync(raw) : zlib.brotliCompressSync(raw);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      return void res.end(body);
    }
    if (req.url.endsWith('/file')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="model v1.xlsx"' });
      return void res.end(Buffer.alloc(100_000, 7));
    }
    if (/\/badjson\/\d+$/.test(req.url)) {
      res.writeHead(Number(req.url.split('/').pop()), { 'content-type': 'application/json; charset=utf-8' });
      return void res.end('{"message": "trunc');
    }
    if (req.url.endsWith('/text')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('plain text');
    }
    json(res, 200, { ok: true });
  });
});
afterAll(() => server.close());
beforeEach(() => { server.requests.length = 0; });

const client = (options: SparkClientOptions = {}) => createClient({ baseUrl: server.baseUrl, apiKey: 'k', retryInterval: 0.01, ...options });
const get = (path: string) => ({ operation: 'test.get', method: 'GET', path } as const);

describe('node transport', () => {
  test('200 sequential requests reuse a handful of connections', async () => {
    const before = server.connections;
    using spark = client();
    for (let i = 0; i < 200; i++) await spark.request(get('api/v3/ping'));
    expect(server.requests).toHaveLength(200);
    expect(server.connections - before).toBeLessThanOrEqual(2);
  });

  test('connectionsOpened counts the pool\'s sockets; close() destroys them', async () => {
    const transport = nodeTransport();
    const send = (path: string): Promise<TransportResponse> => {
      const url = `${server.baseUrl}/${path}`;
      return transport.request({ url, method: 'GET', headers: {}, body: undefined, abort: new AttemptAbort(), stream: false });
    };
    expect((await send('x')).status).toBe(200);
    expect(transport.connectionsOpened?.()).toBe(1);
    expect((await send('y')).status).toBe(200);
    expect(transport.connectionsOpened?.()).toBe(1);
    transport.close();
    expect((await send('z')).status).toBe(200);
    expect(transport.connectionsOpened?.()).toBe(2);
    transport.close();
  });

  test('aborting an attempt after its body was read leaves the pooled socket alone', async () => {
    const transport = nodeTransport();
    const first = new AttemptAbort();
    expect((await transport.request({ url: `${server.baseUrl}/a`, method: 'GET', headers: {}, body: undefined, abort: first, stream: false })).status).toBe(200);
    first.abort(new Error('timeout')); // e.g. the attempt's timer firing just after the body arrived
    await new Promise((resolve) => setImmediate(resolve));
    expect((await transport.request({ url: `${server.baseUrl}/b`, method: 'GET', headers: {}, body: undefined, abort: new AttemptAbort(), stream: false })).status).toBe(200);
    expect(transport.connectionsOpened?.()).toBe(1);
    transport.close();
  });

  test.each(['gzip', 'deflate', 'br'])('decodes %s responses', async (encoding) => {
    using spark = client();
    const response = await spark.request(get(`api/v3/enc/${encoding}`));
    expect(response.data).toEqual(PAYLOAD);
    expect(server.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  test('response types: text, bytes, and json for non-JSON content', async () => {
    using spark = client();
    expect((await spark.request({ ...get('api/v3/text'), responseType: 'text' })).data).toBe('plain text');
    const notJson = await rejection(spark.request(get('api/v3/text')));
    expect(notJson).toBeInstanceOf(SparkUnexpectedResponseError);
    expect(notJson).toMatchObject({ status: 200, contentType: 'text/plain', preview: 'plain text' });
    const bytes = (await spark.request<Uint8Array>({ ...get('api/v3/file'), responseType: 'bytes' })).data;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBe(100_000);
  });

  test('a large body is gzipped when the operation allows it; a small one is not', async () => {
    using spark = client({ compressAbove: 1_000 });
    const big = { inputs: PAYLOAD };
    await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/x', json: big, compress: true });
    await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/x', json: { small: true }, compress: true });
    await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/x', json: big });
    const [zipped, small, plain] = server.requests;
    expect(zipped!.headers['content-encoding']).toBe('gzip');
    expect(zipped!.headers['content-type']).toBe('application/json');
    expect(zipped!.headers['content-length']).toBe(String(zipped!.body.byteLength));
    expect(JSON.parse(zlib.gunzipSync(zipped!.body).toString())).toEqual(big);
    expect(small!.headers['content-encoding']).toBeUndefined();
    expect(small!.body.toString()).toBe('{"small":true}');
    expect(plain!.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain!.body.toString())).toEqual(big);
  });

  test('form, FormData and raw bodies', async () => {
    using spark = client();
    await spark.request({ operation: 'f', method: 'POST', path: 'api/v3/x', form: { a: '1 2', b: '&' } });
    const data = new FormData();
    data.append('meta', JSON.stringify({ x: 1 }));
    data.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'model.xlsx');
    await spark.request({ operation: 'm', method: 'POST', path: 'api/v3/x', body: data });
    const [form, multipart] = server.requests;
    expect(form!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form!.body.toString()).toBe('a=1+2&b=%26');
    expect(multipart!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart!.body.toString()).toContain('filename="model.xlsx"');
  });

  test('invalid JSON: an unexpected-response error on success, the status-specific error (with the text) on failure', async () => {
    using spark = client();
    const bad = await rejection(spark.request(get('api/v3/badjson/200')));
    expect(bad).toBeInstanceOf(SparkUnexpectedResponseError);
    expect(bad.message).toBe(`test.get: unexpected response: its JSON does not parse (HTTP 200, GET ${server.baseUrl}/api/v3/badjson/200): "{\\"message\\": \\"trunc"`);
    const failed = await rejection(spark.request(get('api/v3/badjson/500')));
    expect(failed).toBeInstanceOf(SparkInternalServerError);
    expect(failed.status).toBe(500);
    expect(failed.body).toBe('{"message": "trunc');
  });

  test('an injected fetch replaces the node transport', async () => {
    const calls: Array<{ url: unknown; init: RequestInit | undefined }> = [];
    const before = server.connections;
    using spark = client({
      fetch: async (url: string | URL | Request, init?: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify({ fake: true }), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const response = await spark.request({ operation: 'test.post', method: 'POST', path: 'api/v3/thing', json: { a: 1 } });
    expect(response.data).toEqual({ fake: true });
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(`${server.baseUrl}/api/v3/thing`);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    const headers = new Headers(init?.headers);
    expect(headers.get('x-synthetic-key')).toBe('k');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-request-id')).toMatch(UUID);
    expect(server.requests).toHaveLength(0);
    expect(server.connections).toBe(before);
  });
});
