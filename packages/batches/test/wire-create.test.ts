import { describe, expect, it } from 'vitest';
import { SparkNotFoundError, SparkSdkError, SparkUnauthorizedError } from '@spark/core';
import { batches, createBatch, describeBatches } from '../src/index.js';
import { BASE, json, recorder } from '@spark/test-utils';

const created = { object: 'batch', id: 'b-1', data: { batch_status: 'created', service_uri: 'f/s[1.0.0]' } };

describe('describeBatches (wire)', () => {
  it('GETs api/v4/batch/status with the SDK headers and no body', async () => {
    const body = { in_progress_batches: [], recent_batches: [{ object: 'batch', id: 'x', data: { batch_status: 'completed' } }], tenant: { status: { workers_in_use: 0 } } };
    const { spark, calls } = recorder(json(body));
    const result = await describeBatches(spark);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'GET', url: `${BASE}/api/v4/batch/status`, body: undefined });
    expect(calls[0]?.headers['x-synthetic-key']).toBe('k');
    expect(calls[0]?.headers['x-tenant-name']).toBe('my-tenant');
    expect(result).toEqual(body);
  });

  it('maps 401 to SparkUnauthorizedError', async () => {
    const { spark } = recorder(json({ message: 'nope' }, 401));
    await expect(describeBatches(spark)).rejects.toBeInstanceOf(SparkUnauthorizedError);
  });

  it('is bound by the plugin as client.batches.describe', async () => {
    const { spark, calls } = recorder(json({ in_progress_batches: [], recent_batches: [] }));
    await spark.use(batches).batches.describe();
    expect(calls[0]?.url).toBe(`${BASE}/api/v4/batch/status`);
  });
});

describe('createBatch (wire)', () => {
  it('POSTs api/v4/batch with the defaults only', async () => {
    const { spark, calls } = recorder(json(created));
    const result = await createBatch(spark, 'my-folder/my-service[1.2.3]');
    expect(calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/api/v4/batch` });
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[0]?.json).toEqual({
      service: 'my-folder/my-service[1.2.3]',
      call_purpose: 'Async Batch Execution',
      source_system: 'Spark TypeScript SDK',
      acceptable_error_percentage: 0,
    });
    expect(result).toEqual(created);
  });

  it('sends every option under its wire name (Postman spellings for buffer sizes)', async () => {
    const { spark, calls } = recorder(json(created));
    await spark.use(batches).batches.create('f/s', {
      activeSince: '2024-01-01', sourceSystem: 'me', correlationId: 'c-1', callPurpose: 'nightly',
      subservices: ['a', 'b'], selectedOutputs: 'y,z', uniqueRecordKey: ['id', 'k'],
      minRunners: 2, maxRunners: 20, chunksPerVm: 3, runnersPerVm: 4, maxInputSize: 10, maxOutputSize: 12.5,
      accuracy: 0.9, extras: { custom: true, call_purpose: 'from extras' },
    });
    expect(calls[0]?.json).toEqual({
      service: 'f/s',
      version_by_timestamp: '2024-01-01T00:00:00.000Z',
      subservice: 'a,b',
      output: 'y,z',
      call_purpose: 'from extras',
      source_system: 'me',
      correlation_id: 'c-1',
      unique_record_key: 'id,k',
      initial_workers: 2,
      max_workers: 20,
      chunks_per_request: 3,
      runner_thread_count: 4,
      max_input_in_mb: 10,
      max_output_in_mb: 12.5,
      acceptable_error_percentage: 10,
      custom: true,
    });
  });

  it.each([
    ['service/abc-123', { service: 'abc-123' }],
    ['version/v-9', { version_id: 'v-9' }],
    [{ folder: 'my folder', service: 'svc', version: '2.0.0' }, { service: 'my folder/svc[2.0.0]' }],
    [{ folder: 'f', service: 's', versionId: 'v-1' }, { service: 'f/s', version_id: 'v-1' }],
  ])('locates %j in the body', async (uri, expected) => {
    const { spark, calls } = recorder(json(created));
    await createBatch(spark, uri);
    const body = calls[0]?.json as Record<string, unknown>;
    expect({ service: body['service'], version_id: body['version_id'] }).toEqual({ service: undefined, version_id: undefined, ...expected });
  });

  it.each([
    [0.7, 30],
    [0.99, 1],
    [1, 0],
    [0, 100],
  ])('accuracy %d → acceptable_error_percentage %d', async (accuracy, percentage) => {
    const { spark, calls } = recorder(json(created));
    await createBatch(spark, 'f/s', { accuracy });
    expect((calls[0]?.json as Record<string, unknown>)['acceptable_error_percentage']).toBe(percentage);
  });

  it.each([
    [{ minRunners: 0 }, /"minRunners"/],
    [{ minRunners: 5, maxRunners: 2 }, /must not exceed "maxRunners"/],
    [{ accuracy: 1.5 }, /"accuracy"/],
    [{ maxInputSize: -1 }, /"maxInputSize"/],
    [{ activeSince: 'not a date' }, /activeSince/],
  ])('rejects %j before sending', async (params, message) => {
    const { spark, calls } = recorder(json(created));
    await expect(createBatch(spark, 'f/s', params as never)).rejects.toThrow(message);
    await expect(createBatch(spark, 'f/s', params as never)).rejects.toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });

  it('refuses a proxy locator and a bad URI before sending', async () => {
    const { spark, calls } = recorder();
    await expect(createBatch(spark, 'proxy/custom/path')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(createBatch(spark, 'no-slash')).rejects.toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });

  it('maps 404 to SparkNotFoundError', async () => {
    const { spark } = recorder(json({ error: { message: 'service not found' } }, 404));
    await expect(createBatch(spark, 'f/missing')).rejects.toBeInstanceOf(SparkNotFoundError);
  });
});
