import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkBadRequestError, SparkNotFoundError, SparkSdkError, SparkUnauthorizedError } from '@spark/core';
import { deleteTransform } from './delete-transform.js';
import { getTransform } from './get-transform.js';
import { listTransforms } from './list-transforms.js';
import { transforms } from './plugin.js';
import { uploadTransform } from './upload-transform.js';
import { validateTransform } from './validate-transform.js';
import { BASE, json, recorder, rejection, samplePath } from '@spark/test-utils';

const saved = { object: 'transform', id: 'id-1', status: 'Success', outputs: { name: 'cyl', transform_uri: 'my tf/cyl' } };

describe('uploadTransform', () => {
  it('POSTs api/v4/transforms/{folder}/{name} with a double-encoded transform_content', async () => {
    const { spark, calls } = recorder(json(saved));
    const result = await uploadTransform(spark, { folder: 'my tf', name: 'cyl', transform: { inputs: 'i', outputs: 'o' } });
    expect(result).toEqual(saved);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE}/api/v4/transforms/my%20tf/cyl`);
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    const body = calls[0]!.json;
    expect(Object.keys(body)).toEqual(['transform_content']);
    expect(typeof body.transform_content).toBe('string');
    expect(JSON.parse(body.transform_content)).toEqual({
      transform_type: 'JSONtransforms_v1.0.1', target_api_version: 'v3', input_body_transform: 'i', output_body_transform: 'o',
    });
  });

  it('uploads the shared jsonmapper sample unchanged', async () => {
    const sample = readFileSync(samplePath('jsonmapper_transform.json'), 'utf8');
    const { spark, calls } = recorder(json(saved));
    await uploadTransform(spark, { folder: 'f', name: 'n', transform: sample });
    expect(calls[0]!.json.transform_content).toBe(sample);
  });

  it('maps 401 and validates before sending', async () => {
    expect(await rejection(uploadTransform(recorder(json({}, 401)).spark, { folder: 'f', name: 'n', transform: { inputs: 'i' } }))).toBeInstanceOf(SparkUnauthorizedError);
    const { spark, calls } = recorder(json(saved));
    for (const bad of [{ folder: '', name: 'n', transform: { inputs: 'i' } }, { folder: 'f', name: 'n' }, { folder: 'f', name: 'n', transform: '{' }, null]) {
      expect(await rejection(uploadTransform(spark, bad as never))).toBeInstanceOf(SparkSdkError);
    }
    expect(calls).toHaveLength(0);
  });
});

describe('getTransform', () => {
  const fetched = { object: 'transform', status: 'Success', outputs: { transform_document: '{"transform_type":"JSONtransforms_v1.0.1","input_body_transform":"i"}', updatedAt: '2025-01-01T00:00:00Z' } };

  it('GETs the document for both locator forms', async () => {
    const { spark, calls } = recorder(json(fetched));
    await getTransform(spark, 'my tf/cyl');
    await getTransform(spark, { folder: 'my tf', name: 'cyl' });
    await getTransform(spark, '/my tf/cyl/');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(Array(3).fill(`GET ${BASE}/api/v4/transforms/my%20tf/cyl`));
    expect(calls[0]!.body).toBeUndefined();
  });

  it('parses transform_document into an object', async () => {
    const result = await getTransform(recorder(json(fetched)).spark, 'f/n');
    expect(result.outputs.transform_document).toEqual({ transform_type: 'JSONtransforms_v1.0.1', input_body_transform: 'i' });
    expect(result.outputs.updatedAt).toBe('2025-01-01T00:00:00Z');
    expect(result.status).toBe('Success');
  });

  it('maps 404, and a non-JSON document to a SparkApiError saying so', async () => {
    expect(await rejection(getTransform(recorder(json({}, 404)).spark, 'f/n'))).toBeInstanceOf(SparkNotFoundError);
    const error = await rejection(getTransform(recorder(json({ outputs: { transform_document: 'not json' } })).spark, 'f/n'));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('not valid JSON');
    expect(error.url).toBe(`${BASE}/api/v4/transforms/f/n`);
  });

  it('rejects bad locators before sending', async () => {
    const { spark, calls } = recorder(json(fetched));
    for (const bad of ['f', 'f/n/x', '/n', { folder: 'f' }, 42]) expect(await rejection(getTransform(spark, bad as never))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('listTransforms', () => {
  const page = { count: 1, page: 1, pageSize: 100, result: [{ id: '1', name: 'cyl', transform_type: 'JSONtransforms_v1.0.1' }] };

  it('POSTs the unwrapped paging body (Postman) with defaults', async () => {
    const { spark, calls } = recorder(json(page));
    expect(await listTransforms(spark, 'my tf')).toEqual(page);
    expect(calls[0]!.url).toBe(`${BASE}/api/v4/transforms/list/my%20tf`);
    expect(calls[0]!.json).toEqual({ page: 1, pageSize: 100, sort: '-updatedAt', search: [] });
  });

  it('sends the given paging and search', async () => {
    const { spark, calls } = recorder(json(page));
    await listTransforms(spark, 'f', { page: 3, size: 5, sort: 'name', search: [{ field: 'transform_type', value: 'JSONtransforms_v1.0.1' }] });
    expect(calls[0]!.json).toEqual({ page: 3, pageSize: 5, sort: 'name', search: [{ field: 'transform_type', value: 'JSONtransforms_v1.0.1' }] });
  });

  it('maps 400 and validates before sending', async () => {
    expect(await rejection(listTransforms(recorder(json({}, 400)).spark, 'f'))).toBeInstanceOf(SparkBadRequestError);
    const { spark, calls } = recorder(json(page));
    expect(await rejection(listTransforms(spark, ''))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(listTransforms(spark, 'f', { size: 0 }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(listTransforms(spark, 'f', { search: [{ value: 1 }] as never }))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('deleteTransform', () => {
  it('DELETEs the document and returns the answer', async () => {
    const { spark, calls } = recorder(json(saved));
    expect(await deleteTransform(spark, { folder: 'f', name: 'a b' })).toEqual(saved);
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe(`${BASE}/api/v4/transforms/f/a%20b`);
    expect(calls[0]!.body).toBeUndefined();
  });

  it('maps 404 and validates before sending', async () => {
    expect(await rejection(deleteTransform(recorder(json({}, 404)).spark, 'f/n'))).toBeInstanceOf(SparkNotFoundError);
    const { spark, calls } = recorder(json(saved));
    expect(await rejection(deleteTransform(spark, 'nope'))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('validateTransform', () => {
  const valid = { object: 'transform', outputs: { isValid: false, error: [{ code: 'E1', type: 'syntax', message: 'bad' }] } };

  it('POSTs transforms/validation with transform_content and returns the verdict', async () => {
    const { spark, calls } = recorder(json(valid));
    const result = await validateTransform(spark, { schema: 'Nodejs22_v1.0.0', inputs: 'code' });
    expect(result.outputs.isValid).toBe(false);
    expect(result.outputs.error?.[0]?.code).toBe('E1');
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE}/api/v4/transforms/validation`);
    expect(JSON.parse(calls[0]!.json.transform_content)).toEqual({ transform_type: 'Nodejs22_v1.0.0', transform_code: 'code' });
  });

  it('maps 400 and validates before sending', async () => {
    expect(await rejection(validateTransform(recorder(json({}, 400)).spark, { inputs: 'i' }))).toBeInstanceOf(SparkBadRequestError);
    const { spark, calls } = recorder(json(valid));
    expect(await rejection(validateTransform(spark, { apiVersion: 'v9' as never, inputs: 'i' }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(validateTransform(spark, { inputs: 'i' }, { timeout: 0 }))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('transforms plugin', () => {
  it('registers under "transforms" and binds the operations', async () => {
    const { spark, calls } = recorder(json({ count: 0, result: [] }));
    const client = spark.use(transforms);
    await client.transforms.list('f');
    expect(transforms.key).toBe('transforms');
    expect(Object.keys(client.transforms).sort()).toEqual(['delete', 'get', 'list', 'upload', 'validate']);
    expect(calls[0]!.url).toBe(`${BASE}/api/v4/transforms/list/f`);
  });
});
