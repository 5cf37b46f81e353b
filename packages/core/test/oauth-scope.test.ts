import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clientCredentials } from '../src/auth/client-credentials.js';
import { createClient } from '../src/client/create-client.node.js';
import { SparkUnauthorizedError } from '../src/errors/api-errors.js';
import { json, rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

const TOKEN_PATH = '/auth/realms/my-tenant/protocol/openid-connect/token';

/** A Spark host whose token endpoint issues `<name>-token-<n>`, or what `issue` returns. */
async function tenant(name: string, issue?: (n: number) => string, accept = (auth: string | undefined) => auth?.startsWith(`Bearer ${name}-`) === true) {
  let n = 0;
  return startServer((req, res) => {
    if (req.url === TOKEN_PATH) return json(res, 200, { access_token: issue ? issue(++n) : `${name}-token-${++n}`, expires_in: 3600 });
    if (!accept(req.headers.authorization)) return json(res, 401, { message: 'unauthorized' });
    json(res, 200, { ok: true });
  });
}

// Issue 14 §1: the OAuth token cache is keyed by token URL + client id; refused or malformed tokens are not kept.
describe.each(TRANSPORTS)('OAuth tokens stay with their tenant (%s)', (_name, transport) => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => { [a, b] = await Promise.all([tenant('a'), tenant('b')]); });
  afterAll(async () => { await Promise.all([a.close(), b.close()]); });
  const call = { operation: 'test.call', method: 'GET', path: 'api/v3/x' } as const;

  test('one clientCredentials value shared by clients of two hosts never sends A\'s token to B', async () => {
    const auth = clientCredentials({ clientId: 'id', clientSecret: 'secret-value' });
    using ca = createClient({ baseUrl: a.baseUrl, auth, ...transport });
    using cb = createClient({ baseUrl: b.baseUrl, auth, ...transport });
    await ca.request(call);
    await cb.request(call);
    await ca.request(call);
    const sent = (s: TestServer) => s.requests.filter((r) => r.url !== TOKEN_PATH).map((r) => r.headers.authorization);
    expect(sent(a)).toEqual(['Bearer a-token-1', 'Bearer a-token-1']);
    expect(sent(b)).toEqual(['Bearer b-token-1']);
  });

  test('a token refused right after a fresh fetch is dropped, refetched once, then SparkUnauthorizedError; never cached', async () => {
    const server = await tenant('c', undefined, () => false);
    try {
      using spark = createClient({ baseUrl: server.baseUrl, oauth: { clientId: 'id', clientSecret: 'secret-value' }, maxRetries: 0, ...transport });
      const error = await rejection(spark.request(call));
      expect(error).toBeInstanceOf(SparkUnauthorizedError);
      expect(server.requests.map((r) => r.url.replace(/.*\/token$/, 'token'))).toEqual(['token', '/my-tenant/api/v3/x', 'token', '/my-tenant/api/v3/x']);
      await rejection(spark.request(call));
      // The refused token was not kept: the next call starts with a fresh one (and again retries once).
      expect(server.requests.filter((r) => r.url === TOKEN_PATH)).toHaveLength(4);
      expect(server.requests.filter((r) => r.url !== TOKEN_PATH).map((r) => r.headers.authorization)).toEqual(['Bearer c-token-1', 'Bearer c-token-2', 'Bearer c-token-3', 'Bearer c-token-4']);
    } finally {
      await server.close();
    }
  });

  test.each([
    ['CR/LF', 'good\r\nx-injected: 1'],
    ['absurdly long', 'x'.repeat(20_000)],
  ])('a %s token is refetched once, then SparkUnauthorizedError, and never sent', async (_kind, bad) => {
    const server = await tenant('d', () => bad);
    try {
      using spark = createClient({ baseUrl: server.baseUrl, oauth: { clientId: 'id', clientSecret: 'secret-value' }, maxRetries: 0, ...transport });
      const error = await rejection(spark.request(call));
      expect(error).toBeInstanceOf(SparkUnauthorizedError);
      expect(error.message).toContain('malformed access_token');
      expect(server.requests.map((r) => r.url)).toEqual([TOKEN_PATH, TOKEN_PATH]);
    } finally {
      await server.close();
    }
  });
});
