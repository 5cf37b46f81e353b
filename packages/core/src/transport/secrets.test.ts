import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { json, rejection, startServer, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';
import type { SparkLogger } from '../config/logger.js';
import { SparkUnauthorizedError } from '../errors/api-errors.js';
import { SparkSdkError } from '../errors/sdk-error.js';

const API_KEY = 'sk-live-APIKEY-0123456789';
const TOKEN = 'tok-SECRET-abcdef123456';
const CLIENT_SECRET = 'cs-SECRET-9876543210';
const ACCESS_TOKEN = 'at-SECRET-fedcba987654';

let server: TestServer;
let echo: 'json' | 'text';
beforeAll(async () => {
  // Every request is refused with a body that echoes everything the client sent.
  server = await startServer((req, res) => {
    const sent = `${JSON.stringify(req.headers)} ${req.body.toString()}`;
    if (req.url.endsWith('/token') && req.body.includes('good-id')) return json(res, 200, { access_token: ACCESS_TOKEN, expires_in: 300 });
    if (echo === 'text') {
      res.writeHead(401, { 'content-type': 'text/plain' });
      return void res.end(`you sent ${sent}`);
    }
    json(res, 401, { message: `you sent ${sent}`, details: { sent } });
  });
});
afterAll(() => server.close());
beforeEach(() => { server.requests.length = 0; echo = 'json'; });

function capturingLogger(): SparkLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, context?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${inspect(context, { depth: 10 })} ${JSON.stringify(context)}`);
  };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function expectClean(secret: string, ...values: unknown[]): void {
  for (const value of values) {
    const views = [inspect(value, { depth: 20, showHidden: true }), JSON.stringify(value) ?? '', String((value as Error).message ?? '')];
    for (const view of views) expect(view).not.toContain(secret);
  }
}

const call = { operation: 'test.secret', method: 'POST', path: 'api/v3/thing', json: { x: 1 } } as const;

describe.each([
  ['API key', API_KEY, { apiKey: API_KEY }],
  ['bearer token', TOKEN, { token: `Bearer ${TOKEN}` }],
  ['client secret', CLIENT_SECRET, { oauth: { clientId: 'bad-id', clientSecret: CLIENT_SECRET } }],
  ['access token', ACCESS_TOKEN, { oauth: { clientId: 'good-id', clientSecret: CLIENT_SECRET } }],
] as Array<[string, string, SparkClientOptions]>)('a %s', (_name, secret, auth) => {
  test.each(['json', 'text'] as const)('never leaks, even when the server echoes it (%s body)', async (kind) => {
    echo = kind;
    const logger = capturingLogger();
    using spark = createClient({ baseUrl: server.baseUrl, retryInterval: 0.01, logger, ...auth });
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkUnauthorizedError);
    expect(server.requests.some((r) => `${JSON.stringify(r.headers)} ${r.body.toString()}`.includes(secret))).toBe(true);
    expect(error.message).toContain('you sent');
    expectClean(secret, error, spark, spark.config, logger.lines.join('\n'));
    expect(logger.lines.some((line) => line.startsWith('debug -> POST'))).toBe(true);
  });
});

test.each([
  ['node transport', {}],
  ['fetch transport', { fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, init) }],
])('an API key with a character headers refuse is not quoted in the error (%s)', async (_name, transport) => {
  const key = 'sk-1234\nSECRETPART5678';
  using spark = createClient({ baseUrl: server.baseUrl, apiKey: key, ...transport });
  const error = await rejection(spark.request(call));
  expect(error).toBeInstanceOf(SparkSdkError);
  expect(error.message).toMatch(/^test\.secret: invalid request \(/);
  expectClean('SECRETPART5678', error);
  expect(server.requests).toHaveLength(0);
});

test('inspect and JSON views of a client show masked credentials only', () => {
  using spark = createClient({ baseUrl: server.baseUrl, apiKey: API_KEY, timeout: 5_000 });
  expect(JSON.parse(JSON.stringify(spark))).toEqual({
    baseUrl: server.baseUrl, auth: { type: 'apiKey', apiKey: '****6789' }, timeout: 5_000, maxRetries: 2, retryInterval: 1,
  });
  expect(inspect(spark)).toContain("apiKey: '****6789'");
  using oauth = createClient({ baseUrl: server.baseUrl, oauth: { clientId: 'id', clientSecret: 'short' } });
  expect(JSON.parse(JSON.stringify(oauth.config.auth))).toEqual({ type: 'oauth', clientId: 'id', clientSecret: '****' });
  expect(String(oauth.config.auth)).toBe('{"type":"oauth","clientId":"id","clientSecret":"****"}');
});
