import { describe, expect, it } from 'vitest';
import { createClient, SparkServiceUnavailableError, SparkSdkError } from '@spark/core';
import { checkHealth } from './check-health.js';
import { isHealthy } from './is-healthy.js';
import { checkHealthAt } from './check-health-at.js';
import { health } from './plugin.js';
import { json, recorder, testClient } from '@spark/test-utils';

describe('checkHealth', () => {
  it('sends GET {origin}/health without credentials', async () => {
    const rec = recorder(() => json({ status: 'UP' }));
    const result = await checkHealth(testClient(rec.fetch));
    expect(rec.calls).toHaveLength(1);
    const [call] = rec.calls;
    expect(call!.method).toBe('GET');
    expect(call!.url).toBe('https://excel.test.coherent.global/health');
    expect(call!.headers['x-synthetic-key']).toBeUndefined();
    expect(call!.headers['authorization']).toBeUndefined();
    expect(call!.body).toBeUndefined();
    expect(result).toEqual({ status: 'UP' });
  });

  it('keeps unknown keys of the health document', async () => {
    const rec = recorder(() => json({ status: 'UP', components: { db: 'UP' } }));
    expect(await checkHealth(testClient(rec.fetch))).toEqual({ status: 'UP', components: { db: 'UP' } });
  });

  it('maps 503 to SparkServiceUnavailableError', async () => {
    const rec = recorder(() => json({ status: 'DOWN' }, 503));
    await expect(checkHealth(testClient(rec.fetch))).rejects.toBeInstanceOf(SparkServiceUnavailableError);
  });

  it('is exposed as the health plugin', async () => {
    const rec = recorder(() => json({ status: 'UP' }));
    const spark = testClient(rec.fetch).use(health);
    expect(await spark.health.check()).toEqual({ status: 'UP' });
    expect(await spark.health.ok()).toBe(true);
    expect(rec.calls.map((c) => c.url)).toEqual(['https://excel.test.coherent.global/health', 'https://excel.test.coherent.global/health']);
  });
});

describe('isHealthy', () => {
  it('is true for UP in any case', async () => {
    const rec = recorder(() => json({ status: 'up' }));
    expect(await isHealthy(testClient(rec.fetch))).toBe(true);
  });

  it('is false for another status', async () => {
    const rec = recorder(() => json({ status: 'DOWN' }));
    expect(await isHealthy(testClient(rec.fetch))).toBe(false);
  });

  it('is false for HTTP errors and connection failures', async () => {
    expect(await isHealthy(testClient(recorder(() => json({}, 500)).fetch))).toBe(false);
    const broken = testClient(async () => { throw new TypeError('fetch failed'); });
    expect(await isHealthy(broken)).toBe(false);
  });

  it('still rejects on a closed client', async () => {
    const spark = testClient(recorder().fetch);
    spark.close();
    await expect(isHealthy(spark)).rejects.toThrow(/closed/);
  });
});

describe('checkHealthAt (no client)', () => {
  it('builds the origin from an environment name', async () => {
    const rec = recorder(() => json({ status: 'UP' }));
    expect(await checkHealthAt('UAT.us', { fetch: rec.fetch })).toEqual({ status: 'UP' });
    expect(rec.calls[0]!.url).toBe('https://excel.uat.us.coherent.global/health');
    expect(rec.calls[0]!.headers['x-synthetic-key']).toBeUndefined();
  });

  it('normalises a Spark URL to its excel origin', async () => {
    const rec = recorder(() => json({ status: 'UP' }));
    await checkHealthAt('https://spark.test.coherent.global/my-tenant', { fetch: rec.fetch });
    expect(rec.calls[0]!.url).toBe('https://excel.test.coherent.global/health');
  });

  it('accepts any http URL (emulator, proxy)', async () => {
    const rec = recorder(() => json({ status: 'UP' }));
    await checkHealthAt('http://127.0.0.1:4010', { fetch: rec.fetch });
    expect(rec.calls[0]!.url).toBe('http://127.0.0.1:4010/health');
  });

  it('rejects empty or malformed input before sending', async () => {
    const rec = recorder();
    await expect(checkHealthAt('', { fetch: rec.fetch })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(checkHealthAt('not an env!', { fetch: rec.fetch })).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });

  it('maps errors', async () => {
    const rec = recorder(() => json({}, 503));
    await expect(checkHealthAt('sit', { fetch: rec.fetch, maxRetries: 0 })).rejects.toBeInstanceOf(SparkServiceUnavailableError);
  });
});

describe('parameter validation', () => {
  it('rejects a bad timeout before sending', async () => {
    const rec = recorder();
    const spark = createClient({ baseUrl: 'https://excel.test.coherent.global/t', apiKey: 'k', fetch: rec.fetch });
    await expect(checkHealth(spark, { timeout: -1 })).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
