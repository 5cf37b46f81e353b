import { describe, expect, it } from 'vitest';
import { SparkInternalServerError, SparkSdkError } from '@spark/core';
import { transformService } from './transform-service.js';
import { json, recorder, testClient } from '@spark/test-utils';

function unquote(header: string | undefined): unknown {
  expect(header).toMatch(/^'.*'$/);
  return JSON.parse(header!.slice(1, -1));
}

describe('transformService', () => {
  it('defaults to the PY object form with the target folder and service as the document', async () => {
    const rec = recorder(json({ result: 42 }));
    const out = await transformService(testClient(rec.fetch), 'my-folder/volume-cylinder', { inputs: { cyl: { r: 2 } } });
    expect(out).toEqual({ result: 42 });
    expect(rec.last.method).toBe('POST');
    expect(rec.last.path).toBe('/my-tenant/api/v4/transforms/my-folder/volume-cylinder/for/my-folder/volume-cylinder');
    expect(rec.last.json).toEqual({ cyl: { r: 2 } });
    expect(rec.last.headers['x-meta']).toBeUndefined();
    expect(unquote(rec.last.headers['x-request-meta'])).toEqual({
      call_purpose: 'Single Execution', source_system: 'Spark TypeScript SDK', compiler_type: 'Neuron', excel_file: false, response_data_inputs: false,
    });
  });

  it('uses { folder, name } documents and falls back per key', async () => {
    const rec = recorder(json({}));
    const spark = testClient(rec.fetch);
    await transformService(spark, 'f/s', { inputs: {}, using: { folder: 'tf', name: 'tn' } });
    expect(rec.last.path).toBe('/my-tenant/api/v4/transforms/tf/tn/for/f/s');
    await transformService(spark, 'f/s', { inputs: {}, using: { name: 'tn' } });
    expect(rec.last.path).toBe('/my-tenant/api/v4/transforms/f/tn/for/f/s');
    await transformService(spark, { folder: 'my f', service: 'my s' }, { inputs: {}, using: { folder: 't f', name: 't n' } });
    expect(rec.last.path).toBe('/my-tenant/api/v4/transforms/t%20f/t%20n/for/my%20f/my%20s');
  });

  it('uses the legacy path for a string document', async () => {
    const rec = recorder(json({}));
    await transformService(testClient(rec.fetch), 'f/s', { inputs: [1, 2], using: 'legacy-doc' });
    expect(rec.last.path).toBe('/my-tenant/api/v4/transforms/legacy-doc/for/folders/f/services/s');
    expect(rec.last.json).toEqual([1, 2]);
  });

  it('sends v3 metadata (with the semantic version) in x-request-meta', async () => {
    const rec = recorder(json({}));
    await transformService(testClient(rec.fetch), 'f/s[1.2.3]', {
      inputs: null, callPurpose: 'Transforms', correlationId: 'é-1', activeSince: '2024-01-01', selectedOutputs: ['a', 'b'], extras: { x: 1 },
    });
    expect(rec.last.json).toEqual({});
    const header = rec.last.headers['x-request-meta']!;
    expect(header).not.toMatch(/[^\x20-\x7e]/);
    expect(unquote(header)).toEqual({
      version: '1.2.3', transaction_date: '2024-01-01T00:00:00.000Z', call_purpose: 'Transforms', source_system: 'Spark TypeScript SDK',
      correlation_id: 'é-1', compiler_type: 'Neuron', excel_file: false, response_data_inputs: false, requested_output: 'a,b', x: 1,
    });
  });

  it('sends v4 metadata (with the service) in x-meta', async () => {
    const rec = recorder(json({}));
    await transformService(testClient(rec.fetch), 'f/s[1.2.3]', { inputs: { a: 1 }, apiVersion: 'v4', subservices: 'sub' });
    expect(rec.last.headers['x-request-meta']).toBeUndefined();
    expect(unquote(rec.last.headers['x-meta'])).toEqual({
      service: 'f/s[1.2.3]', subservice: 'sub', call_purpose: 'Sync Batch Execution', source_system: 'Spark TypeScript SDK',
    });
  });

  it('maps HTTP errors', async () => {
    const rec = recorder(json({ message: 'transform blew up' }, 500));
    const error = await transformService(testClient(rec.fetch), 'f/s', { inputs: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkInternalServerError);
    expect((error as Error).message).toContain('transform blew up');
  });

  it.each([
    ['an id locator', 'service/abc', { inputs: {} }, /folder\/service/],
    ['a bad apiVersion', 'f/s', { inputs: {}, apiVersion: 'v5' }, /apiVersion/],
    ['an empty using', 'f/s', { inputs: {}, using: '  ' }, /using/],
    ['unknown using keys', 'f/s', { inputs: {}, using: { service: 'x' } }, /using/],
  ])('rejects %s before sending', async (_label, uri, params, message) => {
    const rec = recorder();
    const error = await transformService(testClient(rec.fetch), uri, params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(message);
    expect(rec.calls).toHaveLength(0);
  });
});
