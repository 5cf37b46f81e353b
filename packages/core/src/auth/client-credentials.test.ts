import { inspect } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { json, rejection, startServer, type Handler, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';
import { SparkUnauthorizedError } from '../errors/api-errors.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { readCredentialsFile } from './credentials-file.js';
// core cannot depend on @spark/test-utils (which depends on core): its builtins-only samples.ts, by path.
import { samplePath } from '../../../../tooling/test-utils/src/samples.js';

const TOKEN_PATH = '/auth/realms/my-tenant/protocol/openid-connect/token';

let server: TestServer;
let tokens: number;
let tokenAnswer: (n: number) => { status: number; body: unknown };
let apiAnswer: (auth: string | undefined) => number;
let tokenDelay: Promise<void> | undefined;

const handler: Handler = async (req, res) => {
  if (req.url === TOKEN_PATH || req.url === '/custom/token') {
    const n = ++tokens;
    await tokenDelay;
    const { status, body } = tokenAnswer(n);
    return json(res, status, body);
  }
  const status = apiAnswer(req.headers.authorization);
  json(res, status, status === 200 ? { ok: true } : { message: 'denied' });
};

beforeAll(async () => { server = await startServer(handler); });
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  tokens = 0;
  tokenDelay = undefined;
  tokenAnswer = (n) => ({ status: 200, body: { access_token: `token-${n}`, expires_in: 300, token_type: 'Bearer' } });
  apiAnswer = (auth) => (auth?.startsWith('Bearer token-') ? 200 : 401);
});
afterEach(() => { vi.useRealTimers(); });

const creds = { clientId: 'my-id', clientSecret: 'my-client-secret-value' };
const call = { operation: 'test.call', method: 'GET', path: 'api/v3/thing' } as const;
const client = (options: SparkClientOptions = {}) =>
  createClient({ baseUrl: server.baseUrl, oauth: creds, retryInterval: 0.01, ...options });
const tokenRequests = () => server.requests.filter((r) => r.url.endsWith('token'));
const apiRequests = () => server.requests.filter((r) => r.url === '/my-tenant/api/v3/thing');

describe('clientCredentials', () => {
  test('20 concurrent calls share one token request; the token is sent as Bearer', async () => {
    using spark = client();
    const responses = await Promise.all(Array.from({ length: 20 }, () => spark.request(call)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests()).toHaveLength(1);
    const form = new URLSearchParams(tokenRequests()[0]!.body.toString());
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'client_credentials', client_id: 'my-id', client_secret: 'my-client-secret-value' });
    expect(tokenRequests()[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenRequests()[0]!.headers.authorization).toBeUndefined();
    expect(new Set(apiRequests().map((r) => r.headers.authorization))).toEqual(new Set(['Bearer token-1']));
    await spark.request(call);
    expect(tokens).toBe(1); // cached
  });

  test('an expiring token is refreshed once (10% margin of a 1 s lifetime)', async () => {
    tokenAnswer = (n) => ({ status: 200, body: { access_token: `token-${n}`, expires_in: 1 } });
    vi.useFakeTimers({ toFake: ['Date'] });
    using spark = client();
    await spark.request(call);
    vi.setSystemTime(Date.now() + 850); // still inside 1000 ms - 100 ms
    await spark.request(call);
    expect(tokens).toBe(1);
    vi.setSystemTime(Date.now() + 100); // past expiresAt
    await Promise.all([spark.request(call), spark.request(call)]);
    expect(tokens).toBe(2);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
  });

  test('a 401 from the API refreshes the token once and replays', async () => {
    apiAnswer = (auth) => (auth === 'Bearer token-2' ? 200 : 401);
    using spark = client();
    const response = await spark.request(call);
    expect(response.status).toBe(200);
    expect(tokens).toBe(2);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  test('20 concurrent 401s with the same stale token cause exactly one refresh', async () => {
    apiAnswer = (auth) => (auth === 'Bearer token-1' ? 401 : 200);
    using spark = client();
    const responses = await Promise.all(Array.from({ length: 20 }, () => spark.request(call)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(tokens).toBe(2);
    expect(apiRequests().filter((r) => r.headers.authorization === 'Bearer token-2')).toHaveLength(20);
  });

  test('a second 401 is thrown, not looped', async () => {
    apiAnswer = () => 401;
    using spark = client();
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkUnauthorizedError);
    expect(error.message).toBe(`401 test.call failed (GET ${server.baseUrl}/api/v3/thing): denied`);
    expect(tokens).toBe(2);
    expect(apiRequests()).toHaveLength(2);
  });

  test.each([
    [401, { error: 'unauthorized_client', error_description: 'Invalid client secret' }, 'Invalid client secret'],
    [400, { error: 'invalid_request' }, 'invalid_request'],
  ])('a %i from the token endpoint is a SparkUnauthorizedError after exactly 1 token request', async (status, body, detail) => {
    tokenAnswer = () => ({ status, body });
    using spark = client();
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkUnauthorizedError);
    expect(error.status).toBe(status);
    expect(error.message).toBe(
      `failed to retrieve OAuth2 access token: ${status} oauth.token failed (POST ${server.origin}${TOKEN_PATH}): ${detail}`,
    );
    expect(tokens).toBe(1);
    expect(apiRequests()).toHaveLength(0);
  });

  test('a 503 from the token endpoint is retried at most maxRetries times', async () => {
    tokenAnswer = () => ({ status: 503, body: { message: 'down' } });
    using spark = client({ maxRetries: 2 });
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkUnauthorizedError);
    expect(error.status).toBe(503);
    expect(tokens).toBe(3);
  });

  test('a token response without access_token', async () => {
    tokenAnswer = () => ({ status: 200, body: { token_type: 'Bearer' } });
    using spark = client();
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe(`the token endpoint answered without an access_token (${server.origin}${TOKEN_PATH})`);
  });

  test('one caller aborting does not fail the others waiting for the same token', async () => {
    let release!: () => void;
    tokenDelay = new Promise((resolve) => { release = resolve; });
    using spark = client();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const first = spark.request({ ...call, signal: controller.signal });
    const second = spark.request(call);
    await vi.waitFor(() => expect(tokens).toBe(1));
    controller.abort(reason);
    expect(await rejection(first)).toBe(reason);
    release();
    expect((await second).status).toBe(200);
    expect(tokens).toBe(1);
  });

  test('tokenUrl overrides the derived token URL', async () => {
    using spark = client({ tokenUrl: `${server.origin}/custom/token` });
    await spark.request(call);
    expect(tokenRequests().map((r) => r.url)).toEqual(['/custom/token']);
  });
});

describe('credentials files', () => {
  test.each(['oauth-credentials.python.json', 'oauth-credentials.typescript.json'])('%s', async (file) => {
    using spark = client({ oauth: samplePath(file) });
    await spark.request(call);
    expect(new URLSearchParams(tokenRequests()[0]!.body.toString()).get('client_id')).toBe('some-id');
    expect(new URLSearchParams(tokenRequests()[0]!.body.toString()).get('client_secret')).toBe('some-secret');
  });

  test('CSPARK_OAUTH_PATH, and a file that cannot be used', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spark-creds-'));
    try {
      const path = join(dir, 'ccg.json');
      await writeFile(path, JSON.stringify({ client_id: 'file-id', client_secret: 'file-secret' }));
      vi.stubEnv('CSPARK_OAUTH_PATH', path);
      using spark = createClient({ baseUrl: server.baseUrl });
      await spark.request(call);
      expect(new URLSearchParams(tokenRequests()[0]!.body.toString()).get('client_id')).toBe('file-id');

      const read = (p: string) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8'));
      await writeFile(path, '{"client_id": "only-id"}');
      expect((await rejection(readCredentialsFile(path, read))).message)
        .toBe(`OAuth credentials file ${path} must hold client_id and client_secret (or clientId and clientSecret)`);
      const missing = join(dir, 'missing.json');
      const error = await rejection(readCredentialsFile(missing, read));
      expect(error).toBeInstanceOf(SparkSdkError);
      expect(error.message).toBe(`failed to read OAuth credentials from file ${missing}`);

      // A hand-edited file that is not JSON: V8's message quotes the text around the fault,
      // here the secret's first characters. It reaches neither the error nor the token endpoint.
      const before = tokenRequests().length;
      for (const text of ['{"client_id": "id", "client_secret": S3cr3tFromAFile}', 'S3cr3tFromAFile\n', 'null']) {
        await writeFile(path, text);
        using broken = createClient({ baseUrl: server.baseUrl, oauth: path });
        const failed = await rejection(broken.request(call));
        expect(failed).toBeInstanceOf(SparkSdkError);
        expect(inspect(failed, { depth: 5 })).not.toContain('S3cr3t');
        expect(JSON.stringify(failed)).not.toContain('S3cr3t');
        expect(failed.message).toMatch(text === 'null' ? /must hold client_id and client_secret/ : /^failed to read OAuth credentials from file .*: it is not valid JSON$/);
      }
      expect(tokenRequests().length).toBe(before);
    } finally {
      vi.unstubAllEnvs();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
