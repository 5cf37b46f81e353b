import { describe, expect, it } from 'vitest';
import { SparkSdkError, SparkServiceUnavailableError, SparkNotFoundError } from '@spark/core';
import { checkHybridHealth } from './check-hybrid-health.js';
import { getHybridStatus } from './get-hybrid-status.js';
import { getHybridVersion } from './get-hybrid-version.js';
import { json, recorder } from '@spark/test-utils';
import { RUNNER, testRunner } from './test-utils/runner.js';

const VERSION = { lastPullDate: '2024-11-14T00:00:00Z', filehash: 'd2f6', version: '1.31.2' };
const STATUS = { models: [{ tenant: 'my-tenant', model_stats: [{ id: 'v1', busy: 0 }], total_model: 1, total_instances: 1 }], memory_usage_mb: 10, memory_limit_mb: 4096 };

describe.each([
  ['health.check', `${RUNNER}/healthcheck`, { msg: 'ok' }, checkHybridHealth, (r: ReturnType<typeof testRunner>) => r.health.check()],
  ['version.get', `${RUNNER}/version`, VERSION, getHybridVersion, (r: ReturnType<typeof testRunner>) => r.version.get()],
  ['status.get', `${RUNNER}/status`, STATUS, getHybridStatus, (r: ReturnType<typeof testRunner>) => r.status.get()],
] as const)('%s', (_, url, body, fn, method) => {
  it('sends GET {runner}/… without tenant nor credentials', async () => {
    const rec = recorder(() => json(body));
    await fn(testRunner(rec.fetch, { apiKey: 'pull-key' }));
    expect(rec.calls).toHaveLength(1);
    expect(rec.calls[0]!.method).toBe('GET');
    expect(rec.calls[0]!.url).toBe(url);
    expect(rec.calls[0]!.headers['x-synthetic-key']).toBeUndefined();
    expect(rec.calls[0]!.body).toBeUndefined();
  });

  it('returns the document', async () => {
    const rec = recorder(() => json(body));
    expect(await method(testRunner(rec.fetch))).toEqual(body);
  });

  it('maps errors', async () => {
    await expect(fn(testRunner(recorder(() => json({}, 503)).fetch))).rejects.toBeInstanceOf(SparkServiceUnavailableError);
    await expect(fn(testRunner(recorder(() => json({}, 404)).fetch))).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('validates options before sending', async () => {
    const rec = recorder();
    await expect(fn(testRunner(rec.fetch), { timeout: -1 })).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
