import { describe, expect, it } from 'vitest';
import { SparkForbiddenError, SparkSdkError } from '@spark/core';
import { getServiceSchema } from './get-service-schema.js';
import { json, recorder, testClient } from '@spark/test-utils';

const SCHEMA = { engineID: 'e1', xlInputs: [{ name: 'radius' }], metadata: { versionId: 'v1' }, success: true };

describe('getServiceSchema', () => {
  it('GETs the latest version by folder and service from the origin (api/v1)', async () => {
    const rec = recorder(json(SCHEMA));
    const schema = await getServiceSchema(testClient(rec.fetch), 'my folder/volume-cylinder');
    expect(rec.last.method).toBe('GET');
    expect(rec.last.url).toBe('https://excel.test.coherent.global/api/v1/product/my%20folder/engines/get/volume-cylinder');
    expect(rec.last.text).toBeUndefined();
    expect(schema).toEqual(SCHEMA);
  });

  it.each([
    ['version/v1', 'v1'],
    [{ folder: 'f', service: 's', versionId: 'v 2' }, 'v%202'],
  ] as const)('POSTs %j by version id without a body', async (uri, id) => {
    const rec = recorder(json(SCHEMA));
    await getServiceSchema(testClient(rec.fetch), uri);
    expect(rec.last.method).toBe('POST');
    expect(rec.last.url).toBe(`https://excel.test.coherent.global/my-tenant/api/v3/GetEngineDetailByVersionId/versionid/${id}`);
    expect(rec.last.text).toBeUndefined();
  });

  it('maps a 403 to SparkForbiddenError', async () => {
    const rec = recorder(json({}, 403));
    await expect(getServiceSchema(testClient(rec.fetch), 'f/s')).rejects.toBeInstanceOf(SparkForbiddenError);
  });

  it('rejects a service id locator and bad options before sending', async () => {
    const rec = recorder();
    await expect(getServiceSchema(testClient(rec.fetch), 'service/abc')).rejects.toThrow(SparkSdkError);
    await expect(getServiceSchema(testClient(rec.fetch), 'f/s', { timeout: -1 })).rejects.toThrow(/timeout/);
    expect(rec.calls).toHaveLength(0);
  });
});
