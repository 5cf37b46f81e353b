import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { getServiceVersions } from './get-service-versions.js';
import { json, recorder, testClient } from '@spark/test-utils';

const VERSION = { id: 'v2', revision: '0.2.0', engine: 's', product: 'f', isActive: true };

describe('getServiceVersions', () => {
  it('GETs api/v1/product/{f}/engines/getversions/{s} from the origin and returns data', async () => {
    const rec = recorder(json({ status: 'Success', message: null, errorCode: null, data: [VERSION, { ...VERSION, id: 'v1', revision: '0.1.0' }] }));
    const versions = await getServiceVersions(testClient(rec.fetch), 'my folder/s[1.0.0]');
    expect(rec.last.method).toBe('GET');
    expect(rec.last.url).toBe('https://excel.test.coherent.global/api/v1/product/my%20folder/engines/getversions/s');
    expect(rec.last.headers['x-tenant-name']).toBe('my-tenant');
    expect(versions.map((v) => v.revision)).toEqual(['0.2.0', '0.1.0']);
  });

  it('returns [] when the envelope has no data', async () => {
    const rec = recorder(json({ status: 'Success', data: null }));
    expect(await getServiceVersions(testClient(rec.fetch), { folder: 'f', service: 's' })).toEqual([]);
  });

  it('maps a 404 and a failure envelope to API errors', async () => {
    await expect(getServiceVersions(testClient(recorder(json({}, 404)).fetch), 'f/s')).rejects.toBeInstanceOf(SparkNotFoundError);
    const error = await getServiceVersions(testClient(recorder(json({ status: 'Error', errorCode: 'ENGINE_NOT_FOUND', data: null })).fetch), 'f/s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect((error as Error).message).toContain('ENGINE_NOT_FOUND');
  });

  it('rejects id locators before sending', async () => {
    const rec = recorder();
    await expect(getServiceVersions(testClient(rec.fetch), 'version/abc')).rejects.toThrow(SparkSdkError);
    await expect(getServiceVersions(testClient(rec.fetch), 'service/abc')).rejects.toThrow(/folder\/service/);
    expect(rec.calls).toHaveLength(0);
  });
});
