import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkApiError } from '../src/errors/api-error.js';
import { SparkNotFoundError, SparkUnauthorizedError } from '../src/errors/api-errors.js';
import { SparkUnexpectedResponseError } from '../src/errors/response-errors.js';
import { SparkConnectionError } from '../src/errors/connection-error.js';
import { json, rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

// Issue 14 §5: a success is a success. The server lies with 3xx, HTML, empty and text 200s and error envelopes.
describe.each(TRANSPORTS)('a success is a success (%s)', (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const kind = req.url.split('/').pop();
      if (kind === 'moved') { res.writeHead(301, { location: 'https://elsewhere.example/login' }); return void res.end(); }
      if (kind === 'html') { res.writeHead(200, { 'content-type': 'text/html' }); return void res.end('<html><body>Sign in</body></html>'); }
      if (kind === 'empty') { res.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 }); return void res.end(); }
      if (kind === 'nocontent') { res.writeHead(204); return void res.end(); }
      if (kind === 'text') { res.writeHead(200, { 'content-type': 'text/plain' }); return void res.end('OK'); }
      if (kind === 'envelope') return json(res, 200, { status: 'Error', response_data: null, error: { status: 404, message: 'no such service' } });
      if (kind === 'envelope-code') return json(res, 200, { status: 'Error', errorCode: 'UNAUTHORIZED', message: 'bad key' });
      if (kind === 'file') { res.writeHead(200, { 'content-type': 'application/zip' }); return void res.end('PK\u0003\u0004'); }
      json(res, 200, { status: 'Success', response_data: { outputs: { v: 1 } }, error: null });
    });
  });
  afterAll(() => server.close());

  const client = () => createClient({ baseUrl: server.baseUrl, apiKey: 'k', maxRetries: 0, ...transport });
  const get = (path: string) => ({ operation: 'test.get', method: 'GET', path } as const);

  test('a 3xx is an error naming the Location, never followed', async () => {
    using spark = client();
    const error = await rejection(spark.request(get('api/v3/moved')));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.status).toBe(301);
    expect(error.message).toContain('redirect to https://elsewhere.example/login, which the SDK does not follow');
    expect(error).not.toBeInstanceOf(SparkConnectionError);
  });

  test.each([
    ['html', 'text/html', '<html><body>Sign in</body></html>', 'expected JSON, got "text/html"'],
    ['empty', 'application/json', '', 'the body is empty'],
    ['text', 'text/plain', 'OK', 'expected JSON, got "text/plain"'],
  ])('a 200 %s page where JSON is expected is an unexpected-response error with status, type and first bytes', async (kind, type, preview, why) => {
    using spark = client();
    const error = await rejection(spark.request(get(`api/v3/${kind}`)));
    expect(error).toBeInstanceOf(SparkUnexpectedResponseError);
    expect(error).toMatchObject({ status: 200, contentType: type, preview });
    expect(error.message).toContain(why);
  });

  test('a 204 is null; JSON that parses is data', async () => {
    using spark = client();
    expect((await spark.request(get('api/v3/nocontent'))).data).toBeNull();
    expect((await spark.request(get('api/v3/ok'))).data).toMatchObject({ status: 'Success' });
  });

  test('a v3 envelope saying status "Error" raises the SparkApiError for its code', async () => {
    using spark = client();
    const notFound = await rejection(spark.request(get('api/v3/envelope')));
    expect(notFound).toBeInstanceOf(SparkNotFoundError);
    expect(notFound.message).toContain('no such service');
    const unauthorized = await rejection(spark.request(get('api/v4/envelope-code')));
    expect(unauthorized).toBeInstanceOf(SparkUnauthorizedError);
  });

  test('downloads are exempt from the JSON rule, not from the status rule', async () => {
    using spark = client();
    const file = await spark.download(get('api/v3/file'));
    expect(new TextDecoder().decode(await file.bytes())).toBe('PK\u0003\u0004');
    const moved = await rejection(spark.download(get('api/v3/moved')));
    expect(moved.status).toBe(301);
  });

  test('a download read twice: bytes() again gives the same bytes; reading a consumed stream is a clear SparkSdkError', async () => {
    using spark = client();
    const file = await spark.download(get('api/v3/file'));
    const first = await file.bytes();
    expect(await file.bytes()).toBe(first);
    const streamed = await spark.download(get('api/v3/file'));
    await new Response(streamed.stream).arrayBuffer();
    await expect(streamed.bytes()).rejects.toThrow(/already read through \.stream; a body can be read once/);
  });
});
