import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkForbiddenError, SparkSdkError } from '@spark/core';
import { folderExists } from './folder-exists.js';
import { ORIGIN, json, ok, recorder, rejection } from '@spark/test-utils';

describe('folderExists', () => {
  it('POSTs isproductexists/{name} at the origin with the SDK headers and no body', async () => {
    const { spark, calls } = recorder(ok(true));
    await folderExists(spark, 'my folder');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.method).toBe('POST');
    expect(call!.url).toBe(`${ORIGIN}/api/v1/product/isproductexists/my%20folder`);
    expect(call!.headers['x-tenant-name']).toBe('my-tenant');
    expect(call!.headers['x-synthetic-key']).toBe('k');
    expect(call!.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call!.body).toBeUndefined();
  });

  it('returns true only for data === true', async () => {
    expect(await folderExists(recorder(ok(true)).spark, 'f')).toBe(true);
    expect(await folderExists(recorder(ok(false)).spark, 'f')).toBe(false);
    expect(await folderExists(recorder(ok('true')).spark, 'f')).toBe(false);
  });

  it('maps 404 to false, 403 to SparkForbiddenError and an error envelope to SparkApiError', async () => {
    expect(await folderExists(recorder(json({ status: 'Error' }, 404)).spark, 'f')).toBe(false);
    expect(await rejection(folderExists(recorder(json({}, 403)).spark, 'f'))).toBeInstanceOf(SparkForbiddenError);
    const error = await rejection(folderExists(recorder(json({ status: 'Error', errorCode: 'BOOM', data: null })).spark, 'f'));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('BOOM');
  });

  it('rejects a blank name before sending anything', async () => {
    const { spark, calls } = recorder(ok(true));
    const error = await rejection(folderExists(spark, '  '));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toContain('folders.exists: "name"');
    expect(calls).toHaveLength(0);
  });
});
