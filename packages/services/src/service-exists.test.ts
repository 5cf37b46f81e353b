import { describe, expect, it } from 'vitest';
import { SparkInternalServerError, SparkSdkError } from '@spark/core';
import { serviceExists } from './service-exists.js';
import { json, recorder, testClient, v3 } from '@spark/test-utils';

describe('serviceExists', () => {
  it('GETs …/exists and reads is_exists', async () => {
    const rec = recorder(json(v3({ is_exists: true })), json(v3({ is_exists: false })));
    const spark = testClient(rec.fetch);
    expect(await serviceExists(spark, 'my folder/s[1.0.0]')).toBe(true);
    expect(rec.last.method).toBe('GET');
    expect(rec.last.path).toBe('/my-tenant/api/v3/folders/my%20folder/services/s/exists');
    expect(await serviceExists(spark, { folder: 'f', service: 's' })).toBe(false);
  });

  it('treats a 404 as false, other errors as errors', async () => {
    expect(await serviceExists(testClient(recorder(json({}, 404)).fetch), 'f/s')).toBe(false);
    await expect(serviceExists(testClient(recorder(json({}, 500)).fetch), 'f/s')).rejects.toBeInstanceOf(SparkInternalServerError);
  });

  it('is false for an answer without is_exists: true', async () => {
    expect(await serviceExists(testClient(recorder(json(v3({ is_exists: 'true' }))).fetch), 'f/s')).toBe(false);
  });

  it('rejects id locators before sending', async () => {
    const rec = recorder();
    await expect(serviceExists(testClient(rec.fetch), 'version/v1')).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
