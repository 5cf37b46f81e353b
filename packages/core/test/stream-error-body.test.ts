import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkApiError } from '../src/errors/api-error.js';
import { SparkResponseTooLargeError } from '../src/errors/response-errors.js';
import { rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

const MiB = 1024 * 1024;

// A streamed call (a download) is uncapped on success, but its error body is read into memory
// to build the SparkApiError: that read is bounded by the client's maxResponseBytes.
describe.each(TRANSPORTS)('the error body of a streamed call (%s)', (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(Buffer.alloc(req.url.endsWith('/huge') ? 3 * MiB : 100, 97));
    });
  });
  afterAll(() => server.close());
  const client = () => createClient({ baseUrl: server.baseUrl, apiKey: 'k', maxRetries: 0, maxResponseBytes: MiB, ...transport });

  test("past the client's maxResponseBytes: a SparkResponseTooLargeError naming that cap", async () => {
    using spark = client();
    const error = await rejection(spark.request({ operation: 'test.download', method: 'GET', path: 'api/v3/huge', responseType: 'stream' }));
    expect(error).toBeInstanceOf(SparkResponseTooLargeError);
    expect(error.limit).toBe(MiB);
  });

  test('within it: the status error with its body', async () => {
    using spark = client();
    const error = await rejection(spark.request({ operation: 'test.download', method: 'GET', path: 'api/v3/small', responseType: 'stream' }));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.status).toBe(500);
    expect(error.body).toBe('a'.repeat(100));
  });
});
