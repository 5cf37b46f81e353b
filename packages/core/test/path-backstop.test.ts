import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkSdkError } from '../src/errors/sdk-error.js';
import { json, rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

// The second line of defence behind pathSegment(): request({ path }) refuses any path the URL
// parser would read with a dot or empty segment, in every spelling the parser normalises.
describe.each(TRANSPORTS)('request({ path }) backstop (%s)', (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => json(res, 200, { path: req.url }));
  });
  afterAll(() => server.close());

  test.each([
    'api/v3/folders/../admin',
    'api/v3/folders/%2e%2e/admin',
    'api/v3/folders//admin',
    // What the URL parser also reads as `..` (http and https are special schemes).
    'api/v3/folders/..\\admin',
    'api/v3/folders\\..\\admin',
    'api/v3/folders/.%2e/admin',
    'api/v3/folders/%2E./admin',
    'api/v3/folders/.\t./admin',
    'api/v3/folders/%2e\n%2e/admin',
    'api/v3/folders/\\admin',
    'api/v3/folders/.\\admin',
    // The parser trims spaces and control characters from the end of a URL.
    'api/v3/folders/.. ',
    'api/v3/folders/..\x01',
    'api/v3/folders/.\x00',
    'api/v3/folders/..\x1f\x20',
  ])('%j is refused before anything is sent', async (path) => {
    using spark = createClient({ baseUrl: server.baseUrl, apiKey: 'k', ...transport });
    const before = server.requests.length;
    const error = await rejection(spark.request({ operation: 'test.path', method: 'GET', path }));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toMatch(/has an empty, "\." or "\.\." segment/);
    expect(server.requests.length).toBe(before);
  });

  test.each([
    ['api/v3/folders/a..b/x', '/my-tenant/api/v3/folders/a..b/x'],
    ['api/v3/folders/...', '/my-tenant/api/v3/folders/...'],
    ['api/v3/folders/%2e%2e%2e/x', '/my-tenant/api/v3/folders/%2e%2e%2e/x'],
    ['api/v3/folders/f/', '/my-tenant/api/v3/folders/f/'],
  ])('%j is sent as it is', async (path, seen) => {
    using spark = createClient({ baseUrl: server.baseUrl, apiKey: 'k', ...transport });
    const response = await spark.request<{ path: string }>({ operation: 'test.path', method: 'GET', path });
    expect(response.data.path).toBe(seen);
  });
});
