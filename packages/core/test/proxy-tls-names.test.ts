import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkConnectionError } from '../src/errors/connection-error.js';
import { rejection } from './server.js';
import { hasOpenssl, mintLeaf, mintPki, startProxy, startTlsServer, type TestPki, type TestProxy } from './tls-fixtures.js';

const call = { operation: 'test.tls', method: 'GET', path: 'api/v3/ping' } as const;

// Issue 14 §2: through a CONNECT tunnel the certificate must be checked against the target host,
// exactly as on a direct connection (SNI for DNS names only, IP SANs for IPs) — not "localhost".
describe.skipIf(!hasOpenssl)('TLS through a proxy verifies the target name (openssl-minted certificates)', () => {
  let pki: TestPki;
  let proxy: TestProxy;
  const servers: Array<Awaited<ReturnType<typeof startTlsServer>>> = [];
  const serve = async (san: string) => {
    const server = await startTlsServer(pki, mintLeaf(pki, san));
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    pki = mintPki();
    proxy = await startProxy({ connectTo: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all([proxy?.close(), ...servers.map((s) => s.close())]);
    pki?.remove();
  });

  const client = (origin: string) =>
    createClient({ baseUrl: `${origin}/my-tenant`, apiKey: 'k-tls-secret', maxRetries: 0, timeout: 5_000, proxy: proxy.url, ca: pki.ca });

  test('a DNS base URL: the right name is accepted, with SNI naming the host', async () => {
    const server = await serve('DNS:spark.test');
    using spark = client(`https://spark.test:${server.port}`);
    expect((await spark.request(call)).data).toEqual({ ok: true, path: '/my-tenant/api/v3/ping' });
    expect(proxy.tunnels).toContain(`spark.test:${server.port}`);
    expect(server.sni).toEqual(['spark.test']);
  });

  test('a DNS base URL: a certificate for another name is refused before the key is sent', async () => {
    const server = await serve('DNS:wrong.test,DNS:localhost');
    using spark = client(`https://spark.test:${server.port}`);
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID|does not match|not in the cert's altnames/i);
    expect(server.requests).toHaveLength(0);
  });

  test('an IP base URL: a certificate with that IP SAN is accepted (no SNI is sent for an IP)', async () => {
    const server = await serve('IP:127.0.0.1');
    using spark = client(server.origin);
    expect((await spark.request(call)).status).toBe(200);
    expect(server.sni).toEqual([false]);
  });

  test('an IP base URL: a certificate for "localhost" only is refused', async () => {
    const server = await serve('DNS:localhost');
    using spark = client(server.origin);
    const error = await rejection(spark.request(call));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID|does not match|not in the cert's list/i);
    expect(server.requests).toHaveLength(0);
  });
});
