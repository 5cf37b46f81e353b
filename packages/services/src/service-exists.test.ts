import { describe, expect, it } from 'vitest';
import { SparkInternalServerError, SparkSdkError } from '@spark/core';
import { serviceExists } from './service-exists.js';
import { clientFor, recorder, v3 } from '../test/recorder.js';

describe('serviceExists', () => {
  it('GETs …/exists and reads is_exists', async () => {
    const rec = recorder({ json: v3({ is_exists: true }) }, { json: v3({ is_exists: false }) });
    const spark = clientFor(rec);
    expect(await serviceExists(spark, 'my folder/s[1.0.0]')).toBe(true);
    expect(rec.last.method).toBe('GET');
    expect(rec.last.path).toBe('/my-tenant/api/v3/folders/my%20folder/services/s/exists');
    expect(await serviceExists(spark, { folder: 'f', service: 's' })).toBe(false);
  });

  it('treats a 404 as false, other errors as errors', async () => {
    expect(await serviceExists(clientFor(recorder({ status: 404, json: {} })), 'f/s')).toBe(false);
    await expect(serviceExists(clientFor(recorder({ status: 500, json: {} })), 'f/s')).rejects.toBeInstanceOf(SparkInternalServerError);
  });

  it('is false for an answer without is_exists: true', async () => {
    expect(await serviceExists(clientFor(recorder({ json: v3({ is_exists: 'true' }) })), 'f/s')).toBe(false);
  });

  it('rejects id locators before sending', async () => {
    const rec = recorder();
    await expect(serviceExists(clientFor(rec), 'version/v1')).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
