import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import type { SparkClientOptions } from '../src/config/options.js';
import { SparkConnectionError } from '../src/errors/connection-error.js';
import { SparkSdkError } from '../src/errors/sdk-error.js';
import { noProxyMatcher, resolveProxy } from '../src/transport/proxy-env.js';
import { rejection, startServer, type TestServer } from './server.js';
import { hasOpenssl, mintPki, startProxy, startTlsServer, type TestPki, type TestProxy } from './tls-fixtures.js';

const call = { operation: 'test.proxy', method: 'GET', path: 'api/v3/ping' } as const;
const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

describe('proxy settings', () => {
  test('lower-case variables win, bare host:port means http, NO_PROXY only applies to env proxies', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'plain:3128', NO_PROXY: '.corp, 10.0.0.0/8 localhost:8080 [::1]' };
    const settings = resolveProxy(undefined, env)!;
    expect(settings.https?.href).toBe('http://lower:2/');
    expect(settings.http?.href).toBe('http://plain:3128/');
    expect(settings.bypass('api.corp', '443')).toBe(true);
    expect(settings.bypass('corp', '443')).toBe(true);
    expect(settings.bypass('notcorp', '443')).toBe(false);
    expect(settings.bypass('10.2.3.4', '443')).toBe(true);
    expect(settings.bypass('11.2.3.4', '443')).toBe(false);
    expect(settings.bypass('localhost', '8080')).toBe(true);
    expect(settings.bypass('localhost', '8081')).toBe(false);
    expect(settings.bypass('[::1]', '443')).toBe(true);
    expect(resolveProxy('http://explicit:1', env)!.bypass('api.corp', '443')).toBe(false);
    expect(resolveProxy(false, env)).toBeUndefined();
    expect(resolveProxy(undefined, {})).toBeUndefined();
    expect(noProxyMatcher('*')('anything', '1')).toBe(true);
    expect(noProxyMatcher('*.example.com')('a.example.com', '443')).toBe(true);
  });

  test('bad proxy values are SparkSdkErrors', () => {
    expect(() => resolveProxy('socks5://p:1')).toThrow(SparkSdkError);
    expect(() => resolveProxy('  ')).toThrow(SparkSdkError);
    expect(() => resolveProxy(undefined, { HTTPS_PROXY: 'ftp://x' })).toThrow('HTTPS_PROXY must be an http:// or https:// proxy URL');
    expect(() => createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', proxy: 'http://p:1', fetch: globalThis.fetch })).toThrow(SparkSdkError);
    expect(() => createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', ca: 'not a pem' })).toThrow('ca[0] must be a PEM certificate');
    expect(() => createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', ca: [] })).toThrow(SparkSdkError);
  });
});

describe.skipIf(!hasOpenssl)('proxies and TLS over loopback (openssl-minted CA)', () => {
  let pki: TestPki;
  let tlsServer: Awaited<ReturnType<typeof startTlsServer>>;
  let proxy: TestProxy;
  let plain: TestServer;

  beforeAll(async () => {
    pki = mintPki();
    [tlsServer, proxy, plain] = await Promise.all([startTlsServer(pki), startProxy(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([tlsServer?.close(), proxy?.close(), plain?.close()]);
    pki?.remove();
  });
  beforeEach(() => {
    for (const name of PROXY_VARS) vi.stubEnv(name, '');
    proxy.tunnels.length = 0;
    proxy.forwarded.length = 0;
    proxy.authorizations.length = 0;
    proxy.refuseWith = undefined;
    tlsServer.requests.length = 0;
    plain.requests.length = 0;
  });
  afterEach(() => { vi.unstubAllEnvs(); });

  const secure = (options: SparkClientOptions = {}) =>
    createClient({ baseUrl: `${tlsServer.origin}/my-tenant`, apiKey: 'k', maxRetries: 0, timeout: 5_000, ...options });

  test('https through a CONNECT tunnel with the extra CA; the tunnel is pooled', async () => {
    using spark = secure({ proxy: proxy.url, ca: pki.ca });
    expect((await spark.request(call)).data).toEqual({ ok: true, path: '/my-tenant/api/v3/ping' });
    expect((await spark.request(call)).status).toBe(200);
    expect(proxy.tunnels).toEqual([`127.0.0.1:${tlsServer.port}`]);
    expect(tlsServer.requests).toHaveLength(2);
  });

  test('the CA may be bytes, or one of a list', async () => {
    using spark = secure({ proxy: proxy.url, ca: [Buffer.from(pki.ca)] });
    expect((await spark.request(call)).status).toBe(200);
  });

  test('without the CA the request fails with a clear SparkConnectionError', async () => {
    using spark = secure({ proxy: proxy.url });
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toMatch(/could not reach https:\/\/127\.0\.0\.1:\d+\/my-tenant\/api\/v3\/ping: .*(certificate|issuer)/i);
    expect(proxy.tunnels).toHaveLength(1);
    expect(tlsServer.requests).toHaveLength(0);
  });

  test('HTTPS_PROXY from the environment is used; NO_PROXY=127.0.0.1 bypasses it; proxy:false ignores it', async () => {
    vi.stubEnv('HTTPS_PROXY', proxy.url);
    using viaEnv = secure({ ca: pki.ca });
    expect((await viaEnv.request(call)).status).toBe(200);
    expect(proxy.tunnels).toHaveLength(1);
    vi.stubEnv('NO_PROXY', 'localhost,127.0.0.1');
    using bypassed = secure({ ca: pki.ca });
    expect((await bypassed.request(call)).status).toBe(200);
    vi.stubEnv('NO_PROXY', '');
    using disabled = secure({ ca: pki.ca, proxy: false });
    expect((await disabled.request(call)).status).toBe(200);
    expect(proxy.tunnels).toHaveLength(1);
    expect(tlsServer.requests).toHaveLength(3);
  });

  test('HTTP_PROXY for plain http: absolute-form request line, with Proxy-Authorization from the URL', async () => {
    vi.stubEnv('http_proxy', proxy.url.replace('http://', 'http://user:p%40ss@'));
    using spark = createClient({ baseUrl: plain.baseUrl, apiKey: 'k', maxRetries: 0 });
    expect((await spark.request(call)).data).toEqual({ ok: true });
    expect(proxy.forwarded).toEqual([`GET ${plain.baseUrl}/api/v3/ping`]);
    expect(proxy.authorizations).toEqual([`Basic ${Buffer.from('user:p@ss').toString('base64')}`]);
    expect(plain.requests.map((r) => [r.url, r.headers.host])).toEqual([['/my-tenant/api/v3/ping', new URL(plain.origin).host]]);
    expect(proxy.tunnels).toHaveLength(0);
  });

  test('a proxy refusing CONNECT is a SparkConnectionError naming the proxy status', async () => {
    proxy.refuseWith = 407;
    using spark = secure({ proxy: proxy.url, ca: pki.ca });
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toContain(`refused CONNECT 127.0.0.1:${tlsServer.port}: HTTP 407`);
  });

  test('NODE_EXTRA_CA_CERTS works natively, alone and next to the ca option', async () => {
    const entry = fileURLToPath(new URL('../dist/index.node.js', import.meta.url));
    const script = `
      import { createClient } from ${JSON.stringify(entry)};
      const call = { operation: 'test.extra', method: 'GET', path: 'api/v3/ping' };
      const a = createClient({ baseUrl: process.argv[1], apiKey: 'k', maxRetries: 0, proxy: false });
      const b = createClient({ baseUrl: process.argv[1], apiKey: 'k', maxRetries: 0, proxy: false, ca: process.argv[2] });
      const out = [];
      for (const c of [a, b]) out.push(await c.request(call).then((r) => r.status, (e) => e.name));
      a.close(); b.close();
      console.log(out.join(','));`;
    const otherCa = mintPki();
    try {
      // Async: the TLS server lives on this thread's event loop.
      const run = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, `${tlsServer.origin}/my-tenant`, otherCa.ca], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.caFile, HTTPS_PROXY: '', https_proxy: '' }, encoding: 'utf8', timeout: 15_000,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('200,200');
    } finally {
      otherCa.remove();
    }
  });
});
