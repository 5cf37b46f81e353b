import { describe, expect, it } from 'vitest';
import { SparkNotFoundError, SparkSdkError } from '@spark/core';
import { getServiceMetadata } from './get-service-metadata.js';
import { json, recorder, testClient, v3 } from '@spark/test-utils';

const REPLY = v3({ outputs: { 'Metadata.Font': 'Arial' }, warnings: null, errors: null, service_chain: null }, { version_id: 'v1' });

describe('getServiceMetadata', () => {
  it.each([
    ['f/s', '/my-tenant/api/v3/folders/f/services/s/metadata'],
    ['f/s[1.0.0]', '/my-tenant/api/v3/folders/f/services/s/metadata'],
    ['service/abc', '/my-tenant/api/v3/service/abc/metadata'],
    ['version/xyz', '/my-tenant/api/v3/version/xyz/metadata'],
    ['proxy/custom', '/my-tenant/api/v3/proxy/custom'],
    [{ folder: 'f', service: 's', public: true }, '/my-tenant/api/v3/public/folders/f/services/s/metadata'],
    [{ serviceId: 'abc', public: true }, '/my-tenant/api/v3/public/service/abc/metadata'],
    [{ versionId: 'xyz', public: true }, '/my-tenant/api/v3/public/version/xyz/metadata'],
  ] as const)('GETs %j at %s and returns the envelope', async (uri, path) => {
    const rec = recorder(json(REPLY));
    const result = await getServiceMetadata(testClient(rec.fetch), uri);
    expect(rec.last.method).toBe('GET');
    expect(rec.last.path).toBe(path);
    expect(rec.last.text).toBeUndefined();
    expect(result).toEqual(REPLY);
    expect(result.response_data.outputs['Metadata.Font']).toBe('Arial');
  });

  it('maps a 404 to SparkNotFoundError', async () => {
    const rec = recorder(json({}, 404));
    await expect(getServiceMetadata(testClient(rec.fetch), 'f/s')).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects a bad locator or options before sending', async () => {
    const rec = recorder();
    await expect(getServiceMetadata(testClient(rec.fetch), '')).rejects.toThrow(SparkSdkError);
    await expect(getServiceMetadata(testClient(rec.fetch), 'f/s', { signal: 'stop' as never })).rejects.toThrow(/signal/);
    expect(rec.calls).toHaveLength(0);
  });
});
