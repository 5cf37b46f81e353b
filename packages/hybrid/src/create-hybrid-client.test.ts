import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, SparkClosedError, SparkSdkError, apiKey } from '@spark/core';
import { createHybridClient } from './create-hybrid-client.js';
import { checkHybridHealth } from './check-hybrid-health.js';
import { hybrid } from './plugin.js';
import { json, recorder } from '@spark/test-utils';

describe('createHybridClient', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('defaults to http://localhost:3000 and public access', async () => {
    vi.stubEnv('CSPARK_RUNNER_URL', '');
    vi.stubEnv('CSPARK_API_KEY', 'env-key');
    const rec = recorder(() => json({ status: 'Success', response_data: {}, response_meta: {} }));
    const runner = createHybridClient({ tenant: 'My-Tenant', fetch: rec.fetch });
    expect(runner.config.baseUrl).toMatchObject({ origin: 'http://localhost:3000', tenant: 'my-tenant', full: 'http://localhost:3000/my-tenant' });
    expect(runner.config.auth.type).toBe('public');
    await runner.services.validate('version/v1');
    expect(rec.calls[0]!.url).toBe('http://localhost:3000/my-tenant/api/v3/validation');
    expect(rec.calls[0]!.headers['x-synthetic-key']).toBeUndefined();
    expect(rec.calls[0]!.headers['x-tenant-name']).toBe('my-tenant');
  });

  it('reads CSPARK_RUNNER_URL, keeps a URL tenant as written', () => {
    vi.stubEnv('CSPARK_RUNNER_URL', 'https://runner.internal:8443/Acme');
    const runner = createHybridClient({});
    expect(runner.config.baseUrl.full).toBe('https://runner.internal:8443/Acme');
  });

  it('forwards credentials when given', async () => {
    const rec = recorder(() => json({ status: 'Success', response_data: {}, response_meta: {} }));
    await createHybridClient({ baseUrl: 'http://h:1/t', apiKey: 'pull-key', fetch: rec.fetch }).services.getMetadata('service/s');
    await createHybridClient({ baseUrl: 'http://h:1/t', token: 'tok', fetch: rec.fetch }).services.getMetadata('service/s');
    await createHybridClient({ baseUrl: 'http://h:1/t', auth: apiKey('k2'), fetch: rec.fetch }).services.getMetadata('service/s');
    expect(rec.calls[0]!.headers['x-synthetic-key']).toBe('pull-key');
    expect(rec.calls[1]!.headers['authorization']).toBe('Bearer tok');
    expect(rec.calls[2]!.headers['x-synthetic-key']).toBe('k2');
  });

  it('caps response bodies at its maxResponseBytes (a call may raise it)', async () => {
    const big = { status: 'Success', response_data: { outputs: { text: 'x'.repeat(5_000) } }, response_meta: {} };
    const rec = recorder(() => json(big));
    const runner = createHybridClient({ baseUrl: 'http://h:1/t', fetch: rec.fetch, maxResponseBytes: 1_000, maxRetries: 0 });
    await expect(runner.services.getMetadata('service/s')).rejects.toThrow(/larger than maxResponseBytes \(1000 bytes\)/);
    await expect(runner.services.getMetadata('service/s', { maxResponseBytes: 10_000 })).resolves.toMatchObject({ status: 'Success' });
    expect(() => createHybridClient({ baseUrl: 'http://h:1/t', maxResponseBytes: 0 })).toThrow(/maxResponseBytes/);
  });

  it('requires a tenant and valid options', () => {
    expect(() => createHybridClient({ baseUrl: 'http://localhost:3000' })).toThrow(SparkSdkError);
    expect(() => createHybridClient({ baseUrl: 'ftp://x/t' })).toThrow(SparkSdkError);
    expect(() => createHybridClient(null as never)).toThrow(SparkSdkError);
  });

  it('is a Spark client: standalone functions, close and dispose', async () => {
    const rec = recorder(() => json({ msg: 'ok' }));
    const runner = createHybridClient({ baseUrl: 'http://h:1/t', fetch: rec.fetch });
    expect(await checkHybridHealth(runner)).toEqual({ msg: 'ok' });
    runner.close();
    expect(runner.closed).toBe(true);
    await expect(runner.health.check()).rejects.toBeInstanceOf(SparkClosedError);
    {
      using scoped = createHybridClient({ baseUrl: 'http://h:1/t', fetch: rec.fetch });
      await scoped.version.get();
    }
  });

  it('is also a plugin for a client you built', async () => {
    const rec = recorder(() => json({ msg: 'ok' }));
    const client = createClient({ baseUrl: 'http://h:1/t', apiKey: 'open', fetch: rec.fetch }).use(hybrid);
    expect(await client.hybrid.health.check()).toEqual({ msg: 'ok' });
    expect(rec.calls[0]!.url).toBe('http://h:1/healthcheck');
  });
});
