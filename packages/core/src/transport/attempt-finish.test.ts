import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, startServer, type TestServer } from '../../test/server.js';
import { createClient } from '../client/create-client.node.js';
import { abortLinks } from './attempt-abort.js';

// Every way out of a call must finish its attempt: clear the timer and unlink the caller's signal
// (else the attempt stays linked to a long-lived signal, and its timer keeps the process up).
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

describe('an attempt is finished on every way out of a call', () => {
  test('a 401 whose refresh throws', async () => {
    server.handle((_req, res) => json(res, 401, { error: 'no' }));
    const auth = {
      type: 'bearer' as const, authorize: () => ({ authorization: 'Bearer t' }), secrets: () => ['t'],
      refresh: () => { throw new Error('token endpoint down'); },
    };
    using spark = createClient({ baseUrl: server.baseUrl, auth, tracing: false });
    const caller = new AbortController();
    await expect(spark.request({ operation: 'test.get', method: 'GET', path: 'x', signal: caller.signal })).rejects.toThrow('token endpoint down');
    expect(abortLinks(caller.signal)).toBe(0);
  });

  test('an afterResponse hook that throws', async () => {
    server.handle((_req, res) => json(res, 200, { ok: true }));
    using spark = createClient({
      baseUrl: server.baseUrl, apiKey: 'k', tracing: false,
      hooks: { afterResponse: [() => { throw new Error('hook failed'); }] },
    });
    const caller = new AbortController();
    await expect(spark.request({ operation: 'test.get', method: 'GET', path: 'x', signal: caller.signal })).rejects.toThrow('hook failed');
    expect(abortLinks(caller.signal)).toBe(0);
  });
});
