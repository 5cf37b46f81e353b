import { format, inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import type { SparkClientOptions } from '../src/config/options.js';
import { SparkApiError } from '../src/errors/api-error.js';
import { startServer, type TestServer } from './server.js';

const API_KEY = 'sk-audit-APIKEY-5f3a9c21d7';
const TOKEN = 'tok-audit-BEARER-8e71b0c4aa';
const CLIENT_SECRET = 'cs-audit-CLIENTSECRET-42d9e8';
const ACCESS_TOKEN = 'at-audit-ACCESS-77c1f0e3b5';
const ALL = [API_KEY, TOKEN, CLIENT_SECRET, ACCESS_TOKEN, `Bearer ${TOKEN}`, `Bearer ${ACCESS_TOKEN}`];

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res, raw) => {
    if (req.url.endsWith('/token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ access_token: ACCESS_TOKEN, expires_in: 300 }));
    }
    // Everything the client sent, echoed back in the body and in headers.
    const sent = `${JSON.stringify(req.headers)} ${req.body.toString()}`;
    const echo = { 'x-echo': `${req.headers['x-synthetic-key'] ?? ''} ${req.headers.authorization ?? ''}`, authorization: req.headers.authorization ?? 'none', 'set-cookie': `s=${req.headers['x-synthetic-key'] ?? req.headers.authorization ?? ''}` };
    const path = req.url.split('/').pop();
    if (path === 'reset') return void raw.socket.destroy();
    if (path === 'hang') return;
    const status = Number(path);
    res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0', 'www-authenticate': `Bearer error="invalid_token", token="${req.headers.authorization ?? ''}"`, ...echo });
    res.end(JSON.stringify({ message: `you sent ${sent}`, error: { details: sent }, headers: req.headers }));
  });
});
afterAll(() => server.close());

let lines: string[];
beforeEach(() => {
  lines = [];
  for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { lines.push(format(...args), inspect(args, { depth: 10, showHidden: true })); });
  }
});
afterEach(() => { vi.restoreAllMocks(); });

/** Every way an error can be shown: message, causes (recursively), JSON, inspect, and an API error's headers. */
function views(error: unknown): string[] {
  const out = [JSON.stringify(error) ?? '', inspect(error, { depth: 10, showHidden: true }), String(error)];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    out.push(String((e as Error).message ?? ''), inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e) ?? '', String(e));
  }
  if (error instanceof SparkApiError && error.headers) out.push(JSON.stringify([...error.headers]));
  return out;
}

function expectNoSecret(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  for (const view of [...views(error), ...lines]) for (const secret of ALL) expect(view, `leaked in: ${view.slice(0, 200)}`).not.toContain(secret);
}

const AUTH: Array<[string, SparkClientOptions]> = [
  ['API key', { apiKey: API_KEY }],
  ['bearer token', { token: `Bearer ${TOKEN}` }],
  ['bearer token function', { token: () => TOKEN }],
  ['OAuth client credentials', { oauth: { clientId: 'audit-id', clientSecret: CLIENT_SECRET } }],
];
const PATHS: Array<[string, string, number]> = [
  ['401', '401', 401], ['403', '403', 403], ['429 after the retry budget', '429', 429], ['500 echoing the key in body and headers', '500', 500],
  ['connection reset', 'reset', 0], ['timeout', 'hang', 0],
];

describe.each(AUTH)('secrets audit: %s', (_kind, auth) => {
  test.each(PATHS)('%s', async (_name, path, status) => {
    using spark = createClient({ baseUrl: server.baseUrl, logger: 'debug', timeout: 300, maxRetries: 1, retryInterval: 0.01, ...auth });
    const error = await spark.request({ operation: 'audit.call', method: 'GET', path: `api/v3/${path}` }).then(() => undefined, (e: unknown) => e);
    if (status) expect((error as SparkApiError).status).toBe(status);
    else expect((error as Error).name).toBe(path === 'reset' ? 'SparkConnectionError' : 'SparkTimeoutError');
    expect(lines.some((line) => line.includes('[spark] DEBUG -> GET'))).toBe(true);
    expectNoSecret(error);
    for (const view of [inspect(spark, { depth: 10, showHidden: true }), JSON.stringify(spark), inspect(spark.config, { depth: 10, showHidden: true })]) {
      for (const secret of ALL) expect(view).not.toContain(secret);
    }
  });

  test('an invalid header value', async () => {
    const bad: SparkClientOptions = 'apiKey' in auth ? { apiKey: `${API_KEY}\nx` } : 'oauth' in auth ? { ...auth, headers: { 'x-extra': `${CLIENT_SECRET}\n` } } : { token: `${TOKEN}\r\nx` };
    using spark = createClient({ baseUrl: server.baseUrl, logger: 'debug', maxRetries: 0, ...bad });
    expectNoSecret(await spark.request({ operation: 'audit.call', method: 'GET', path: 'api/v3/200' }).then(() => undefined, (e: unknown) => e));
  });
});

test.each<[string, SparkClientOptions]>([
  ['credentials embedded in baseUrl', { baseUrl: `https://user:${API_KEY}@excel.test.coherent.global/t` }],
  ['a bad timeout next to an API key', { baseUrl: 'https://excel.test.coherent.global/t', apiKey: API_KEY, timeout: -1 }],
  ['a bad header next to a token', { baseUrl: 'https://excel.test.coherent.global/t', token: TOKEN, headers: { authorization: 5 as never } }],
  ['a bad logger next to a client secret', { baseUrl: 'https://excel.test.coherent.global/t', oauth: { clientId: 'id', clientSecret: CLIENT_SECRET }, logger: 'loud' as never }],
  ['an apiKey that is not a string', { baseUrl: 'https://excel.test.coherent.global/t', apiKey: { key: API_KEY } as never }],
  ['proxy and fetch together next to an API key', { baseUrl: 'https://excel.test.coherent.global/t', apiKey: API_KEY, proxy: `http://u:${TOKEN}@p:1`, fetch: globalThis.fetch }],
])('secrets audit: bad config (%s)', (_name, options) => {
  let error: unknown;
  try {
    createClient({ logger: 'debug', ...options }).close();
  } catch (e) {
    error = e;
  }
  expectNoSecret(error);
});
