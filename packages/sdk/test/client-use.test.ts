import { describe, expect, it } from 'vitest';
import { AsyncClient, Client, type SparkFetch } from '../src/index.js';

interface Seen { url: string; headers: Headers }

/** A client whose every request is recorded and answered `{}`, so the wire can be read. */
function recording(): { seen: Seen[]; fetch: SparkFetch } {
  const seen: Seen[] = [];
  const fetch: SparkFetch = async (input, init) => {
    seen.push({ url: String(input instanceof Request ? input.url : input), headers: new Headers(init?.headers) });
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetch };
}

async function callThrough(client: Client | AsyncClient, seen: Seen[]): Promise<Seen> {
  await client.request({ operation: 'test.use', method: 'GET', path: 'api/v3/probe' });
  return seen.at(-1)!;
}

describe('Client.use(config, overrides) honours credential and location overrides', () => {
  it('apiKey replaces the copied auth', async () => {
    const { seen, fetch } = recording();
    using original = new Client({ baseUrl: 'http://127.0.0.1:9/my-tenant', apiKey: 'first-key', fetch });
    using copy = Client.use(original.config, { apiKey: 'second-key', fetch });
    expect(copy.config.auth).not.toBe(original.config.auth);
    const wire = await callThrough(copy, seen);
    expect(wire.headers.get('x-synthetic-key')).toBe('second-key');
    expect(wire.url).toBe('http://127.0.0.1:9/my-tenant/api/v3/probe');
    expect((await callThrough(original, seen)).headers.get('x-synthetic-key')).toBe('first-key');
  });

  it('token replaces an API key (no key is sent any more)', async () => {
    const { seen, fetch } = recording();
    using original = new Client({ baseUrl: 'http://127.0.0.1:9/my-tenant', apiKey: 'first-key', fetch });
    using copy = Client.use(original.config, { token: 'Bearer tok-123', fetch });
    const wire = await callThrough(copy, seen);
    expect(wire.headers.get('authorization')).toBe('Bearer tok-123');
    expect(wire.headers.get('x-synthetic-key')).toBeNull();
  });

  it('tenant alone keeps a non-Spark origin and moves every call and the tenant header', async () => {
    const { seen, fetch } = recording();
    using original = new Client({ baseUrl: 'http://127.0.0.1:9/my-tenant', apiKey: 'k', fetch });
    using copy = Client.use(original.config, { tenant: 'other-tenant', fetch });
    expect(copy.config.baseUrl.full).toBe('http://127.0.0.1:9/other-tenant');
    const wire = await callThrough(copy, seen);
    expect(wire.url).toBe('http://127.0.0.1:9/other-tenant/api/v3/probe');
    expect(wire.headers.get('x-tenant-name')).toBe('other-tenant');
    expect(wire.headers.get('x-synthetic-key')).toBe('k');
  });

  it('env rebuilds a Spark base URL, keeping the tenant; env + tenant both apply', async () => {
    const { seen, fetch } = recording();
    using original = new Client({ env: 'uat.us', tenant: 'my-tenant', apiKey: 'k', fetch });
    await using moved = AsyncClient.use(original.config, { env: 'sit', fetch });
    expect((await callThrough(moved, seen)).url).toBe('https://excel.sit.coherent.global/my-tenant/api/v3/probe');
    using both = Client.use(original.config, { env: 'prod.eu', tenant: 'eu-tenant', fetch });
    const wire = await callThrough(both, seen);
    expect(wire.url).toBe('https://excel.prod.eu.coherent.global/eu-tenant/api/v3/probe');
    expect(wire.headers.get('x-tenant-name')).toBe('eu-tenant');
    using retenanted = Client.use(original.config, { tenant: 't2', fetch });
    expect((await callThrough(retenanted, seen)).url).toBe('https://excel.uat.us.coherent.global/t2/api/v3/probe');
  });

  it('baseUrl replaces the location; no override keeps the same auth value', async () => {
    const { seen, fetch } = recording();
    using original = new Client({ baseUrl: 'http://127.0.0.1:9/my-tenant', apiKey: 'k', fetch });
    using elsewhere = Client.use(original.config, { baseUrl: 'http://127.0.0.1:8/b-tenant', fetch });
    expect((await callThrough(elsewhere, seen)).url).toBe('http://127.0.0.1:8/b-tenant/api/v3/probe');
    expect(elsewhere.config.auth).toBe(original.config.auth);
  });
});
