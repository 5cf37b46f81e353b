import { describe, expect, it } from 'vitest';
import { SparkNotFoundError, SparkSdkError } from '@spark/core';
import { validateService } from './validate-service.js';
import { json, recorder, testClient, v3 } from '@spark/test-utils';

const REPLY = v3({ outputs: { radius: { validation_allow: 'decimal', validation_type: 'static', min: 0, max: 10 } }, warnings: null, errors: null, service_chain: null });

describe('validateService', () => {
  it.each([
    ['f/s', '/my-tenant/api/v3/folders/f/services/s/validation'],
    ['service/abc', '/my-tenant/api/v3/service/abc/validation'],
    ['version/xyz', '/my-tenant/api/v3/version/xyz/validation'],
    ['proxy/my/endpoint', '/my-tenant/api/v3/proxy/my/endpoint'],
    [{ folder: 'f', service: 's', public: true }, '/my-tenant/api/v3/public/folders/f/services/s/validation'],
    [{ versionId: 'xyz', public: true }, '/my-tenant/api/v3/public/version/xyz/validation'],
  ] as const)('posts %j to %s', async (uri, path) => {
    const rec = recorder(json(REPLY));
    await validateService(testClient(rec.fetch), uri, { inputs: { radius: 1 } });
    expect(rec.last.method).toBe('POST');
    expect(rec.last.path).toBe(path);
  });

  it('sends static validation as default_values by default (as PY does)', async () => {
    const rec = recorder(json(REPLY));
    const result = await validateService(testClient(rec.fetch), 'f/s[0.1.0]');
    expect(rec.last.json).toEqual({
      request_data: { inputs: {} },
      request_meta: {
        version: '0.1.0', call_purpose: 'Single Execution', source_system: 'Spark TypeScript SDK', compiler_type: 'Neuron',
        excel_file: false, response_data_inputs: false, validation_type: 'default_values',
      },
    });
    expect(result).toEqual(REPLY);
    expect(result.response_data.outputs['radius']?.max).toBe(10);
  });

  it('maps validationType and the metadata options', async () => {
    const rec = recorder(json(REPLY));
    await validateService(testClient(rec.fetch), 'f/s', { inputs: '{"radius":2}', validationType: 'dynamic', correlationId: 'c', callPurpose: 'UI' });
    expect(rec.last.json).toMatchObject({
      request_data: { inputs: { radius: 2 } },
      request_meta: { validation_type: 'dynamic', correlation_id: 'c', call_purpose: 'UI' },
    });
    await validateService(testClient(rec.fetch), 'f/s', { validationType: 'static' });
    expect(rec.last.json).toMatchObject({ request_meta: { validation_type: 'default_values' } });
  });

  it('maps a 404 to SparkNotFoundError', async () => {
    const rec = recorder(json({ error: 'no such service' }, 404));
    await expect(validateService(testClient(rec.fetch), 'f/nope')).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it.each([
    ['many records', { inputs: [{ a: 1 }, { a: 2 }] }, /one record/],
    ['a bad validationType', { validationType: 'strict' }, /validationType/],
    ['invalid JSON', { inputs: '{' }, /not valid JSON/],
  ])('rejects %s before sending', async (_label, params, message) => {
    const rec = recorder();
    const error = await validateService(testClient(rec.fetch), 'f/s', params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(message);
    expect(rec.calls).toHaveLength(0);
  });
});
