import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { deleteService } from './delete-service.js';
import { json, recorder, testClient } from '@spark/test-utils';

const OK = { status: 'Success', data: null, message: null, errorCode: null };

describe('deleteService', () => {
  it('DELETEs api/v1/product/{f}/engines/delete/{s} on the origin, without a body', async () => {
    const rec = recorder(json(OK));
    const result = await deleteService(testClient(rec.fetch), 'my folder/s[1.0.0]');
    expect(rec.last.method).toBe('DELETE');
    expect(rec.last.url).toBe('https://excel.test.coherent.global/api/v1/product/my%20folder/engines/delete/s');
    expect(rec.last.text).toBeUndefined();
    expect(result).toEqual(OK);
  });

  it('maps a 404 and a failure envelope to API errors', async () => {
    await expect(deleteService(testClient(recorder(json({}, 404)).fetch), 'f/s')).rejects.toBeInstanceOf(SparkNotFoundError);
    const error = await deleteService(testClient(recorder(json({ status: 'Failure', message: 'service is locked', data: null })).fetch), 'f/s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect((error as Error).message).toContain('service is locked');
  });

  it('rejects id locators before sending', async () => {
    const rec = recorder();
    await expect(deleteService(testClient(rec.fetch), 'service/abc')).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
