import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkForbiddenError, SparkSdkError } from '@spark/core';
import { getPlatformConfig } from './get-platform-config.js';
import { platform } from './plugin.js';
import { json, recorder, testClient } from '@spark/test-utils';

const DATA = { Batch_Chunk_Size: '100', EnablePublicAPI: 'True', CompilerVersion_NeuronStableLatest: 'Neuron_v1.23.1' };

describe('getPlatformConfig', () => {
  it('sends GET {origin}/api/v1/config/GetSparkConfiguration with credentials', async () => {
    const rec = recorder(() => json({ status: 'Success', data: DATA }));
    await getPlatformConfig(testClient(rec.fetch, { apiKey: undefined, token: 'tkn' }));
    expect(rec.calls).toHaveLength(1);
    const call = rec.calls[0]!;
    expect(call.method).toBe('GET');
    expect(call.url).toBe('https://excel.test.coherent.global/api/v1/config/GetSparkConfiguration');
    expect(call.headers['authorization']).toBe('Bearer tkn');
    expect(call.headers['x-tenant-name']).toBe('my-tenant');
    expect(call.body).toBeUndefined();
  });

  it('returns the data map', async () => {
    const rec = recorder(() => json({ status: 'Success', data: DATA }));
    expect(await getPlatformConfig(testClient(rec.fetch))).toEqual(DATA);
  });

  it('raises a SparkApiError naming a non-Success status', async () => {
    const rec = recorder(() => json({ status: 'Failed', data: null, message: 'nope' }));
    const error = await getPlatformConfig(testClient(rec.fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect((error as SparkApiError).message).toMatch(/status "Failed"/);
    expect((error as SparkApiError).status).toBe(200);
  });

  it('maps 403 to SparkForbiddenError', async () => {
    const rec = recorder(() => json({ message: 'forbidden' }, 403));
    await expect(getPlatformConfig(testClient(rec.fetch))).rejects.toBeInstanceOf(SparkForbiddenError);
  });

  it('validates options before sending', async () => {
    const rec = recorder();
    await expect(getPlatformConfig(testClient(rec.fetch), { timeout: 0 })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(getPlatformConfig(testClient(rec.fetch), { signal: 'x' as never })).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });

  it('is exposed as the platform plugin', async () => {
    const rec = recorder(() => json({ status: 'Success', data: DATA }));
    const spark = testClient(rec.fetch).use(platform);
    expect(await spark.platform.getConfig()).toEqual(DATA);
  });
});
